"""Vocational training and productivity (Pasal 4(2)): `competency_standards` (standardisasi
kompetensi dan program pelatihan), `training_institutions` (kelembagaan pelatihan vokasi),
`training_delivery` (penyelenggaraan pelatihan vokasi dan pemagangan: runs and apprenticeships),
`productivity` (peningkatan produktivitas), `instructors` (instruktur dan tenaga pelatihan) and
`certification` (sertifikasi profesi)."""

SERVICE = "training"
