"""Kelembagaan pelatihan vokasi: training institutions — private LPK and government centres (BLK,
BBPVP) — with their licence and accreditation (grade, expiry) set by an officer; an institution
without a current accreditation cannot schedule new runs."""
