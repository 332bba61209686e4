"""P2K3 committees, PJK3 licences and Ahli K3 appointments."""

import uuid
from datetime import date

from sqlalchemy import ForeignKey, String
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.orm import Mapped, mapped_column

from services.inspection.base import Base
from shared.db import Timestamped


class AhliK3(Timestamped, Base):
    __tablename__ = "ahli_k3"

    organization_id: Mapped[uuid.UUID] = mapped_column(index=True)
    full_name: Mapped[str] = mapped_column(String(200))
    certificate_number: Mapped[str] = mapped_column(String(60), unique=True)
    field: Mapped[str] = mapped_column(String(40))  # umum, listrik, kebakaran, ...
    appointed_on: Mapped[date]
    expires_on: Mapped[date]
    region_code: Mapped[str] = mapped_column(String(13))


class P2k3(Timestamped, Base):
    __tablename__ = "p2k3"

    organization_id: Mapped[uuid.UUID] = mapped_column(unique=True)
    region_code: Mapped[str] = mapped_column(String(13), index=True)
    workers: Mapped[int]
    high_risk: Mapped[bool]
    secretary_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("inspection.ahli_k3.id"))
    members: Mapped[list] = mapped_column(JSONB, default=list)
    formed_on: Mapped[date]


class Pjk3(Timestamped, Base):
    __tablename__ = "pjk3"

    organization_id: Mapped[uuid.UUID] = mapped_column(unique=True)
    name: Mapped[str] = mapped_column(String(200))
    licence_number: Mapped[str] = mapped_column(String(60), unique=True)
    services: Mapped[list[str]] = mapped_column(ARRAY(String(40)), default=list)
    region_code: Mapped[str] = mapped_column(String(13), index=True)
    licence_expires_on: Mapped[date]
