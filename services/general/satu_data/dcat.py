"""The dataset catalogue in DCAT (W3C Data Catalog Vocabulary) as JSON-LD, the form data portals
(data.go.id, CKAN) harvest."""

from typing import Any

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
}


def dataset(d: dict[str, Any]) -> dict[str, Any]:
    first, last = d["period_coverage"]["start"], d["period_coverage"]["end"]
    rendered: dict[str, Any] = {
        "@type": "dcat:Dataset",
        "@id": d["data_url"].removesuffix("/data"),
        "dct:identifier": d["id"],
        "dct:title": {"@value": d["title"], "@language": "id"},
        "dct:description": {"@value": d["description"], "@language": "id"},
        "dct:publisher": {"@type": "foaf:Organization", "foaf:name": "Kementerian Ketenagakerjaan"},
        "dcat:contactPoint": {"@type": "vcard:Organization", "vcard:fn": d["steward"]},
        "dct:license": {"@id": d["licence"]},
        "dct:accrualPeriodicity": d["update_frequency"],
        "dct:spatial": "Indonesia",
        "dcat:keyword": d["keywords"],
        "dcat:distribution": [
            {
                "@type": "dcat:Distribution",
                "dcat:accessURL": {"@id": d["data_url"]},
                "dcat:mediaType": media,
                "dct:format": name,
            }
            for media, name in (("application/json", "JSON"), ("text/csv", "CSV"))
        ],
    }
    if first:
        rendered["dct:temporal"] = {
            "@type": "dct:PeriodOfTime",
            "dcat:startDate": first,
            "dcat:endDate": last,
        }
    return {k: v for k, v in rendered.items() if v is not None}


def catalogue(datasets: list[dict[str, Any]], base_url: str) -> dict[str, Any]:
    return {
        "@context": CONTEXT,
        "@type": "dcat:Catalog",
        "@id": f"{base_url}/api/v1/general/datasets",
        "dct:title": {"@value": "Satu Data Ketenagakerjaan", "@language": "id"},
        "dct:publisher": {"@type": "foaf:Organization", "foaf:name": "Kementerian Ketenagakerjaan"},
        "dcat:dataset": [dataset(d) for d in datasets],
    }
