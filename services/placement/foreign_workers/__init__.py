"""Penggunaan tenaga kerja asing: the RPTKA (plan for the use of foreign workers) with its
Indonesian companion workers, its approval, the foreign workers registered under it, and the
compensation fund (DKPTKA) each owes."""
