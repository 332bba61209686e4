"""Satu Data's mappings stay true to the events they read: every mapped type is a registered event
of some service, and every mapping yields only dimensions its dataset declares."""

import typing
import uuid
from datetime import date

import pytest

from deploy.local.processes import SERVICES
from services.general.satu_data.catalogue import CONTRIBUTIONS, DATASETS
from shared.events.envelope import registry

SAMPLES = {
    "region_code": "32.01",
    "occupation_code": "2512",
    "industry_code": "62",
    "kbli_code": "62",
    "education_level": "sma",
    "sex": "P",
    "age_band": "25-29",
    "decision": "approved",
}


def _sample(model) -> dict:
    data = {}
    for name, field in model.model_fields.items():
        kind = typing.get_args(field.annotation)[0] if typing.get_args(field.annotation) else field.annotation
        if name in SAMPLES:
            data[name] = SAMPLES[name]
        elif kind is bool:
            data[name] = True
        elif kind is int:
            data[name] = 3
        elif kind is uuid.UUID:
            data[name] = str(uuid.uuid4())
        elif kind is date:
            data[name] = "2026-01-01"
        elif typing.get_origin(field.annotation) is list:
            data[name] = []
        else:
            data[name] = "lainnya"
    return data


@pytest.fixture(scope="module", autouse=True)
def every_service_events():
    for factory, _ in SERVICES.values():
        __import__(factory.split(":")[0].rsplit(".", 1)[0] + ".events")


@pytest.mark.parametrize("type_", sorted(CONTRIBUTIONS))
def test_mapping_reads_a_registered_event_and_declared_dimensions(type_):
    assert type_ in registry, f"{type_} is not an event any service publishes"
    data = _sample(registry[type_])
    for dataset, amount, dimensions in CONTRIBUTIONS[type_]:
        assert dataset in DATASETS
        assert amount(data) >= 0
        assert set(dimensions(data)) <= set(DATASETS[dataset].dimensions), dataset
