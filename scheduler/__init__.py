"""The scheduler: worker processes, the queue of computations, and their futures."""
