"""Radiology's excerpts of press and society pages (``pages/*.txt``) as stored, and their reader: each
figure the tables take from them is found by its exact quoted sentence in its file.

The other raw inputs (the OEWS national files, the FDA list) and what ``data fetch`` downloads are
in :mod:`.raw`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ...datapackage import DataError


# --- Excerpts of press and society pages --------------------------------------------------------
@dataclass(frozen=True)
class Quoted:
    figure_id: str
    file: str
    quote: str
    number: str
    measure: str
    period: str
    unit: str
    publisher: str
    sign: int = 1


WORD_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}


def parse_quoted_number(text: str, where: str) -> float:
    cleaned = text.strip().lower().replace("$", "").replace(",", "").removesuffix("%")
    if cleaned in WORD_NUMBERS:
        return float(WORD_NUMBERS[cleaned])
    try:
        return float(cleaned)
    except ValueError:
        raise DataError(f"{where}: cannot read {text!r} as a number") from None


def locate(figure: Quoted, folder: Path) -> dict[str, object]:
    """Find the quoted sentence in its excerpt file and return the figure with the page it came from."""
    path = Path(folder) / figure.file
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise DataError(f"{figure.file}: not found in {folder} (needed for {figure.figure_id})") from None
    hits = [i for i, line in enumerate(lines) if figure.quote in line]
    if not hits:
        raise DataError(f"{figure.file}: the quoted sentence for {figure.figure_id} is not there: {figure.quote!r}")
    if figure.number not in figure.quote:
        raise DataError(f"{figure.file}: {figure.number!r} is not part of the quote for {figure.figure_id}")
    addresses = [
        line.split("Address:", 1)[1].split()[0] for line in lines[: hits[0]] if line.strip().startswith("Address:")
    ]
    if not addresses:
        raise DataError(f"{figure.file}: no 'Address:' line before the quote for {figure.figure_id}")
    value = figure.sign * parse_quoted_number(figure.number, f"{figure.file} ({figure.figure_id})")
    return {
        "figure_id": figure.figure_id,
        "measure": figure.measure,
        "period": figure.period,
        "value": value,
        "unit": figure.unit,
        "status": "secondary",
        "publisher": figure.publisher,
        "address": addresses[-1],
        "file": figure.file,
        "quote": figure.quote,
    }


# The figures read from the excerpts: each is found by its exact quoted sentence in its file.
QUOTED = (
    Quoted(
        "hinton_horizon",
        "hinton_2016_quote.txt",
        "It's just completely obvious that within 5 years, deep learning is going to do better than radiologists",
        "5",
        "Hinton's horizon for deep learning to outperform radiologists",
        "2016",
        "years",
        "Geoffrey Hinton, Creative Destruction Lab seminar, Toronto (quoted in a journal editorial)",
    ),
    # His hedge, in the same passage: the longer horizon the chapter also tests.
    Quoted(
        "hinton_hedge",
        "hinton_2016_quote.txt",
        "It might be 10 years, but we've got plenty of radiologists already",
        "10",
        "Hinton's longer horizon, given in the same passage",
        "2016",
        "years",
        "Geoffrey Hinton, Creative Destruction Lab seminar, Toronto (quoted in a journal editorial)",
    ),
    Quoted(
        "residency_positions_2018",
        "acr_workforce_and_residency_positions.txt",
        "If we compare to 2018, there were 1,042 spots offered",
        "1,042",
        "PGY-2 diagnostic and interventional radiology residency positions offered (NRMP Match)",
        "2018",
        "positions",
        "American College of Radiology, Young and Early Career Professionals Section",
    ),
    Quoted(
        "residency_positions_2022",
        "acr_workforce_and_residency_positions.txt",
        "there were 1,120 PGY-2 diagnostic radiology and interventional radiology spots offered in the US",
        "1,120",
        "PGY-2 diagnostic and interventional radiology residency positions offered (NRMP Match)",
        "2022",
        "positions",
        "American College of Radiology, Young and Early Career Professionals Section",
    ),
    Quoted(
        "residency_positions_2025",
        "works_in_progress_2025_ai_not_replacing_radiologists.txt",
        "American diagnostic radiology residency programs offered a record 1,208 positions across all radiology specialties",
        "1,208",
        "Radiology residency positions offered, all radiology specialties",
        "2025",
        "positions",
        "Works in Progress (Deena Mousa), from NRMP data",
    ),
    Quoted(
        "residency_growth_2024_2025",
        "works_in_progress_2025_ai_not_replacing_radiologists.txt",
        "a four percent increase from 2024",
        "four",
        "Change in radiology residency positions offered",
        "2024-2025",
        "percent",
        "Works in Progress (Deena Mousa), from NRMP data",
    ),
    Quoted(
        "acr_hired_2011",
        "acr_workforce_and_residency_positions.txt",
        "approximately 1,241 radiologists were hired in 2011",
        "1,241",
        "Radiologists hired (ACR workforce survey)",
        "2011",
        "radiologists",
        "ACR Commission on Human Resources (JACR 2012)",
    ),
    Quoted(
        "acr_hired_2013",
        "acr_workforce_and_residency_positions.txt",
        "1,069 radiologists were hired in 2013",
        "1,069",
        "Radiologists hired (ACR workforce survey)",
        "2013",
        "radiologists",
        "ACR Commission on Human Resources (JACR 2016)",
    ),
    Quoted(
        "acr_hired_2014",
        "acr_workforce_and_residency_positions.txt",
        "That number jumped to 1,393 in 2014",
        "1,393",
        "Radiologists hired (ACR workforce survey)",
        "2014",
        "radiologists",
        "ACR Commission on Human Resources (JACR 2016)",
    ),
    Quoted(
        "acr_hired_2015",
        "acr_workforce_and_residency_positions.txt",
        "1,707 in 2015",
        "1,707",
        "Radiologists hired (ACR workforce survey)",
        "2015",
        "radiologists",
        "ACR Commission on Human Resources (JACR 2016)",
    ),
    Quoted(
        "imaging_volume_growth",
        "acr_workforce_and_residency_positions.txt",
        "imaging volumes grow at about 3% per year",
        "3%",
        "Growth of imaging volumes (long-run)",
        "per year",
        "percent per year",
        "American College of Radiology, citing Smith-Bindman et al., JAMA 2019",
    ),
    Quoted(
        "medicare_radiologists_2023",
        "neiman_hpi_2025_supply_demand.txt",
        "In 2023, 37,482 radiologists were enrolled to provide care to Medicare patients",
        "37,482",
        "Radiologists enrolled in Medicare (CMS files)",
        "2023",
        "radiologists",
        "Harvey L. Neiman Health Policy Institute (JACR 2025)",
    ),
    Quoted(
        "projected_supply_2055_flat",
        "neiman_hpi_2025_supply_demand.txt",
        "the projected number of radiologists in 2055 would be 47,119",
        "47,119",
        "Projected radiologists if residency positions stay at their 2024 level",
        "2055",
        "radiologists",
        "Harvey L. Neiman Health Policy Institute (JACR 2025)",
    ),
    Quoted(
        "projected_supply_2055_growing",
        "neiman_hpi_2025_supply_demand.txt",
        "expect the profession to reach 52,591 physicians in three decades",
        "52,591",
        "Projected radiologists if residency positions grow",
        "2055",
        "radiologists",
        "Harvey L. Neiman Health Policy Institute (JACR 2025)",
    ),
    Quoted(
        "imaging_use_growth_2055_low",
        "neiman_hpi_2025_supply_demand.txt",
        "ranging from 16.9% to 26.9%",
        "16.9%",
        "Projected increase in imaging use per modality, lowest",
        "2025-2055",
        "percent",
        "Harvey L. Neiman Health Policy Institute (JACR 2025)",
    ),
    Quoted(
        "imaging_use_growth_2055_high",
        "neiman_hpi_2025_supply_demand.txt",
        "ranging from 16.9% to 26.9%",
        "26.9%",
        "Projected increase in imaging use per modality, highest",
        "2025-2055",
        "percent",
        "Harvey L. Neiman Health Policy Institute (JACR 2025)",
    ),
    Quoted(
        "population_growth_2055",
        "neiman_hpi_2025_supply_demand.txt",
        "projects an 8.2% increase in the overall population by 2055",
        "8.2%",
        "Projected increase in US population",
        "2025-2055",
        "percent",
        "U.S. Census Bureau (quoted by DOTmed)",
    ),
    Quoted(
        "attrition_since_2020",
        "neiman_hpi_2025_supply_demand.txt",
        "radiologists began leaving the workforce at a 50% higher rate starting in 2020",
        "50%",
        "Increase in the rate at which radiologists leave the workforce",
        "2020 on",
        "percent",
        "Harvey L. Neiman Health Policy Institute (quoted by Becker's)",
    ),
    Quoted(
        "bls_projection_2021_2031",
        "bls_employment_projections_secondary.txt",
        "3. Radiologist: 3.7 percent",
        "3.7",
        "BLS projected employment growth, radiologists",
        "2021-2031",
        "percent",
        "BLS Employment Projections (quoted by Becker's)",
    ),
    Quoted(
        "bls_projection_2022_2032",
        "bls_employment_projections_secondary.txt",
        "Radiologists: 3.6 percent",
        "3.6",
        "BLS projected employment growth, radiologists",
        "2022-2032",
        "percent",
        "BLS Employment Projections (quoted by Becker's)",
    ),
    Quoted(
        "hrsa_demand_2023_2036",
        "bls_employment_projections_secondary.txt",
        "Radiology: 7%",
        "7%",
        "HRSA projected growth in demand for radiologists",
        "2023-2036",
        "percent",
        "Health Resources and Services Administration (quoted by Becker's)",
    ),
    Quoted(
        "aamc_radiology_change",
        "aamc_physician_specialty_data_secondary.txt",
        "radiology (down 2.4%)",
        "2.4%",
        "Change in active radiologists (AMA Masterfile; period not stated precisely)",
        "about 2016-2021",
        "percent",
        "AAMC Physician Specialty Data Report 2022 (quoted by Healthcare Today)",
        sign=-1,
    ),
    Quoted(
        "doximity_income_2025",
        "works_in_progress_2025_ai_not_replacing_radiologists.txt",
        "with an average income of $520,000",
        "$520,000",
        "Average radiologist income (Doximity)",
        "2025",
        "US dollars per year",
        "Works in Progress, citing Doximity",
    ),
    Quoted(
        "doximity_income_growth",
        "works_in_progress_2025_ai_not_replacing_radiologists.txt",
        "over 48 percent higher than the average salary in 2015",
        "48",
        "Growth of average radiologist income (Doximity)",
        "2015-2025",
        "percent",
        "Works in Progress, citing Doximity",
    ),
    Quoted(
        "wip_fda_radiology_models",
        "works_in_progress_2025_ai_not_replacing_radiologists.txt",
        "there are over 700 FDA-cleared radiology models",
        "700",
        "FDA-cleared radiology AI models (an earlier version of the FDA list)",
        "2025",
        "devices",
        "Works in Progress (Deena Mousa)",
    ),
)
