"""Placement's declarative base: every table in the `placement` schema."""

from shared.db import declarative_base

Base = declarative_base("placement")
