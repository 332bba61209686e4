"""Vacancy requests and responses."""

import uuid
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, Field, model_validator

from shared.reference import EducationLevel, IndustryCode, KabKotaCode, OccupationCode
from shared.schemas import Patch, Strict


def _division(code: str) -> str:
    if not code.isdigit() or len(code) != 2:
        raise ValueError("a KBLI division (2 digits) is required")
    return code


Rupiah = Annotated[int, Field(ge=0, le=10_000_000_000)]
WorkArrangement = Literal["onsite", "remote", "hybrid"]
EmploymentType = Literal["full_time", "part_time", "contract", "internship", "daily"]


class VacancyFields(Strict):
    title: Annotated[str, Field(min_length=3, max_length=200)]
    description: Annotated[str, Field(min_length=20, max_length=20_000)]
    occupation_code: OccupationCode
    industry_code: Annotated[IndustryCode, AfterValidator(_division)]
    region_code: KabKotaCode
    education_level: EducationLevel
    wage_min: Rupiah
    wage_max: Rupiah
    openings: int = Field(ge=1, le=100_000)
    closes_on: date
    experience_years: int = Field(default=0, ge=0, le=50)
    work_arrangement: WorkArrangement = "onsite"
    employment_type: EmploymentType = "full_time"
    disability_friendly: bool = False
    skills: list[Annotated[str, Field(min_length=1, max_length=60)]] = Field(
        default_factory=list, max_length=30
    )


class VacancyCreate(VacancyFields):
    @model_validator(mode="after")
    def _wage_range(self) -> "VacancyCreate":
        if self.wage_max < self.wage_min:
            raise ValueError("wage_max is below wage_min")
        return self


class VacancyUpdate(Patch):
    """Any field of a draft; once published only the description, openings, closing date and wages."""

    title: Annotated[str, Field(min_length=3, max_length=200)] | None = None
    description: Annotated[str, Field(min_length=20, max_length=20_000)] | None = None
    occupation_code: OccupationCode | None = None
    industry_code: Annotated[IndustryCode, AfterValidator(_division)] | None = None
    region_code: KabKotaCode | None = None
    education_level: EducationLevel | None = None
    wage_min: Rupiah | None = None
    wage_max: Rupiah | None = None
    openings: int | None = Field(default=None, ge=1, le=100_000)
    closes_on: date | None = None
    experience_years: int | None = Field(default=None, ge=0, le=50)
    work_arrangement: WorkArrangement | None = None
    employment_type: EmploymentType | None = None
    disability_friendly: bool | None = None
    skills: list[Annotated[str, Field(min_length=1, max_length=60)]] | None = Field(
        default=None, max_length=30
    )


class VacancyRead(BaseModel):
    id: uuid.UUID
    organization_id: uuid.UUID
    employer_name: str | None
    title: str
    description: str
    occupation_code: str
    industry_code: str
    region_code: str
    education_level: str
    wage_min: int
    wage_max: int
    openings: int
    filled: int
    closes_on: date
    experience_years: int
    work_arrangement: str
    employment_type: str
    disability_friendly: bool
    skills: list[str]
    status: str
    published_at: datetime | None
    closed_at: datetime | None
    close_reason: str | None


class VacancyReportCreate(Strict):
    reason: Annotated[str, Field(min_length=10, max_length=1000)]


class TakeDown(Strict):
    reason: Annotated[str, Field(min_length=10, max_length=300)]
