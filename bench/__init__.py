"""Benchmarks behind `make bench`: figures measured against a reference in the same run."""
