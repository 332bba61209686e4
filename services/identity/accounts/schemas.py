"""Account requests and responses. Personal data leaves masked unless the reader is its owner."""

import uuid
from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field, field_validator

from shared.schemas import Strict

AccountType = Literal[
    "pencari_kerja",
    "pekerja",
    "pemberi_kerja",
    "pelaksana_penempatan",
    "lembaga_pendidikan",
    "lembaga_pelatihan",
    "lembaga_sertifikasi",
    "kementerian_lembaga",
    "pemda_provinsi",
    "pemda_kabkota",
    "lainnya",
]
ConsentPurpose = Literal["layanan_ketenagakerjaan", "pencocokan_lowongan", "statistik", "komunikasi"]


class AccountCreate(Strict):
    nik: str = Field(min_length=16, max_length=16, pattern=r"^[0-9]{16}$")
    full_name: str = Field(min_length=2, max_length=150)
    birth_date: date
    sex: Literal["L", "P"]
    email: EmailStr
    phone: str = Field(min_length=8, max_length=20)
    username: str = Field(min_length=4, max_length=32, pattern=r"^[a-zA-Z0-9_.]+$")
    password: str = Field(min_length=1, max_length=256)
    account_type: AccountType

    @field_validator("full_name")
    @classmethod
    def printable(cls, value: str) -> str:
        if not value.isprintable():
            raise ValueError("must be printable text")
        return value


class AccountUpdate(Strict):
    email: EmailStr | None = None
    phone: str | None = Field(default=None, min_length=8, max_length=20)


class PasswordChange(Strict):
    current_password: str = Field(max_length=256)
    new_password: str = Field(max_length=256)


class AccountRead(BaseModel):
    id: uuid.UUID
    username: str | None
    account_type: str
    nik: str
    full_name: str
    birth_date: str
    sex: str | None
    email: str | None
    phone: str | None
    region_code: str | None
    status: str
    roles: list[dict] = []
    totp_enrolled: bool
    created_at: datetime


class ConsentChange(Strict):
    purpose: ConsentPurpose
    given: bool


class ConsentRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    purpose: str
    given_at: datetime
    withdrawn_at: datetime | None


class TotpEnrolment(BaseModel):
    secret: str
    otpauth_uri: str


class TotpConfirm(Strict):
    code: str = Field(pattern=r"^[0-9]{6}$")


class AccountDeletion(Strict):
    password: str = Field(max_length=256)


class AccountStatusChange(Strict):
    status: Literal["active", "disabled"]


class AccountStatusRead(BaseModel):
    id: uuid.UUID
    status: str
