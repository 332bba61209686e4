"""The embedded stack behind `make run` and the tests."""
