"""Matching responses: each result with its score, the parts of it, and a sentence explaining it."""

from pydantic import BaseModel

from services.placement.domestic_placement.jobseekers.schemas import CurriculumVitae
from services.placement.domestic_placement.vacancies.schemas import VacancyRead


class ScoreParts(BaseModel):
    occupation: int
    region: int
    education: int
    wage: int
    skills: int


class Explanation(BaseModel):
    id: str
    en: str


class Recommendation(BaseModel):
    vacancy: VacancyRead
    score: int
    parts: ScoreParts
    explanation: Explanation


class Candidate(BaseModel):
    candidate: CurriculumVitae
    score: int
    parts: ScoreParts
    explanation: Explanation
