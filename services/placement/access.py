"""Who may act in placement, from the verified token: job seekers, members of a verified
employer or placement agency, and job counsellors (`pengantar_kerja`) within their region."""

import uuid

from shared.auth import Principal, account_id, ensure_region, verified_organization
from shared.errors import Forbidden

SEEKER_ACCOUNT_TYPES = ("pencari_kerja", "pekerja")
EMPLOYER_ORG_TYPES = ("pemberi_kerja", "pelaksana_penempatan")
COUNSELLOR = "pengantar_kerja"


def seeker(principal: Principal) -> uuid.UUID:
    """The caller's account id, if the caller is a person who may seek work."""
    if principal.is_partner or principal.account_type not in SEEKER_ACCOUNT_TYPES:
        raise Forbidden(code="jobseeker_required")
    return account_id(principal)


def employer(principal: Principal) -> uuid.UUID:
    """The caller's organisation, if it is an employer or placement agency verified by an officer."""
    return verified_organization(principal, EMPLOYER_ORG_TYPES)


def counsellor(principal: Principal, region_code: str) -> None:
    """A job counsellor (or administrator) whose scope covers `region_code`."""
    if not principal.has_role(COUNSELLOR, "admin"):
        raise Forbidden(code="role_required")
    ensure_region(principal, region_code)


def is_counsellor_for(principal: Principal, region_code: str) -> bool:
    return principal.has_role(COUNSELLOR, "admin") and principal.covers(region_code)
