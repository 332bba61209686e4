"""Industrial relations and social security (Pasal 4(4)): `work_relations_and_wages` (hubungan
kerja dan pengupahan: PKWT, minimum wages, company regulations and collective agreements),
`social_security` (jaminan sosial tenaga kerja: BPJS participation, JKP), `institutions`
(kelembagaan dan pencegahan perselisihan: unions, LKS Bipartit and Tripartit),
`dispute_resolution` (penyelesaian perselisihan hubungan industrial) and `mediators` (mediator
hubungan industrial)."""

SERVICE = "relations"
