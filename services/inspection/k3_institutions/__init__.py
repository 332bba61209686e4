"""Kelembagaan K3: the safety committee of a company (P2K3, required at 100+ workers or high
risk, its secretary an Ahli K3), licensed K3 service companies (PJK3), and K3 experts' (Ahli K3)
appointments with their expiry."""
