"""Penempatan tenaga kerja dalam negeri: job-seeker profiles, AK/1 cards, vacancies,
applications and placements, and matching between seekers and vacancies."""
