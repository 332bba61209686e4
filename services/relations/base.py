"""Relations' declarative base: every table in the `relations` schema."""

from shared.db import declarative_base

Base = declarative_base("relations")
