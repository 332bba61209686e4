"""Events identity publishes (`siapkerja.identity.*`): ids and codes, never NIK or names."""

import uuid

from shared.events import Event, event


@event("identity", "account", "registered")
class AccountRegistered(Event):
    """A person registered an account."""

    account_id: uuid.UUID
    account_type: str
    region_code: str
    sex: str
    birth_year: int


@event("identity", "account", "deleted")
class AccountDeleted(Event):
    """An account was deleted and its personal data erased: every service erases or hides theirs."""

    account_id: uuid.UUID


@event("identity", "account", "disabled")
class AccountDisabled(Event):
    """An account was disabled by an administrator."""

    account_id: uuid.UUID


@event("identity", "consent", "withdrawn")
class ConsentWithdrawn(Event):
    """A person withdrew consent for a purpose."""

    account_id: uuid.UUID
    purpose: str


@event("identity", "session", "revoked")
class SessionRevoked(Event):
    """A login session (refresh-token family) was revoked: its access tokens must be refused."""

    account_id: uuid.UUID
    session_id: uuid.UUID
    reason: str


@event("identity", "organization", "registered")
class OrganizationRegistered(Event):
    """An organisation was registered (unverified). Its name is public: vacancies show it."""

    organization_id: uuid.UUID
    type: str
    name: str
    region_code: str
    kbli_code: str | None


@event("identity", "organization", "verified")
class OrganizationVerified(Event):
    """An officer verified an organisation."""

    organization_id: uuid.UUID
    type: str
    region_code: str


@event("identity", "role", "granted")
class RoleGranted(Event):
    """An officer role was granted with a region scope."""

    account_id: uuid.UUID
    role: str
    region: str


@event("identity", "role", "revoked")
class RoleRevoked(Event):
    """An officer role was revoked."""

    account_id: uuid.UUID
    role: str
