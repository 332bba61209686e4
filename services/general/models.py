"""Every general table, for Alembic: the service's own and the shared mechanisms'."""

from services.general.base import Base
from services.general.complaints.models import Complaint, ComplaintMessage
from services.general.helpdesk.models import Faq, HelpTicket
from services.general.legal_documents.models import LegalDocument
from services.general.news.models import Article
from services.general.satu_data.models import ProvinceTotal, StatisticCell
from shared.tables import install_platform_tables

install_platform_tables(Base.metadata)

__all__ = [
    "Article",
    "Base",
    "Complaint",
    "ComplaintMessage",
    "Faq",
    "HelpTicket",
    "LegalDocument",
    "ProvinceTotal",
    "StatisticCell",
]
