"""Hubungan kerja dan pengupahan: PKWT registration, minimum wages, company regulations (PP) and
collective agreements (PKB)."""
