"""Standardisasi kompetensi dan program pelatihan: SKKNI competency units kept by officers, and
training programmes composed of them; both searchable by anyone."""
