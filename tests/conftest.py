"""The whole suite runs against the real embedded stack (see shared/testing/stack.py)."""

pytest_plugins = ["shared.testing.stack"]
