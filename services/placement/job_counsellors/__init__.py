"""Pengantar kerja dan petugas antarkerja: job counsellors of a region see its job seekers and
vacancies, validate AK/1 cards (see `domestic_placement.ak1`), record counselling sessions and
referrals, and follow their caseload."""
