"""Instructors."""

import uuid

from sqlalchemy import ForeignKey, String
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.orm import Mapped, mapped_column

from services.training.base import Base
from shared.db import Timestamped


class Instructor(Timestamped, Base):
    __tablename__ = "instructors"

    institution_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("training.institutions.id"), index=True)
    full_name: Mapped[str] = mapped_column(String(200))
    competencies: Mapped[list[str]] = mapped_column(ARRAY(String(30)), default=list)
    certificates: Mapped[list] = mapped_column(JSONB, default=list)
