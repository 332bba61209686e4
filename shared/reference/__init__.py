"""Reference code lists (Pasal 12), each with its edition, usable from any service and model.

from shared.reference import KabKotaCode, OccupationCode, lists

class VacancyCreate(BaseModel):
    region_code: KabKotaCode
    occupation_code: OccupationCode
"""

from shared.reference.codes import (
    CodeList,
    EducationLevel,
    Entry,
    IndustryCode,
    KabKotaCode,
    MaritalStatus,
    OccupationCode,
    ProvinceCode,
    RegionCode,
    Religion,
    age_band,
    education_rank,
    lists,
)

__all__ = [
    "CodeList",
    "EducationLevel",
    "Entry",
    "IndustryCode",
    "KabKotaCode",
    "MaritalStatus",
    "OccupationCode",
    "ProvinceCode",
    "RegionCode",
    "Religion",
    "age_band",
    "education_rank",
    "lists",
]
