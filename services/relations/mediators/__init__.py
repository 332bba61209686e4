"""Mediator hubungan industrial: the registry of certified mediators with their region, their
caseload and their time to resolution."""
