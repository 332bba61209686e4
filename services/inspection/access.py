"""Who acts in inspection: a company (a verified employer organisation), inspectors (`pengawas`)
and K3 testers (`penguji_k3`) within their region, auditors."""

import uuid

from shared.auth import Principal, ensure_region, verified_organization
from shared.errors import Forbidden

COMPANY_TYPES = ("pemberi_kerja", "pelaksana_penempatan")
INSPECTOR = "pengawas"
TESTER = "penguji_k3"


def company(principal: Principal) -> uuid.UUID:
    return verified_organization(principal, COMPANY_TYPES)


def inspector(principal: Principal, region_code: str) -> None:
    if not principal.has_role(INSPECTOR, "admin"):
        raise Forbidden(code="role_required")
    ensure_region(principal, region_code)
