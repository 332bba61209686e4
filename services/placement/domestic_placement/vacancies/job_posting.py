"""A vacancy as a schema.org `JobPosting` (JSON-LD), the form job search engines read."""

from typing import Any

from shared.reference import lists

EMPLOYMENT_TYPES = {
    "full_time": "FULL_TIME",
    "part_time": "PART_TIME",
    "contract": "CONTRACTOR",
    "internship": "INTERN",
    "daily": "TEMPORARY",
}
EDUCATION_CATEGORIES = {
    "tidak_sekolah": None,
    "sd": "primary school",
    "smp": "middle school",
    "sma": "high school",
    "smk": "high school",
    "d1": "associate degree",
    "d2": "associate degree",
    "d3": "associate degree",
    "d4": "bachelor degree",
    "s1": "bachelor degree",
    "s2": "postgraduate degree",
    "s3": "postgraduate degree",
}


def _coded(scheme: str, code: str, entry: Any) -> str:
    return f"{scheme} {code} {entry.name}" if entry else f"{scheme} {code}"


def render(vacancy: dict[str, Any], base_url: str) -> dict[str, Any]:
    codes = lists()
    region = codes["regions"].get(vacancy["region_code"])
    province = codes["regions"].get(vacancy["region_code"][:2])
    occupation = codes["occupations"].get(vacancy["occupation_code"])
    industry = codes["industries"].get(vacancy["industry_code"])
    url = f"{base_url}/api/v1/placement/vacancies/{vacancy['id']}"
    posting: dict[str, Any] = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "@id": url,
        "url": url,
        "identifier": {"@type": "PropertyValue", "name": "SIAPkerja", "value": str(vacancy["id"])},
        "title": vacancy["title"],
        "description": vacancy["description"],
        "datePosted": vacancy["published_at"].date().isoformat() if vacancy["published_at"] else None,
        "validThrough": f"{vacancy['closes_on'].isoformat()}T23:59:59+07:00",
        "employmentType": EMPLOYMENT_TYPES[vacancy["employment_type"]],
        "hiringOrganization": {
            "@type": "Organization",
            "name": vacancy["employer_name"],
            "identifier": str(vacancy["organization_id"]),
        },
        "jobLocation": {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "addressLocality": region.name if region else vacancy["region_code"],
                "addressRegion": province.name if province else None,
                "addressCountry": "ID",
            },
        },
        "baseSalary": {
            "@type": "MonetaryAmount",
            "currency": "IDR",
            "value": {
                "@type": "QuantitativeValue",
                "minValue": vacancy["wage_min"],
                "maxValue": vacancy["wage_max"],
                "unitText": "MONTH",
            },
        },
        "occupationalCategory": _coded("KBJI", vacancy["occupation_code"], occupation),
        "industry": _coded("KBLI", vacancy["industry_code"], industry),
        "totalJobOpenings": vacancy["openings"],
        "skills": ", ".join(vacancy["skills"]) or None,
        "experienceRequirements": {
            "@type": "OccupationalExperienceRequirements",
            "monthsOfExperience": vacancy["experience_years"] * 12,
        },
    }
    if vacancy["work_arrangement"] == "remote":
        posting["jobLocationType"] = "TELECOMMUTE"
    category = EDUCATION_CATEGORIES.get(vacancy["education_level"])
    if category:
        posting["educationRequirements"] = {
            "@type": "EducationalOccupationalCredential",
            "credentialCategory": category,
        }
    return {k: v for k, v in posting.items() if v is not None}
