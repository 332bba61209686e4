"""General's declarative base: every table in the `general` schema."""

from shared.db import declarative_base

Base = declarative_base("general")
