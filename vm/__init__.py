"""The VM: running one computation, suspending and resuming it, its builtins and tracebacks."""
