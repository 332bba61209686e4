"""Identity's declarative base: every table in the `identity` schema."""

from shared.db import declarative_base

Base = declarative_base("identity")
