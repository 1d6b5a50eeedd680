"""Big data: chunked homogeneous lists (a later issue builds them here)."""
