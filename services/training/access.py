"""Who acts in training: institutions (LPK, verified `lembaga_pelatihan`), certification bodies
(LSP, verified `lembaga_sertifikasi`), companies for apprenticeships, and officers — training
matters are administered by the `admin` role of a region (the Dinas's administrator)."""

import uuid

from shared.auth import Principal, ensure_region, verified_organization
from shared.errors import Forbidden

TRAINING_OFFICERS = ("admin",)


def lpk(principal: Principal) -> uuid.UUID:
    return verified_organization(
        principal, ("lembaga_pelatihan", "kementerian_lembaga", "dinas_provinsi", "dinas_kabkota")
    )


def lsp(principal: Principal) -> uuid.UUID:
    return verified_organization(principal, ("lembaga_sertifikasi",))


def company(principal: Principal) -> uuid.UUID:
    return verified_organization(principal, ("pemberi_kerja",))


def officer(principal: Principal, region_code: str | None = None) -> None:
    if not principal.has_role(*TRAINING_OFFICERS):
        raise Forbidden(code="role_required")
    if region_code is not None:
        ensure_region(principal, region_code)
