"""The evaluation as a printable HTML page: tables and inline SVG charts, no external assets."""

from html import escape
from typing import Any

STYLE = """body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;color:#222}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left}
td.n{text-align:right}svg{margin:.5rem 0}@media print{body{margin:0}}"""


def _n(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.4g}".replace(",", ".")
    return f"{value:,}".replace(",", ".")


def _bars(title: str, monthly: dict[str, int], months: list[str]) -> str:
    """A monthly bar chart as inline SVG."""
    values = [monthly.get(m, 0) for m in months]
    top = max(values) or 1
    width, height, bar = 40 * len(months), 140, 28
    parts = [f'<svg role="img" aria-label="{escape(title)}" width="{width}" height="{height + 30}">']
    for i, (month, value) in enumerate(zip(months, values, strict=True)):
        h = round(value / top * height)
        x = i * 40 + 6
        parts.append(
            f'<rect x="{x}" y="{height - h}" width="{bar}" height="{h}" fill="#2b6cb0">'
            f"<title>{month}: {value}</title></rect>"
        )
        parts.append(f'<text x="{x}" y="{height + 14}" font-size="10">{month[5:]}</text>')
        parts.append(f'<text x="{x}" y="{max(height - h - 3, 10)}" font-size="9">{value}</text>')
    parts.append("</svg>")
    return "".join(parts)


def render(report: dict[str, Any]) -> str:
    first, last = report["months"]
    year = first[:4]
    months = [f"{year}-{m:02d}" for m in range(int(first[5:]), int(last[5:]) + 1)]
    activity = report["activity"]
    complaints = report["complaints"]
    quality = report["data_quality"]
    platform = report["platform"]
    rows = "".join(
        f"<tr><td>{escape(a['title'])}</td><td class=n>{_n(a['total'])}</td></tr>" for a in activity.values()
    )
    charts = "".join(
        f"<h3>{escape(title)}</h3>{_bars(title, activity[name]['monthly'], months)}"
        for name in ("lowongan-diterbitkan", "penempatan-tenaga-kerja", "pencari-kerja-terdaftar")
        for title in [activity[name]["title"]]
    )
    usage = "".join(
        f"<tr><td>{escape(service)}</td><td class=n>{_n(count)}</td></tr>"
        for service, count in platform.get("requests_by_service", {}).items()
    )
    categories = "".join(
        f"<tr><td>{escape(c)}</td><td class=n>{_n(n)}</td></tr>"
        for c, n in sorted(complaints["by_category"].items())
    )
    platform_rows = (
        f"<tr><td>Ketersediaan (1 − respons 5xx)</td><td class=n>{_n(platform.get('availability'))}</td></tr>"
        f"<tr><td>Latensi p50 (ms)</td><td class=n>{_n(platform.get('latency_p50_ms'))}</td></tr>"
        f"<tr><td>Latensi p95 (ms)</td><td class=n>{_n(platform.get('latency_p95_ms'))}</td></tr>"
        if platform.get("available")
        else "<tr><td colspan=2>Metrik gateway tidak dapat dibaca.</td></tr>"
    )
    return f"""<!doctype html><html lang="id"><head><meta charset="utf-8">
<title>Laporan Evaluasi SIAPkerja — {escape(report["label"])}</title><style>{STYLE}</style></head><body>
<h1>Laporan Monitoring dan Evaluasi SIAPkerja — {escape(report["label"])}</h1>
<p>Periode {first} s.d. {last}; disusun {report["generated_on"]} (Permenaker 17/2024 Pasal 15–16).</p>
<h2>Pemanfaatan layanan</h2><table><tr><th>Ukuran</th><th>Jumlah</th></tr>{rows}</table>{charts}
<h2>Permintaan per kelompok layanan</h2><p>Sejak gateway terakhir dijalankan.</p>
<table><tr><th>Layanan</th><th>Permintaan</th></tr>{usage}</table>
<h2>Pengaduan</h2><table>
<tr><td>Diterima</td><td class=n>{_n(complaints["received"])}</td></tr>
<tr><td>Dijawab</td><td class=n>{_n(complaints["answered"])}</td></tr>
<tr><td>Dijawab dalam SLA</td><td class=n>{_n(complaints["answered_within_sla"])}</td></tr>
<tr><td>Terbuka melewati SLA</td><td class=n>{_n(complaints["open_overdue"])}</td></tr>
<tr><td>Median hari kerja sampai dijawab</td>
<td class=n>{_n(complaints["median_working_days_to_answer"])}</td></tr>
</table><table><tr><th>Kategori</th><th>Diterima</th></tr>{categories}</table>
<h2>Kualitas data</h2><table>
<tr><td>Catatan terhitung</td><td class=n>{_n(quality["records"])}</td></tr>
<tr><td>Kode wilayah sah (Kemendagri)</td><td class=n>{_n(quality["valid_region_share"])}</td></tr>
<tr><td>Jenis kelamin diketahui</td><td class=n>{_n(quality["known_sex_share"])}</td></tr>
</table>
<h2>Ketersediaan dan kinerja</h2><table>{platform_rows}</table>
</body></html>"""
