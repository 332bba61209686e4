"""Monitoring and evaluation (Pasal 15–16): the six-monthly evaluation and the yearly report to
the Minister — service usage, registrations, vacancies, placements, complaints and how fast they
were answered, data quality, availability and latency."""
