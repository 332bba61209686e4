"""Registered mediators."""

import uuid
from datetime import date

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from services.relations.base import Base
from shared.db import Timestamped


class Mediator(Timestamped, Base):
    __tablename__ = "mediators"

    account_id: Mapped[uuid.UUID] = mapped_column(unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    region_code: Mapped[str] = mapped_column(String(13), index=True)
    certificate_number: Mapped[str] = mapped_column(String(60), unique=True)
    certified_on: Mapped[date]
    active: Mapped[bool] = mapped_column(default=True)
