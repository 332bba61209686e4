"""Training's declarative base: every table in the `training` schema."""

from shared.db import declarative_base

Base = declarative_base("training")
