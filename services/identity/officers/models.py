"""Officer role grants."""

import uuid

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from services.identity.base import Base
from shared.db import Timestamped


class RoleGrant(Timestamped, Base):
    __tablename__ = "role_grants"
    __table_args__ = (UniqueConstraint("account_id", "role"),)

    account_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("identity.accounts.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[str] = mapped_column(String(40))
    region: Mapped[str] = mapped_column(String(13))
    granted_by: Mapped[uuid.UUID | None]
