"""Perluasan kesempatan kerja: programmes such as labour-intensive work (padat karya) and
entrepreneurship (kewirausahaan, tenaga kerja mandiri) published by an officer for a region with
a quota and period; job seekers apply, the officer selects participants within the quota, and
participation is recorded."""
