"""Labour inspection and K3 (Pasal 4(5)): `labour_inspection_system` (sistem pengawasan
ketenagakerjaan: WLKP), `k3_institutions` (kelembagaan K3: P2K3, PJK3, Ahli K3),
`labour_norm_inspection` (pemeriksaan norma ketenagakerjaan: cases, findings, nota),
`k3_testing` (pengujian K3: equipment and tests), `workplace_accidents` (accident reports) and
`inspectors` (pengawas ketenagakerjaan dan penguji K3)."""

SERVICE = "inspection"
