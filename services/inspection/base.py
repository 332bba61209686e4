"""Inspection's declarative base: every table in the `inspection` schema."""

from shared.db import declarative_base

Base = declarative_base("inspection")
