"""Every relations table, for Alembic: the service's own and the shared mechanisms'."""

from services.relations.base import Base
from services.relations.dispute_resolution.models import Dispute, MediationSession
from services.relations.institutions.models import BipartiteBody, TripartiteBody, Union
from services.relations.mediators.models import Mediator
from services.relations.social_security.models import JkpClaim, Participation
from services.relations.work_relations_and_wages.company_regulations.models import (
    CollectiveAgreement,
    CompanyRegulation,
)
from services.relations.work_relations_and_wages.minimum_wages.models import MinimumWage
from services.relations.work_relations_and_wages.pkwt.models import Pkwt
from shared.tables import install_platform_tables

install_platform_tables(Base.metadata)

__all__ = [
    "Base",
    "BipartiteBody",
    "CollectiveAgreement",
    "CompanyRegulation",
    "Dispute",
    "JkpClaim",
    "MediationSession",
    "Mediator",
    "MinimumWage",
    "Participation",
    "Pkwt",
    "TripartiteBody",
    "Union",
]
