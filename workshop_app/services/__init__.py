"""Use cases. Plain functions that take a Session, validate input and raise UserError.

The GUI, the CLI and the tests all go through these; no Qt here.
"""
