"""Test helpers: the real embedded stack on free ports, and builders for tokens."""
