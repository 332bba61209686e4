"""Workplace accidents (kecelakaan kerja): reported by the employer within 2×24 hours, investigated
by an inspector of the region; the victims' injuries are health data (specific personal data),
seen only by the investigating inspector and auditors."""
