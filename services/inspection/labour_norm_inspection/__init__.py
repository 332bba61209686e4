"""Pemeriksaan norma ketenagakerjaan (Permenaker 33/2016): cases planned by region or opened from
a complaint or a red flag; findings against named norms; nota pemeriksaan I with a deadline, then
II; follow-up until the company complies or the case is handed over for enforcement."""
