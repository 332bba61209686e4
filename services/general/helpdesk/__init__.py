"""Layanan bantuan: a searchable FAQ kept by officers, and help tickets from signed-in users
answered by officers."""
