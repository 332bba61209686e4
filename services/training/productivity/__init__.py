"""Peningkatan produktivitas: productivity programmes published by officers, consultancy requests
from companies, and productivity measurements recorded per company and period."""
