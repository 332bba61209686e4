"""Every identity table, for Alembic: the service's own and the shared mechanisms'."""

from services.identity.accounts.models import Account, Consent
from services.identity.base import Base
from services.identity.officers.models import RoleGrant
from services.identity.organizations.models import Membership, Organization
from services.identity.tokens.models import LoginFailure, PartnerClient, RefreshToken, SigningKey
from shared.tables import install_platform_tables

install_platform_tables(Base.metadata)

__all__ = [
    "Account",
    "Base",
    "Consent",
    "LoginFailure",
    "Membership",
    "Organization",
    "PartnerClient",
    "RefreshToken",
    "RoleGrant",
    "SigningKey",
]
