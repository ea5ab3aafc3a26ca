"""The gains dataset: five tidy tables, their schemas and sources, and how raw files become them.

The traps of ``../shared/sources/gains/SOURCE.md`` (section 3) and where each is handled:

1. PRS85006092 and PRS85006152 are % changes: every series is checked in ``pr.series`` to be an
   index (duration code 3) before it is read (:func:`raw.pr_index_quarters`).
2. PRS85006173 is an index (2017 = 100), not a percentage: the base year is checked in
   ``pr.series``, the field says so, and the one percent level BLS gives (its release text) is a
   quoted figure, kept apart in ``gains_reported_figures``. ``pr.txt`` still says "2005 = 100": it
   is not read.
3. and 4. Revisions and the splice: 1947-1994 from the AllData file, 1995 on from the Current
   file; every row names its file and the last quarter that file holds, and the build stops if the two disagree by more
   than :data:`.quarterly_series.SPLICE_TOLERANCE` in the quarters they share before the 2020s revisions.
6. Productivity against real pay is not the labour share: both are kept, with the hourly
   compensation and the output deflator that tie them together (checked: labour share = unit
   labour costs / output deflator, within :data:`.quarterly_series.IDENTITY_TOLERANCE`).
8. and 9. Profit concepts and vintages: only CPROFIT (with inventory valuation and capital
   consumption adjustments, before tax) of the January 2026 vintage is read; a file holding
   another series is refused.
10. and 11. NVIDIA's fiscal years end in late January: the fiscal year is the year of the
   period's end and ``calendar_year`` the one its middle falls in; XBRL ``frame`` labels are not
   read; revenue is taken under either tag; each period keeps its latest filing's value.
12. Head counts are year-end and often "approximately": a flag says which.
13. OEWS: software developers have code 15-1252 only from May 2021 (15-1256 in 2019-2020,
   15-1132 and 15-1133 in 2018), each row keeps its own code and a note; wages are nominal and the
   self-employed are not counted (the fields say so).
14. Line endings: the flat-file reader reads LF and CRLF copies alike.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ...datapackage import DataError, Field, Table
from ...datasets import Dataset, provenance_notes
from ...i18n import N_
from ...refresh import Distinct, NoJump, Revised, SpanKept
from . import raw
from .quarterly_series import ACCOUNTS, LABOUR_SHARE_ID, PRODUCTIVITY, accounts_table, productivity_table

# --- Vocabulary -----------------------------------------------------------------------------------

COMPANIES = {"NVIDIA": 1045810, "Alphabet": 1652044}
COMPANYFACTS_SHARED = {
    "NVIDIA": "CIK0001045810__NVIDIA__2026-07-09.json",
    "Alphabet": "CIK0001652044__ALPHABET__2026-07-09.json",
}
REVENUE_TAGS = ("Revenues", "RevenueFromContractWithCustomerExcludingAssessedTax")
NET_INCOME_TAG, OPERATING_INCOME_TAG = "NetIncomeLoss", "OperatingIncomeLoss"

ALL_OCCUPATIONS = "00-0000"
LAWYERS, SOFTWARE_DEVELOPERS, GRAPHIC_DESIGNERS = "23-1011", "15-1252", "27-1024"
ANECDOTE_OCCUPATIONS = (LAWYERS, SOFTWARE_DEVELOPERS, GRAPHIC_DESIGNERS)
SOFTWARE_FROM = 2021
# The codes that held software developers before SOC 2018 reached OEWS, and what each covers.
EARLIER_SOFTWARE = {
    "15-1132": "SOC 2010 code (May 2018): applications software developers, counted apart from systems software",
    "15-1133": "SOC 2010 code (May 2018): systems software developers, counted apart from applications",
    "15-1256": "hybrid code (May 2019 and 2020): software developers together with QA analysts and testers",
}
# The book's labels, written into the table in English; the charts show them in the edition's language.
OCCUPATION_LABELS = {
    ALL_OCCUPATIONS: N_("All occupations"),
    LAWYERS: N_("Lawyers"),
    SOFTWARE_DEVELOPERS: N_("Software developers"),
    GRAPHIC_DESIGNERS: N_("Graphic designers"),
    **dict.fromkeys(EARLIER_SOFTWARE, "Software developers"),
}
OEWS_2025 = 2025
NOTES_FILE = raw.NOTES_FILE

# --- Companies: SEC companyfacts -----------------------------------------------------------------------
FINANCIALS = Table(
    name="gains_company_financials",
    title="NVIDIA and Alphabet: revenue, operating income and net income by fiscal year (SEC XBRL)",
    description=(
        "Annual values from the companies' 10-K filings as the SEC's companyfacts API served them on 9 July "
        "2026, in millions of US dollars. NVIDIA's fiscal year ends in late January: fiscal 2025 runs from "
        "29 January 2024 to 26 January 2025, so calendar_year (the year the fiscal year mostly covers) is "
        "2024. Each period keeps the value of its latest filing."
    ),
    fields=(
        Field("company", "string", "Company", constraints={"required": True, "enum": list(COMPANIES)}),
        Field("cik", "integer", "SEC Central Index Key", constraints={"required": True}),
        Field(
            "fiscal_year",
            "year",
            "Fiscal year, named by the calendar year in which it ends",
            constraints={"required": True},
        ),
        Field("period_start", "date", "First day of the fiscal year", constraints={"required": True}),
        Field("period_end", "date", "Last day of the fiscal year", constraints={"required": True}),
        Field(
            "calendar_year",
            "year",
            "Calendar year holding the middle of the fiscal year",
            constraints={"required": True},
        ),
        Field(
            "revenue_musd",
            "number",
            "Revenue",
            unit="millions of US dollars",
            constraints={"required": True, "minimum": 0},
        ),
        Field("operating_income_musd", "number", "Operating income (loss)", unit="millions of US dollars"),
        Field(
            "net_income_musd",
            "number",
            "Net income (loss): the owners' profit, not pay",
            unit="millions of US dollars",
            constraints={"required": True},
        ),
        Field(
            "revenue_tag",
            "string",
            "us-gaap tag the revenue was filed under",
            constraints={"required": True, "enum": list(REVENUE_TAGS)},
        ),
        Field(
            "net_income_values",
            "integer",
            "Distinct net income values the filings gave for the year (re-presentations)",
            unit="values",
            constraints={"required": True, "minimum": 1},
        ),
        Field(
            "accession",
            "string",
            "Accession number of the latest 10-K giving the net income",
            constraints={"required": True},
        ),
        Field("filed", "date", "Filing date of that 10-K", constraints={"required": True}),
    ),
    primary_key=("company", "fiscal_year"),
    sources=(raw.SEC_SOURCE,),
    # NVIDIA's revenue at most 2.3 times the year before; a later 10-K re-presents a year by a few percent.
    checks=(
        NoJump("revenue_musd", along="fiscal_year", within=("company",), factor=4),
        Revised(("revenue_musd", "net_income_musd"), at_most=0.1),
    ),
)


def company_rows(company: str, facts: dict) -> pd.DataFrame:
    def by_period(tag: str) -> pd.DataFrame:
        return raw.annual_facts(facts, tag).set_index(["start", "end"])

    revenue = pd.concat([by_period(tag).assign(tag=tag) for tag in REVENUE_TAGS])
    # One revenue per period: the tag of the latest filing (the tag switches between years, trap 10).
    revenue = revenue.sort_values("filed").groupby(level=["start", "end"]).tail(1)
    income, operating = by_period(NET_INCOME_TAG), by_period(OPERATING_INCOME_TAG)
    both = income.join(revenue[["val", "tag"]].rename(columns={"val": "revenue", "tag": "revenue_tag"}), how="inner")
    both = both.join(operating[["val"]].rename(columns={"val": "operating"}), how="left").reset_index()
    if both.empty:
        raise DataError(f"{company}: companyfacts has no fiscal year with both revenue and net income")
    start, end = pd.to_datetime(both["start"]), pd.to_datetime(both["end"])
    return pd.DataFrame(
        {
            "company": company,
            "cik": COMPANIES[company],
            "fiscal_year": end.dt.year,
            "period_start": both["start"],
            "period_end": both["end"],
            "calendar_year": (start + (end - start) / 2).dt.year,
            "revenue_musd": both["revenue"] / 1e6,
            "operating_income_musd": both["operating"] / 1e6,
            "net_income_musd": both["val"] / 1e6,
            "revenue_tag": both["tag"] if "tag" in both else both["revenue_tag"],
            "net_income_values": both["n_values"].astype(int),
            "accession": both["accn"],
            "filed": both["filed"],
        }
    )


def financials_table(folder: Path) -> pd.DataFrame:
    facts_folder = folder / "sec" / "companyfacts"
    frames = []
    for company, cik in COMPANIES.items():
        path = raw.locate(facts_folder, f"CIK{cik:010d}.json", COMPANYFACTS_SHARED[company])
        frames.append(company_rows(company, raw.read_companyfacts(path, cik)))
    table = pd.concat(frames, ignore_index=True)
    duplicated = table.duplicated(["company", "fiscal_year"], keep=False)
    if duplicated.any():
        raise DataError(
            f"companyfacts: two annual periods end in the same fiscal year: {table.loc[duplicated].head(2).to_dict('records')}"
        )
    return table.sort_values(["company", "fiscal_year"], ignore_index=True)[FINANCIALS.columns]


# --- Figures read in the 10-K text, and figures known only from quoted text ------------------------
REPORTED = Table(
    name="gains_reported_figures",
    title="Figures read in the companies' 10-K text and figures known only from quoted text",
    description=(
        "NVIDIA's Data Center revenue (a segment the XBRL companyfacts do not carry) and the year-end head "
        "counts of NVIDIA and Alphabet, each read in a 10-K's own sentence; and, kept apart with status "
        "'secondary', the figures known only from quoted text: NVIDIA's fiscal 2026 Data Center revenue and "
        "head count, the labour share's 2026Q2 index, and the percent level of the labour share in BLS's "
        "release text. Net income per employee is not pay per employee."
    ),
    fields=(
        Field("figure_id", "string", "Identifier of the figure", constraints={"required": True}),
        Field("subject", "string", "Company or series the figure is about", constraints={"required": True}),
        Field("measure", "string", "What the figure measures", constraints={"required": True}),
        Field(
            "period",
            "string",
            "Fiscal year (FY2025) or quarter (2026Q1) the figure refers to",
            constraints={"required": True},
        ),
        Field("value", "number", "The figure", unit="see the unit column", constraints={"required": True}),
        Field("unit", "string", "Unit of value", constraints={"required": True}),
        Field(
            "approximate",
            "boolean",
            "The text says 'approximately' (head counts are rounded)",
            constraints={"required": True},
        ),
        Field(
            "status",
            "string",
            "primary: read in the filing itself; secondary: known only from quoted text",
            constraints={"required": True, "enum": ["primary", "secondary"]},
        ),
        Field("document", "string", "File the figure was read in", constraints={"required": True}),
        Field("quote", "string", "The words that hold the figure", constraints={"required": True}),
    ),
    primary_key=("figure_id",),
    sources=(raw.TENK_SOURCE, raw.NOTES_SOURCE),
    checks=(Revised(("value",), at_most=0.05),),  # figures read in filed text do not change
)
# NVIDIA's 10-Ks, each with the three fiscal years its revenue-by-market table covers.
NVIDIA_10KS = {
    2023: "NVDA_10-K_FY2023_edgartools_data-html-Nvidia.10-K.html.gz",
    2024: "NVDA_10-K_FY2024_nvda-20240128.htm.gz",
    2025: "NVDA_10-K_FY2025_nvda-10-k-2025-02-26.html.gz",
}
ALPHABET_10K = (2024, "GOOGL_10-K_FY2024_googl-10-k-2025-02-05.html.gz")
# The figures known only from quoted text: (id, subject, measure, period, unit, approximate, the
# sentence of SOURCE.md that holds it, the pattern that captures the number in that sentence).
QUOTED = (
    (
        "nvidia_data_centre_fy2026",
        "NVIDIA",
        "Data Center revenue",
        "FY2026",
        "millions of US dollars",
        False,
        "Data Center revenue FY2021–FY2025 comes from three 10-Ks. FY2026 (193,737 $M) is known only from secondary text.",
        r"FY2026 \(([\d,]+) \$M\)",
    ),
    (
        "nvidia_employees_fy2026",
        "NVIDIA",
        "Employees at fiscal year end",
        "FY2026",
        "employees",
        True,
        "FY2026 ≈42,000 is quoted from the FY2026 10-K by several independent repositories; the 10-K itself is not stored here.",
        r"FY2026 ≈([\d,]+)",
    ),
    (
        "labour_share_2026q2",
        LABOUR_SHARE_ID,
        "Labor share, nonfarm business (FRED, updated 2026-09-03)",
        "2026Q2",
        "index, 2017 = 100",
        False,
        'a repository ledger quoting FRED "updated 2026-09-03" gives Q2 2025 96.723, Q1 2026 94.843 and Q2 2026 93.446.',
        r"Q2 2026 (\d+\.\d+)",
    ),
    (
        "labour_share_level_2026q1",
        LABOUR_SHARE_ID,
        "Labor share, nonfarm business, as a percent (BLS release text)",
        "2026Q1",
        "percent",
        False,
        '**53.7 % in 2026Q1, "the lowest recorded value since the series began in 1947"** (release of 4 Jun 2026)',
        r"(\d+\.\d+) % in 2026Q1",
    ),
)


def _integer(text: str) -> int:
    return int(text.replace(",", ""))


def data_centre_rows(tenk: Path) -> pd.DataFrame:
    rows = []
    for fiscal_year, name in NVIDIA_10KS.items():
        text = raw.document_text(tenk / name)
        match = raw.DATA_CENTRE_ROW.search(text)
        if not match:
            raise DataError(f"{name}: no revenue-by-market table with a Data Center row")
        years = [int(d[-4:]) for d in re.findall(r"\w+ \d+, \d{4}", match.group(1))]
        if years[0] != fiscal_year:
            raise DataError(
                f"{name}: its revenue table starts with the year ended in {years[0]}, not fiscal {fiscal_year}"
            )
        values = match.groups()[1:]
        if len(years) != len(values):
            # A table with a year and no figure (or the reverse) would pair figures with the wrong years.
            raise DataError(f"{name}: its revenue table has {len(years)} years but {len(values)} Data Center figures")
        for year, value in zip(years, values, strict=True):
            rows.append(
                {"fiscal_year": year, "value": _integer(value), "document": name, "quote": f"Data Center $ {value}"}
            )
    found = pd.DataFrame(rows)
    differ = found.groupby("fiscal_year")["value"].nunique()
    if (differ > 1).any():
        raise DataError(
            f"NVIDIA 10-Ks: Data Center revenue of fiscal {differ.idxmax()} differs between the 10-Ks that carry it"
        )
    latest = found.sort_values("document").groupby("fiscal_year").tail(1).sort_values("fiscal_year")
    return pd.DataFrame(
        {
            "figure_id": "nvidia_data_centre_fy" + latest["fiscal_year"].astype(str),
            "subject": "NVIDIA",
            "measure": "Data Center revenue",
            "period": "FY" + latest["fiscal_year"].astype(str),
            "value": latest["value"].astype(float),
            "unit": "millions of US dollars",
            "approximate": False,
            "status": "primary",
            "document": latest["document"],
            "quote": latest["quote"],
        }
    )


def employee_rows(tenk: Path) -> pd.DataFrame:
    rows = []
    filings = [("NVIDIA", year, name, raw.NVIDIA_EMPLOYEES) for year, name in NVIDIA_10KS.items()]
    filings.append(("Alphabet", *ALPHABET_10K, raw.ALPHABET_EMPLOYEES))
    for company, fiscal_year, name, pattern in filings:
        match = pattern.search(raw.document_text(tenk / name))
        if not match or int(match.group(1)) != fiscal_year:
            raise DataError(f"{name}: no sentence giving {company}'s head count at the end of fiscal {fiscal_year}")
        rows.append(
            {
                "figure_id": f"{company.lower()}_employees_fy{fiscal_year}",
                "subject": company,
                "measure": "Employees at fiscal year end",
                "period": f"FY{fiscal_year}",
                "value": float(_integer(match.group(3))),
                "unit": "employees",
                "approximate": match.group(2) is not None,
                "status": "primary",
                "document": name,
                "quote": match.group(0),
            }
        )
    return pd.DataFrame(rows)


def quoted_rows(folder: Path) -> pd.DataFrame:
    path, text = provenance_notes(folder, read_for="the secondary figures")
    rows = []
    for figure_id, subject, measure, period, unit, approximate, sentence, pattern in QUOTED:
        wanted = " ".join(sentence.split())
        if wanted not in text:
            raise DataError(f"{path}: the quoted sentence {wanted[:60]!r}... is not there")
        value = float(re.search(pattern, wanted).group(1).replace(",", ""))
        rows.append(
            {
                "figure_id": figure_id,
                "subject": subject,
                "measure": measure,
                "period": period,
                "value": value,
                "unit": unit,
                "approximate": approximate,
                "status": "secondary",
                "document": NOTES_FILE,
                "quote": wanted.replace("**", ""),
            }
        )
    return pd.DataFrame(rows)


def reported_figures(folder: Path, financials: pd.DataFrame) -> pd.DataFrame:
    tenk = folder / "sec" / "10k"
    table = pd.concat([data_centre_rows(tenk), employee_rows(tenk), quoted_rows(folder)], ignore_index=True)
    # The segment can never exceed the company: a misread row would.
    nvidia = financials.loc[financials["company"] == "NVIDIA"].set_index("fiscal_year")["revenue_musd"]
    for _, row in table.loc[
        table["figure_id"].str.startswith("nvidia_data_centre") & (table["status"] == "primary")
    ].iterrows():
        year = int(row["period"][2:])
        if year in nvidia.index and row["value"] > nvidia[year]:
            raise DataError(
                f"{row['document']}: Data Center revenue {row['value']:,.0f} exceeds NVIDIA's revenue in fiscal {year}"
            )
    table["approximate"] = table["approximate"].astype("boolean")
    return table[REPORTED.columns]


# --- OEWS: the occupations of the article's anecdotes ---------------------------------------------
OEWS = Table(
    name="gains_oews_occupations",
    title="BLS OEWS: lawyers, software developers and graphic designers against all occupations, May 2018-2025",
    description=(
        "National cross-industry OEWS estimates of wage and salary employment and annual wages (nominal US "
        "dollars), with relative standard errors, for the occupations of the article's anecdotes and for all "
        "occupations. The self-employed are not counted. Software developers have SOC code 15-1252 only from "
        "May 2021; before, the rows keep the codes that held them (series_note). OEWS measures jobs and pay, "
        "not workload."
    ),
    fields=(
        Field("year", "year", "Reference year of the estimates (May of that year)", constraints={"required": True}),
        Field(
            "occ_code",
            "string",
            "SOC code as OEWS prints it",
            constraints={"required": True, "enum": list(OCCUPATION_LABELS)},
        ),
        Field("occ_title", "string", "Occupation title as printed in the file", constraints={"required": True}),
        Field("occupation", "string", "The book's label for the occupation", constraints={"required": True}),
        Field(
            "employment",
            "integer",
            "Wage and salary employment (excludes the self-employed)",
            unit="jobs",
            constraints={"required": True, "minimum": 0},
        ),
        Field(
            "employment_rse_pct",
            "number",
            "Relative standard error of employment",
            unit="percent of the estimate",
            constraints={"minimum": 0},
        ),
        Field(
            "mean_annual_wage",
            "number",
            "Mean annual wage, nominal",
            unit="US dollars per year",
            constraints={"required": True, "minimum": 0},
        ),
        Field(
            "mean_wage_rse_pct",
            "number",
            "Relative standard error of the mean wage",
            unit="percent of the estimate",
            constraints={"minimum": 0},
        ),
        Field(
            "median_annual_wage",
            "number",
            "Median annual wage, nominal (empty when top-coded)",
            unit="US dollars per year",
            constraints={"minimum": 0},
        ),
        Field("series_note", "string", "Why the row is not comparable with 15-1252 (empty otherwise)"),
        Field("source_file", "string", "Raw file the row was read from", constraints={"required": True}),
    ),
    primary_key=("year", "occ_code"),
    sources=(raw.OEWS_WORKBOOK_SOURCE, raw.OEWS_2025_SOURCE),
    # Published OEWS estimates are final; a year's jobs and pay move by well under 1.5 times.
    checks=(
        SpanKept("year", series=("occ_code",)),
        NoJump("employment", along="year", within=("occ_code",), factor=2),
        NoJump("mean_annual_wage", along="year", within=("occ_code",), factor=1.5),
        Distinct(("employment", "mean_annual_wage"), along="year", within=("occ_code",)),
        Revised(("employment", "mean_annual_wage", "median_annual_wage")),
    ),
)


def oews_folder(folder: Path) -> Path:
    """``oews/`` in the raw folder (as data fetch writes it), else the radiology dataset's shared copies."""
    if (folder / "oews").is_dir():
        return folder / "oews"
    shared = folder.parent.parent / "radiology" / "raw" / "oews"
    if folder.name == "raw" and shared.is_dir():
        return shared
    raise DataError(f"{folder}: no oews/ folder, and no radiology/raw/oews/ beside it holding the OEWS national files")


def oews_rows(frame: pd.DataFrame, year: int, source_file: str) -> pd.DataFrame:
    codes = frame["occ_code"].str.strip()
    wanted = frame.loc[codes.isin(OCCUPATION_LABELS)].assign(occ_code=codes)
    found = set(wanted["occ_code"])
    needed = {ALL_OCCUPATIONS, LAWYERS, GRAPHIC_DESIGNERS, SOFTWARE_DEVELOPERS if year >= SOFTWARE_FROM else None} - {
        None
    }
    if needed - found:
        raise DataError(f"{source_file}: no row for {sorted(needed - found)} in May {year}")
    if year < SOFTWARE_FROM and SOFTWARE_DEVELOPERS in found:
        raise DataError(
            f"{source_file}: a 15-1252 row in May {year}, but the code reached OEWS only in May {SOFTWARE_FROM}"
        )
    if not found & (set(EARLIER_SOFTWARE) | {SOFTWARE_DEVELOPERS}):
        raise DataError(f"{source_file}: no software developer row of any code in May {year}")
    rows = []
    for _, row in wanted.iterrows():
        where = f"{source_file}, {row['occ_code']}, May {year}"
        employment, mean = raw.oews_number(row["tot_emp"], where), raw.oews_number(row["a_mean"], where)
        if employment is None or mean is None:
            raise DataError(f"{where}: no employment or mean wage estimate")
        rows.append(
            {
                "year": year,
                "occ_code": row["occ_code"],
                "occ_title": row["occ_title"].strip(),
                "occupation": OCCUPATION_LABELS[row["occ_code"]],
                "employment": int(employment),
                "employment_rse_pct": raw.oews_number(row["emp_prse"], where),
                "mean_annual_wage": mean,
                "mean_wage_rse_pct": raw.oews_number(row["mean_prse"], where),
                "median_annual_wage": raw.oews_number(row["a_median"], where),
                "series_note": EARLIER_SOFTWARE.get(row["occ_code"], ""),
                "source_file": source_file,
            }
        )
    return pd.DataFrame(rows)


def oews_table(folder: Path) -> pd.DataFrame:
    frames = [
        oews_rows(frame, year, name) for year, (name, frame) in raw.oews_workbook_frames(oews_folder(folder)).items()
    ]
    if OEWS_2025 in {int(f["year"].iloc[0]) for f in frames}:
        raise DataError(f"May {OEWS_2025} is both in a national file and in the {raw.OEWS_PACKAGE} database; keep one")
    database = raw.oews_database_file()
    latest = raw.oews_database_rows([ALL_OCCUPATIONS, *ANECDOTE_OCCUPATIONS], database)
    frames.append(
        oews_rows(latest, OEWS_2025, f"{raw.OEWS_PACKAGE}-{raw.OEWS_PACKAGE_VERSION}/{Path(raw.OEWS_DATABASE).name}")
    )
    return pd.concat(frames, ignore_index=True).sort_values(["year", "occ_code"], ignore_index=True)[OEWS.columns]


def derive(folder: Path) -> dict[str, pd.DataFrame]:
    folder = Path(folder)
    financials = financials_table(folder)
    return {
        PRODUCTIVITY.name: productivity_table(folder),
        ACCOUNTS.name: accounts_table(folder),
        FINANCIALS.name: financials,
        REPORTED.name: reported_figures(folder, financials),
        OEWS.name: oews_table(folder),
    }


DATASET = Dataset(
    name="gains",
    title="Who gains: labour share, productivity and pay, profits, the compute owners' filings, OEWS occupations",
    tables=(PRODUCTIVITY, ACCOUNTS, FINANCIALS, REPORTED, OEWS),
    derive=derive,
    remote=raw.remote,
)
