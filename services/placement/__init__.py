"""Placement (Pasal 4(3)): penempatan tenaga kerja dan perluasan kesempatan kerja.

Four sub-services, one package each: `domestic_placement` (penempatan tenaga kerja dalam negeri:
job seekers, AK/1, vacancies, applications, matching), `job_counsellors` (pengantar kerja dan
petugas antarkerja), `foreign_workers` (penggunaan tenaga kerja asing) and
`opportunity_expansion` (perluasan kesempatan kerja).
"""

SERVICE = "placement"
