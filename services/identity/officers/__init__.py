"""Officers: roles with a region scope granted by administrators or a Dinas head."""
