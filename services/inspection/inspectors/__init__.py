"""Pengawas ketenagakerjaan dan penguji K3: the registry of labour inspectors and licensed K3
testers with their region, speciality, certificates and workload."""
