"""Sertifikasi profesi: professional certification bodies (LSP, licensed by BNSP) with schemes
built from SKKNI units; assessment bookings and results; certificates with a public number that
anyone can verify; revocation with a reason."""
