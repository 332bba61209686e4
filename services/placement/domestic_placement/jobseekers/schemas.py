"""Job-seeker profile requests and responses."""

import uuid
from datetime import date, datetime
from typing import Annotated

from pydantic import BaseModel, EmailStr, Field, model_validator

from shared.reference import (
    EducationLevel,
    IndustryCode,
    KabKotaCode,
    MaritalStatus,
    OccupationCode,
    RegionCode,
    Religion,
)
from shared.schemas import Strict

Text = Annotated[str, Field(min_length=1, max_length=120)]


class Education(Strict):
    level: EducationLevel
    field: Text | None = None
    institution: Text
    year: int = Field(ge=1950, le=2100)


class Certificate(Strict):
    name: Text
    issuer: Text
    number: Annotated[str, Field(max_length=60)] | None = None
    year: int = Field(ge=1950, le=2100)


class Experience(Strict):
    occupation_code: OccupationCode
    industry_code: IndustryCode | None = None
    employer: Text
    started_on: date
    ended_on: date | None = None

    @model_validator(mode="after")
    def _ordered(self) -> "Experience":
        if self.ended_on is not None and self.ended_on < self.started_on:
            raise ValueError("ended_on is before started_on")
        return self


class JobseekerProfile(Strict):
    """The whole profile: PUT replaces it."""

    education_level: EducationLevel
    education: list[Education] = Field(default_factory=list, max_length=20)
    skills: list[Annotated[str, Field(min_length=1, max_length=60)]] = Field(
        default_factory=list, max_length=50
    )
    certificates: list[Certificate] = Field(default_factory=list, max_length=50)
    experience: list[Experience] = Field(default_factory=list, max_length=50)
    preferred_occupations: list[OccupationCode] = Field(default_factory=list, max_length=10)
    preferred_regions: list[RegionCode] = Field(default_factory=list, max_length=10)
    expected_wage: int | None = Field(default=None, ge=0, le=1_000_000_000)
    disability_accommodations: Annotated[str, Field(max_length=1000)] | None = None
    languages: list[Annotated[str, Field(min_length=2, max_length=40)]] = Field(
        default_factory=list, max_length=10
    )
    discoverable: bool = False
    domicile_region_code: KabKotaCode | None = None
    marital_status: MaritalStatus | None = None
    religion: Religion | None = None
    address: Annotated[str, Field(max_length=300)] | None = None
    email: EmailStr | None = None
    phone: Annotated[str, Field(pattern=r"^\+?[0-9]{8,15}$")] | None = None


class JobseekerRead(BaseModel):
    """A profile as its owner or their counsellor sees it (`nik` masked for the counsellor)."""

    id: uuid.UUID
    nik: str
    full_name: str
    sex: str
    birth_date: date
    domicile_region_code: str
    education_level: str
    education: list[dict]
    skills: list[str]
    certificates: list[dict]
    experience: list[dict]
    preferred_occupations: list[str]
    preferred_regions: list[str]
    expected_wage: int | None
    disability_accommodations: str | None
    languages: list[str]
    discoverable: bool
    marital_status: str | None
    religion: str | None
    address: str | None
    email: str | None
    phone: str | None
    status: str
    updated_at: datetime


class CurriculumVitae(BaseModel):
    """What an employer sees of an applicant or candidate: the CV, never the NIK."""

    jobseeker_id: uuid.UUID
    full_name: str
    sex: str
    age: int
    domicile_region_code: str
    education_level: str
    education: list[dict]
    skills: list[str]
    certificates: list[dict]
    experience: list[dict]
    languages: list[str]
    email: str | None
    phone: str | None
