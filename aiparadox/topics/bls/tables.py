"""The BLS dataset: which raw file gives which tidy table, and the tables' schemas and sources.

The traps listed in ``../shared/sources/bls/SOURCE.md`` and how they are handled here:

* the article's "tech unemployment" is the CPS count of unemployed wage and salary workers whose
  last job was in the *Information industry*, LNU03032237 (rate LNU04032237), not seasonally
  adjusted; the tables say so in every field;
* in the cached ``fred.json`` the key ``unemployment`` is labelled LNU04032237 but holds a
  12-month trailing mean computed by the app that saved it, not the BLS rate: it is never read;
  the monthly rate comes from the FRED vintage CSV (2000-2024) only;
* October 2025 is absent from the CPS level because the household survey was not collected
  that month (:data:`.monthly_series.CPS_GAPS`); the month keeps its row with an empty value, and any other
  missing month stops the build;
* the transcribed BLS tables A-14 and A-30 are cross-checked against the monthly series where
  both give the same month;
* figures known only through the press (CompTIA's rate, the ResumeBuilder survey) are read from
  the exact sentences quoted in ``SOURCE.md`` and tagged ``secondary``.

Each :class:`Table` is declared right above the function that derives it; the files these
functions read, and their readers, are in :mod:`.raw`.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ...datapackage import DataError, Field, Source, Table
from ...datasets import Dataset, provenance_notes
from .monthly_series import (
    BLS_LICENCE,
    BLS_LICENCE_URL,
    BLS_PUBLISHER,
    EMPLOYERS,
    RATE,
    UNEMPLOYED,
    employer_series,
    information_rate,
    information_unemployed,
)
from .raw import (
    A14_FILE,
    A30_FILE,
    FRED_JSON,
    LEVEL_ID,
    NOTES_FILE,
    RATE_FILE,
    RATE_ID,
    excerpt_month,
    excerpt_number,
    monthly_inputs,
    quoted_number,
    read_csv_blocks,
    remote,
)

STORED_PAGE = "stored copy of the page (retrieval date not recorded in SOURCE.md)"


# --- four measures of 'tech unemployment': the transcribed BLS tables and the press ---------------

A14_SOURCE = Source(
    publisher=f"{BLS_PUBLISHER}, The Employment Situation",
    title="Table A-14. Unemployed persons by industry and class of worker, not seasonally adjusted",
    series="Table A-14, December 2023 / December 2024 and February 2024 / February 2025 versions",
    url="https://www.bls.gov/news.release/empsit.t14.htm",
    retrieved=STORED_PAGE,
    licence=BLS_LICENCE,
    licence_url=BLS_LICENCE_URL,
    route=f"Numbers transcribed from two stored copies of the page into {A14_FILE}",
)
A30_SOURCE = Source(
    publisher=f"{BLS_PUBLISHER}, Current Population Survey",
    title="Table A-30. Unemployed persons by occupation and sex, not seasonally adjusted",
    series="Table A-30 (cpseea30), November 2024 / 2025, March and April 2025 / 2026 versions",
    url="https://www.bls.gov/web/empsit/cpseea30.htm",
    retrieved=STORED_PAGE,
    licence=BLS_LICENCE,
    licence_url=BLS_LICENCE_URL,
    route=f"Numbers transcribed from three stored copies of the page into {A30_FILE}",
)
PRESS_LICENCE = "Short quotation for review; the text belongs to its publisher"
COMPTIA_URL = "https://ciodive.com/news/tech-jobs-report-january-IT/739611"
REGISTER_URL = "https://www.theregister.com/2025/02/10/january_it_hiring/"
COMPTIA_SOURCE = Source(
    publisher="CompTIA, as quoted by CIO Dive (secondary)",
    title="Unemployment rate of IT occupations, December 2024 and January 2025",
    series="CompTIA Tech Jobs Report, February 2025 (occupation-based)",
    url=COMPTIA_URL,
    retrieved=STORED_PAGE,
    licence=PRESS_LICENCE,
    route=f"Sentence quoted in {NOTES_FILE} (section 1), located verbatim by the derivation",
)
REGISTER_SOURCE = Source(
    publisher="Janco Associates, as quoted by The Register (secondary)",
    title="'IT sector' unemployment rate, January 2025 (the BLS Information-industry rate)",
    series="Janco Associates IT job market note, February 2025",
    url=REGISTER_URL,
    retrieved=STORED_PAGE,
    licence=PRESS_LICENCE,
    route=f"Sentence quoted in {NOTES_FILE} (section 1), located verbatim by the derivation",
)

A14_ROWS = {"Information": "information_industry", "Total 16 years and over": "all_workers"}
A30_ROWS = {
    "Computer and mathematical occupations": "computer_math_occupations",
    "Total 16 years and over": "all_workers",
}
LABELS = {
    "information_industry": "Information industry (by last job's industry; BLS)",
    "computer_math_occupations": "Computer and mathematical occupations (BLS)",
    "all_workers": "All workers, 16 years and over (BLS)",
    "comptia_it_occupations": "IT occupations (CompTIA, as quoted by CIO Dive)",
}


def table_a14(folder: Path) -> pd.DataFrame:
    path = folder / A14_FILE
    rows = []
    for block in read_csv_blocks(path, "industry,"):
        for column in block.columns[1:]:
            match = re.fullmatch(r"(unemployed|rate)_([a-z]{3}\d{4})_(thous|pct)", column)
            if not match:
                raise DataError(
                    f"{A14_FILE}: column {column!r} is not unemployed_<mon><year>_thous or rate_<mon><year>_pct"
                )
        found = set(block["industry"])
        if not set(A14_ROWS) <= found:
            raise DataError(f"{A14_FILE}: a block lacks the rows {sorted(set(A14_ROWS) - found)}")
        months = sorted({re.search(r"_([a-z]{3}\d{4})_", c).group(1) for c in block.columns[1:]})
        for _, rec in block.loc[block["industry"].isin(A14_ROWS)].iterrows():
            for key in months:
                at = f"{A14_FILE}, {rec['industry']}, {key}"
                rows.append(
                    {
                        "measure": A14_ROWS[rec["industry"]],
                        "month": excerpt_month(key, at),
                        "unemployed_thousands": excerpt_number(rec[f"unemployed_{key}_thous"], at),
                        "rate_percent": excerpt_number(rec[f"rate_{key}_pct"], at),
                        "status": "primary",
                        "publisher": "BLS, Employment Situation table A-14",
                        "found_in": A14_FILE,
                    }
                )
    return pd.DataFrame(rows)


def table_a30(folder: Path) -> pd.DataFrame:
    path = folder / A30_FILE
    rows = []
    for block in read_csv_blocks(path, "version,"):
        needed = {"version", "occupation", "unemp_y1", "unemp_y2", "rate_total_y1", "rate_total_y2"}
        if not needed <= set(block.columns):
            raise DataError(f"{A30_FILE}: columns {sorted(needed - set(block.columns))} missing")
        for _, rec in block.loc[block["occupation"].isin(A30_ROWS)].iterrows():
            parts = str(rec["version"]).split("_vs_")
            if len(parts) != 2:
                raise DataError(f"{A30_FILE}: version {rec['version']!r} is not '<Mon><year>_vs_<Mon><year>'")
            for suffix, key in zip(("y1", "y2"), parts, strict=True):
                at = f"{A30_FILE}, {rec['occupation']}, {key}"
                rows.append(
                    {
                        "measure": A30_ROWS[rec["occupation"]],
                        "month": excerpt_month(key, at),
                        "unemployed_thousands": excerpt_number(rec[f"unemp_{suffix}"], at),
                        "rate_percent": excerpt_number(rec[f"rate_total_{suffix}"], at),
                        "status": "primary",
                        "publisher": "BLS, CPS table A-30",
                        "found_in": A30_FILE,
                    }
                )
    if not rows:
        raise DataError(f"{A30_FILE}: none of the rows {sorted(A30_ROWS)}")
    return pd.DataFrame(rows)


COMPTIA_QUOTE = "unemployment among IT positions also increased in January to 2.9%, up from 2% the previous month."
REGISTER_QUOTE = "5.7 percent unemployment rate in the IT sector in January"


def press_measures(folder: Path) -> pd.DataFrame:
    notes = provenance_notes(folder, read_for="the press-quoted figures")
    comptia = f"CompTIA via {COMPTIA_URL}"
    return pd.DataFrame(
        [
            (
                "comptia_it_occupations",
                "2024-12",
                None,
                quoted_number(notes, COMPTIA_QUOTE, r"up from ([\d.]+)%"),
                comptia,
            ),
            (
                "comptia_it_occupations",
                "2025-01",
                None,
                quoted_number(notes, COMPTIA_QUOTE, r"in January to ([\d.]+)%"),
                comptia,
            ),
            (
                "information_industry",
                "2025-01",
                None,
                quoted_number(notes, REGISTER_QUOTE, r"^([\d.]+) percent"),
                f"Janco Associates via {REGISTER_URL}",
            ),
        ],
        columns=["measure", "month", "unemployed_thousands", "rate_percent", "found_in"],
    ).assign(status="secondary", publisher=lambda f: f["found_in"].str.split(" via ").str[0])


def _cross_check(
    bls_tables: pd.DataFrame, unemployed: pd.DataFrame, rate: pd.DataFrame, read_from: tuple[str, str]
) -> None:
    """A transcription that disagrees with the monthly series for the same month stops the build."""
    info = bls_tables.loc[bls_tables["measure"] == "information_industry"].set_index("month")
    level = unemployed.set_index("month")["unemployed_thousands"]
    rates = rate.set_index("month")["rate_percent"]
    for month, rec in info.iterrows():
        if month in level.index and pd.notna(level[month]) and level[month] != rec["unemployed_thousands"]:
            raise DataError(
                f"{A14_FILE}: Information {month} unemployed {rec['unemployed_thousands']} but {LEVEL_ID} in {read_from[0]} says {level[month]}"
            )
        if month in rates.index and rates[month] != rec["rate_percent"]:
            raise DataError(
                f"{A14_FILE}: Information {month} rate {rec['rate_percent']} but {RATE_ID} in {read_from[1]} says {rates[month]}"
            )


MEASURES = Table(
    name="bls_tech_unemployment_measures",
    title="What 'tech unemployment' can mean: four measures at the months they are known",
    description=(
        "Unemployment by industry (BLS table A-14), by occupation (BLS table A-30), for all workers, and "
        "CompTIA's occupation-based rate, at the months for which the stored material gives them. BLS tables "
        "are not seasonally adjusted; press figures are tagged secondary."
    ),
    fields=(
        Field("measure", "string", "Key of the measure", constraints={"required": True}),
        Field("label", "string", "What the measure counts, in words", constraints={"required": True}),
        Field("month", "yearmonth", "Reference month", constraints={"required": True}),
        Field(
            "unemployed_thousands",
            "number",
            "Unemployed counted by the measure, not seasonally adjusted (empty when not given)",
            unit="thousands of persons",
            constraints={"minimum": 0},
        ),
        Field(
            "rate_percent",
            "number",
            "Unemployment rate of the measure (not seasonally adjusted for BLS tables; adjustment not stated for press figures)",
            unit="percent",
            constraints={"minimum": 0, "maximum": 100, "required": True},
        ),
        Field(
            "status",
            "string",
            "primary (BLS table) or secondary (figure quoted by the press)",
            constraints={"required": True},
        ),
        Field("publisher", "string", "Who computed the figure", constraints={"required": True}),
        Field("found_in", "string", "Raw file or quoted page the value was read from", constraints={"required": True}),
    ),
    primary_key=("measure", "month"),
    sources=(A14_SOURCE, A30_SOURCE, COMPTIA_SOURCE, REGISTER_SOURCE),
)


def tech_measures(
    folder: Path, unemployed: pd.DataFrame, rate: pd.DataFrame, read_from: tuple[str, str] = (FRED_JSON, RATE_FILE)
) -> pd.DataFrame:
    bls_tables = pd.concat([table_a14(folder), table_a30(folder)], ignore_index=True)
    _cross_check(bls_tables, unemployed, rate, read_from)
    frame = pd.concat([bls_tables, press_measures(folder)], ignore_index=True)
    frame["label"] = frame["measure"].map(LABELS)
    frame["unemployed_thousands"] = frame["unemployed_thousands"].astype(float)
    return frame.sort_values(["measure", "month"], ignore_index=True)[MEASURES.columns]


# --- the ResumeBuilder survey, as quoted by the press ---------------------------------------------

# The figures were read in copies of the two articles republished on other sites. The tables name
# the publishers, whose own addresses are not in the stored material, so a reader is never sent to
# a copy; the route says which copies were read (host names only, not links).
CNBC = "CNBC"
CHRISTIAN_POST = "The Christian Post"
RESUMEBUILDER_SOURCE = Source(
    publisher="ResumeBuilder.com survey, as relayed by CNBC and The Christian Post (secondary)",
    title="Survey of 750 U.S. business leaders at companies using or planning to use AI (late 2023)",
    series="Original report not found; figures as quoted by the press",
    url=(
        "not linked: the addresses of ResumeBuilder's report and of the CNBC and Christian Post articles "
        "are not in the stored material"
    ),
    retrieved=STORED_PAGE,
    licence=PRESS_LICENCE,
    route=(
        f"Sentences quoted in {NOTES_FILE} (section 5) from CNBC's text, read in a copy republished on the site "
        "dunyanews.tv, and from The Christian Post's article \"At least a third of US companies to replace some "
        'workers with AI in 2024, survey finds", read in a copy on the host 245798.b5iptu270.asia; located '
        "verbatim by the derivation"
    ),
)


CNBC_QUOTE = (
    "a recent report of 750 business leaders using AI from ResumeBuilder, 37% say the technology replaced "
    "workers in 2023. Meanwhile, 44% report that there will be layoffs in 2024 resulting from AI efficiency."
)
SPLIT_QUOTE = '44% = 21% "definitely" + 23% "probably"'

SURVEY = Table(
    name="bls_resumebuilder_survey",
    title="ResumeBuilder survey of business leaders using AI (late 2023), as quoted by the press",
    description=(
        "The shares of respondents behind the article's 37% and 44%, with what each share answered: a "
        "report about 2023 or an expectation for 2024. All secondary: the original report was not found."
    ),
    fields=(
        Field("answer", "string", "Key of the answer", constraints={"required": True}),
        Field("statement", "string", "What the respondents said, in the book's words", constraints={"required": True}),
        Field("year", "year", "Year the statement is about", constraints={"required": True}),
        Field("timing", "string", "'reported' (had happened) or 'expected' (forecast)", constraints={"required": True}),
        Field(
            "share",
            "number",
            "Share of respondents",
            unit="fraction of respondents (0-1)",
            constraints={"minimum": 0, "maximum": 1, "required": True},
        ),
        Field("respondents", "integer", "Business leaders surveyed", unit="persons", constraints={"minimum": 1}),
        Field(
            "status",
            "string",
            "secondary: quoted by the press, original report not seen",
            constraints={"required": True},
        ),
        Field(
            "quoted_by",
            "string",
            "Publication that quotes the figure (the source's route says which copy was read)",
            constraints={"required": True},
        ),
        Field("quote", "string", "The sentence the figure was read from", constraints={"required": True}),
    ),
    primary_key=("answer",),
    sources=(RESUMEBUILDER_SOURCE,),
)


def resumebuilder_survey(folder: Path) -> pd.DataFrame:
    notes = provenance_notes(folder, read_for="the press-quoted figures")
    respondents = int(quoted_number(notes, CNBC_QUOTE, r"report of (\d+) business leaders"))
    rows = [
        (
            "replaced_2023",
            "The technology replaced workers",
            2023,
            "reported",
            r"(\d+)% say the technology replaced",
            CNBC_QUOTE,
            CNBC,
        ),
        (
            "layoffs_2024",
            "There will be layoffs resulting from AI efficiency",
            2024,
            "expected",
            r"(\d+)% report that there will be layoffs",
            CNBC_QUOTE,
            CNBC,
        ),
        (
            "layoffs_2024_definitely",
            "AI will definitely lead to layoffs",
            2024,
            "expected",
            r'(\d+)% "definitely"',
            SPLIT_QUOTE,
            CHRISTIAN_POST,
        ),
        (
            "layoffs_2024_probably",
            "AI will probably lead to layoffs",
            2024,
            "expected",
            r'(\d+)% "probably"',
            SPLIT_QUOTE,
            CHRISTIAN_POST,
        ),
    ]
    frame = pd.DataFrame(
        [
            {
                "answer": answer,
                "statement": statement,
                "year": year,
                "timing": timing,
                "share": quoted_number(notes, quote, pattern) / 100,
                "respondents": respondents,
                "status": "secondary",
                "quoted_by": publication,
                "quote": " ".join(quote.split()),
            }
            for answer, statement, year, timing, pattern, quote, publication in rows
        ]
    )
    shares = frame.set_index("answer")["share"]
    if round(shares["layoffs_2024_definitely"] + shares["layoffs_2024_probably"], 4) != round(
        shares["layoffs_2024"], 4
    ):
        raise DataError(f"{notes[0]}: 'definitely' + 'probably' do not add up to the quoted layoff expectation")
    return frame


# --- the dataset ----------------------------------------------------------------------------------


def derive(folder: Path) -> dict[str, pd.DataFrame]:
    folder = Path(folder)
    inputs = monthly_inputs(folder)
    unemployed = information_unemployed(inputs)
    rate = information_rate(inputs)
    return {
        UNEMPLOYED.name: unemployed,
        RATE.name: rate,
        EMPLOYERS.name: employer_series(inputs),
        MEASURES.name: tech_measures(folder, unemployed, rate, (inputs[LEVEL_ID][1], inputs[RATE_ID][1])),
        SURVEY.name: resumebuilder_survey(folder),
    }


DATASET = Dataset(
    name="bls",
    title="BLS: the 'tech unemployment' figures and what employers did",
    tables=(UNEMPLOYED, RATE, EMPLOYERS, MEASURES, SURVEY),
    derive=derive,
    remote=remote,
)
