"""Writes: keyword-only, atomic functions named <thing>_<verb>, one module per domain part."""
