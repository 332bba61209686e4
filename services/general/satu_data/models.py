"""Statistic cells: one count per dataset, month and combination of dimension values.

Each event adds to the one cell its dimensions name (a dimension an event does not carry is ''),
so reading a dataset sums a bounded number of cells and never counts people's rows.
"""

from sqlalchemy import BigInteger, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from services.general.base import Base

DIMENSIONS = (
    "province",
    "kabkota",
    "occupation_group",
    "industry_section",
    "sex",
    "age_band",
    "education",
    "category",
)


class StatisticCell(Base):
    __tablename__ = "statistics"
    __table_args__ = (Index("ix_statistics_dataset_month_province", "dataset", "month", "province"),)

    dataset: Mapped[str] = mapped_column(String(60), primary_key=True)
    month: Mapped[str] = mapped_column(String(7), primary_key=True)  # YYYY-MM, Jakarta time
    province: Mapped[str] = mapped_column(String(2), primary_key=True, default="")
    kabkota: Mapped[str] = mapped_column(String(5), primary_key=True, default="")
    occupation_group: Mapped[str] = mapped_column(String(1), primary_key=True, default="")
    industry_section: Mapped[str] = mapped_column(String(1), primary_key=True, default="")
    sex: Mapped[str] = mapped_column(String(1), primary_key=True, default="")
    age_band: Mapped[str] = mapped_column(String(5), primary_key=True, default="")
    education: Mapped[str] = mapped_column(String(20), primary_key=True, default="")
    category: Mapped[str] = mapped_column(String(40), primary_key=True, default="")
    value: Mapped[int] = mapped_column(BigInteger)


class ProvinceTotal(Base):
    """Totals per dataset, month and province, kept beside the cells: the national series by
    province (the most read view) sums tens of rows, not every cell of the country."""

    __tablename__ = "statistics_by_province"

    dataset: Mapped[str] = mapped_column(String(60), primary_key=True)
    month: Mapped[str] = mapped_column(String(7), primary_key=True)
    province: Mapped[str] = mapped_column(String(2), primary_key=True, default="")
    value: Mapped[int] = mapped_column(BigInteger)
