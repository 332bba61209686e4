"""The whole suite runs against the real embedded stack (see shared/testing/stack.py)."""

import pytest

from shared.personal_data import generate_key

pytest_plugins = ["shared.testing.stack"]


@pytest.fixture(scope="session")
def identity_keys() -> dict[str, str]:
    """One pair of identity's personal-data keys per run: every identity process shares its tables."""
    return {"FIELD_ENCRYPTION_KEY": generate_key(), "BLIND_INDEX_KEY": generate_key()}
