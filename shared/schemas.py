"""Base models for request bodies: an unknown field is a 422, never silently dropped (mass
assignment); surrounding whitespace is stripped; and a JSON value of the wrong type is refused
rather than coerced (`0` is neither `false` nor a date, `false` is not `0`, `"5"` is not `5`), as
the published schema promises."""

from __future__ import annotations

import types
from datetime import date, datetime, time
from decimal import Decimal
from typing import Annotated, Any, ClassVar, Union, get_args, get_origin
from uuid import UUID

from pydantic import BaseModel, ConfigDict, model_validator
from pydantic_core import PydanticCustomError

# The JSON values a field of each type may arrive as (pydantic's lax mode takes more).
_JSON_TYPES: dict[Any, tuple[type, ...]] = {
    bool: (bool,),
    int: (int, float),
    float: (int, float),
    Decimal: (int, float, str),
    date: (str,),
    datetime: (str,),
    time: (str,),
    UUID: (str,),
}


def _json_types(annotation: Any) -> tuple[type, ...] | None:
    """What the annotation admits, when all of its non-null alternatives agree on it."""
    alternatives = (
        get_args(annotation) if get_origin(annotation) in (Union, types.UnionType) else (annotation,)
    )
    found: set[tuple[type, ...]] = set()
    for alternative in alternatives:
        if get_origin(alternative) is Annotated:
            alternative = get_args(alternative)[0]
        if alternative is type(None):
            continue
        if alternative not in _JSON_TYPES:
            return None
        found.add(_JSON_TYPES[alternative])
    return found.pop() if len(found) == 1 else None


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    # Field name as sent → the JSON values it may arrive as; made once per model.
    _json_scalars: ClassVar[dict[str, tuple[type, ...]]] = {}

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        cls._json_scalars = {
            field.alias or name: allowed
            for name, field in cls.model_fields.items()
            if (allowed := _json_types(field.annotation)) is not None
        }

    @model_validator(mode="before")
    @classmethod
    def _exact_json_types(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        for key, allowed in cls._json_scalars.items():
            value = data.get(key)
            if value is None:
                continue
            if not isinstance(value, allowed) or (isinstance(value, bool) and bool not in allowed):
                names = " or ".join(dict.fromkeys(_NAMES[t] for t in allowed))
                raise PydanticCustomError(
                    "json_type", "{field}: must be a JSON {names}", {"field": key, "names": names}
                )
        return data


_NAMES = {bool: "boolean", int: "number", float: "number", str: "string"}


def _without_null(schema: dict[str, Any]) -> None:
    for prop in schema.get("properties", {}).values():
        if "anyOf" in prop:
            prop["anyOf"] = [alt for alt in prop["anyOf"] if alt.get("type") != "null"]
            if len(prop["anyOf"]) == 1:
                prop.update(prop.pop("anyOf")[0])
        prop.pop("default", None)


class Patch(Strict):
    """A partial update: a field left out stays as it is, and `null` is refused — nothing is
    cleared by it (a NOT NULL column would otherwise fail at the database)."""

    model_config = ConfigDict(json_schema_extra=_without_null)

    @model_validator(mode="before")
    @classmethod
    def _no_nulls(cls, data: Any) -> Any:
        if isinstance(data, dict) and (nulls := sorted(k for k, v in data.items() if v is None)):
            raise PydanticCustomError(
                "not_null", "{fields}: leave out instead of null", {"fields": ", ".join(nulls)}
            )
        return data
