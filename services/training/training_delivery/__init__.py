"""Penyelenggaraan pelatihan vokasi dan pemagangan: training runs with enrolment, attendance and
results (`runs`), and apprenticeship programmes with their approval and agreements
(`apprenticeships`)."""
