"""Every placement table, for Alembic: the service's own and the shared mechanisms'."""

from services.placement.base import Base
from services.placement.domestic_placement.ak1.models import Ak1Card, Ak1Report, Ak1Sequence
from services.placement.domestic_placement.applications.models import Application, Placement
from services.placement.domestic_placement.jobseekers.models import Jobseeker
from services.placement.domestic_placement.vacancies.models import Employer, Vacancy, VacancyReport
from services.placement.foreign_workers.models import ForeignWorker, Rptka, RptkaCompanion, RptkaPosition
from services.placement.job_counsellors.models import CounsellingSession, Referral
from services.placement.opportunity_expansion.models import Participant, Programme
from shared.tables import install_platform_tables

install_platform_tables(Base.metadata)

__all__ = [
    "Ak1Card",
    "Ak1Report",
    "Ak1Sequence",
    "Application",
    "Base",
    "CounsellingSession",
    "Employer",
    "ForeignWorker",
    "Jobseeker",
    "Participant",
    "Placement",
    "Programme",
    "Referral",
    "Rptka",
    "RptkaCompanion",
    "RptkaPosition",
    "Vacancy",
    "VacancyReport",
]
