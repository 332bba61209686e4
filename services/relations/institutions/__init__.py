"""Kelembagaan dan pencegahan perselisihan hubungan industrial: unions (serikat pekerja), the
bipartite cooperation body of a company (LKS Bipartit, required at 50 or more workers) and the
tripartite bodies of a region (LKS Tripartit)."""
