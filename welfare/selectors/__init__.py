"""Reads used by several views, one module per part of the domain."""
