"""The declarative access policy: which method and path template, and who may call it.

Compiled once into one regular expression per service; a request matching no rule is refused
before it reaches a service.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from shared.auth import Principal

_PARAM = re.compile(r"\{([a-zA-Z_][a-zA-Z0-9_]*)\}")


@dataclass(frozen=True)
class Rule:
    service: str
    method: str
    path: str
    public: bool = False
    account_types: frozenset[str] = frozenset()
    roles: frozenset[str] = frozenset()
    scopes: frozenset[str] = frozenset()
    authenticated: bool = False
    sensitive: bool = False

    def admits(self, principal: Principal) -> bool:
        if self.public or self.authenticated:
            return True
        return bool(
            (principal.account_type and principal.account_type in self.account_types)
            or principal.roles & self.roles
            or (self.scopes and self.scopes <= principal.scopes)
        )

    def describe(self) -> dict[str, Any]:
        if self.public:
            return {"allow": "public"}
        if self.authenticated:
            return {"allow": "authenticated"}
        return {
            "allow": {
                k: sorted(v)
                for k, v in (
                    ("account_types", self.account_types),
                    ("roles", self.roles),
                    ("scopes", self.scopes),
                )
                if v
            }
        }


@dataclass
class Policy:
    rules: list[Rule]
    # Per service: one pattern over its path templates, and each template's rules by method.
    _by_service: dict[str, tuple[re.Pattern, list[dict[str, Rule]]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        grouped: dict[str, dict[str, dict[str, Rule]]] = {}
        for rule in self.rules:
            grouped.setdefault(rule.service, {}).setdefault(rule.path, {})[rule.method] = rule
        for service, templates in grouped.items():
            # The most literal template wins whatever the method, so /vacancies/managed is never
            # taken for /vacancies/{id}: a method it lacks is a 405, not another route.
            paths = sorted(templates, key=lambda p: (p.count("{"), -len(p)))
            alternatives = [f"(?P<r{i}>{_template_regex(p)})" for i, p in enumerate(paths)]
            self._by_service[service] = (re.compile("|".join(alternatives)), [templates[p] for p in paths])

    def _methods(self, path: str) -> dict[str, Rule]:
        parts = path.split("/", 4)
        if len(parts) < 4 or parts[1] != "api" or parts[2] != "v1":
            return {}
        entry = self._by_service.get(parts[3])
        if entry is None:
            return {}
        pattern, by_method = entry
        found = pattern.fullmatch(path)
        return by_method[int(found.lastgroup[1:])] if found is not None else {}

    def match(self, method: str, path: str) -> Rule | None:
        """The rule for this request, or None (deny)."""
        return self._methods(path).get(method)

    def methods(self, path: str) -> list[str]:
        """The methods the rules allow on this path: a 405's `Allow`."""
        return sorted(self._methods(path))

    def services(self) -> list[str]:
        return sorted(self._by_service)


def _template_regex(path: str) -> str:
    escaped = re.escape(path).replace(r"\{", "{").replace(r"\}", "}")
    return _PARAM.sub(r"[^/]+", escaped)


def _rule(service: str, raw: dict[str, Any]) -> Rule:
    allow = raw["allow"]
    common = {
        "service": service,
        "method": raw["method"].upper(),
        "path": raw["path"],
        "sensitive": raw.get("rate") == "sensitive",
    }
    if allow == "public":
        return Rule(**common, public=True)
    if allow == "authenticated":
        return Rule(**common, authenticated=True)
    unknown = set(allow) - {"account_types", "roles", "scopes"}
    if unknown:
        raise ValueError(f"unknown policy keys {unknown} for {raw['path']}")
    return Rule(
        **common,
        account_types=frozenset(allow.get("account_types", ())),
        roles=frozenset(allow.get("roles", ())),
        scopes=frozenset(allow.get("scopes", ())),
    )


def load(path: str | None = None) -> Policy:
    """The policy from `path`, or the one shipped with the gateway."""
    text = Path(path).read_text() if path else resources.files("gateway").joinpath("policy.yaml").read_text()
    document = yaml.safe_load(text) or {}
    return Policy([_rule(service, raw) for service, raws in document.items() for raw in raws])
