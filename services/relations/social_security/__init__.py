"""Jaminan sosial tenaga kerja: BPJS Ketenagakerjaan participation (pushed by BPJS as a partner
system) and JKP claims (jaminan kehilangan pekerjaan, PP 6/2025) with the claimant's job-search
commitments."""
