"""Every inspection table, for Alembic: the service's own and the shared mechanisms'."""

from services.inspection.base import Base
from services.inspection.inspectors.models import Officer
from services.inspection.k3_institutions.models import AhliK3, P2k3, Pjk3
from services.inspection.k3_testing.models import Equipment, EquipmentTest
from services.inspection.labour_inspection_system.models import Company, WlkpReport
from services.inspection.labour_norm_inspection.models import Finding, Inspection, Nota
from services.inspection.workplace_accidents.models import Accident
from shared.tables import install_platform_tables

install_platform_tables(Base.metadata)

__all__ = [
    "Accident",
    "AhliK3",
    "Base",
    "Company",
    "Equipment",
    "EquipmentTest",
    "Finding",
    "Inspection",
    "Nota",
    "Officer",
    "P2k3",
    "Pjk3",
    "WlkpReport",
]
