"""Unions, LKS Bipartit and LKS Tripartit."""

import uuid
from datetime import date

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from services.relations.base import Base
from shared.db import Timestamped


class Union(Timestamped, Base):
    __tablename__ = "unions"

    name: Mapped[str] = mapped_column(String(200))
    registration_number: Mapped[str] = mapped_column(String(60), unique=True)
    federation: Mapped[str | None] = mapped_column(String(200))
    members: Mapped[int]
    region_code: Mapped[str] = mapped_column(String(13), index=True)
    # A company-level union names its company; a federation or sectoral union does not.
    organization_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    registered_by: Mapped[uuid.UUID]


class BipartiteBody(Timestamped, Base):
    __tablename__ = "bipartite_bodies"

    organization_id: Mapped[uuid.UUID] = mapped_column(unique=True)
    region_code: Mapped[str] = mapped_column(String(13), index=True)
    workers: Mapped[int]
    formed_on: Mapped[date]
    employer_members: Mapped[int]
    worker_members: Mapped[int]


class TripartiteBody(Timestamped, Base):
    __tablename__ = "tripartite_bodies"

    level: Mapped[str] = mapped_column(String(10))  # nasional, provinsi, kabkota
    region_code: Mapped[str] = mapped_column(String(13), unique=True)
    decree: Mapped[str] = mapped_column(String(200))
    members: Mapped[int]
    valid_until: Mapped[date]
