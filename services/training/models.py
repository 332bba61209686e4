"""Every training table, for Alembic: the service's own and the shared mechanisms'."""

from services.training.base import Base
from services.training.certification.models import Assessment, Certificate, Lsp, Scheme
from services.training.competency_standards.models import Programme, SkkniUnit
from services.training.instructors.models import Instructor
from services.training.productivity.models import ConsultancyRequest, Measurement, ProductivityProgramme
from services.training.training_delivery.apprenticeships.models import ApprenticeAgreement, Apprenticeship
from services.training.training_delivery.runs.models import Enrolment, Run
from services.training.training_institutions.models import Institution
from shared.tables import install_platform_tables

install_platform_tables(Base.metadata)

__all__ = [
    "ApprenticeAgreement",
    "Apprenticeship",
    "Assessment",
    "Base",
    "Certificate",
    "ConsultancyRequest",
    "Enrolment",
    "Institution",
    "Instructor",
    "Lsp",
    "Measurement",
    "ProductivityProgramme",
    "Programme",
    "Run",
    "Scheme",
    "SkkniUnit",
]
