"""Sistem pengawasan ketenagakerjaan: the company labour report (WLKP, UU 7/1981) for the head
office and each branch, due within 30 days of founding, reactivating or moving and yearly after;
overdue and missing reports per region; contradictory figures flagged for the inspector."""
