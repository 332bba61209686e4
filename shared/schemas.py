"""Base models for request bodies: an unknown field is a 422, never silently dropped (mass
assignment), and surrounding whitespace is stripped."""

from pydantic import BaseModel, ConfigDict


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
