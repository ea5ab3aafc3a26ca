"""TOP500: how much of the list, and of its performance, runs on accelerators, and who holds it.

Raw inputs are the official per-edition exports (``TOP500_YYYYMM.xls`` to 2019-11, ``.xlsx``
from 2020-06). The rules below follow ``../shared/sources/top500/SOURCE.md``:

* the header row is found by looking for the ``Rank`` cell, not assumed to be row 1;
* the accelerator *name* decides whether a system is accelerated (the accelerator-cores column
  disagrees with it for a few systems); the literal "None" (or an empty cell) means no accelerator; the column is
  called ``Accelerator`` before June 2012 and ``Accelerator/Co-Processor`` after, and does not
  exist before June 2011, where the shares are missing rather than zero;
* Rmax is in GFlop/s up to 2016-11 and in TFlop/s from 2017-06 (the header says which);
  everything here is converted to TFlop/s;
* accelerator names are free text: :data:`FAMILY_RULES` is the one mapping from a name to a
  vendor family, and a name that no rule covers is an error, not "other".

Every workbook is read once (:func:`all_systems`); all tables are computed from that frame.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ..datapackage import DataError, Field, Source, Table
from ..datasets import Dataset
from ..exercises import expects
from ..ledger import assesses

FILE_PATTERN = re.compile(r"^TOP500_(\d{4})(\d{2})\.xlsx?$")
ACCELERATOR_COLUMNS = ("Accelerator/Co-Processor", "Accelerator")
RMAX_COLUMNS = ("Rmax [TFlop/s]", "Rmax", "RMax")
# Every list from 2011-06 writes "None" in the accelerator column of a system without one (pandas'
# read_excel hides this: "None" is among its default missing-value markers).
NO_ACCELERATOR = "None"
# Invisible characters seen in accelerator names (one 2020s name ends in a zero-width space).
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\ufeff\u00a0"), " ")

TOP500_SOURCE = Source(
    publisher="TOP500 (top500.org)",
    title="TOP500 list exports, June 2010 to June 2026 (33 editions)",
    series="TOP500_YYYYMM.xls / .xlsx, first sheet",
    url="https://www.top500.org/lists/top500/",
    retrieved="2026-08-12",
    licence="Free to use with citation of TOP500 (no formal licence stated)",
    licence_url="http://www.prometeus.de/top500/e_index_t.html",
    route=(
        "Copied byte for byte from the GitHub repository trecakov/AcademicSystemsTOP500 at commit "
        "3f9ca45bce44fd6d75efd1f1f3b501f59a96ccf9 (TOP500lists/), checked cell by cell against "
        "three other public copies; these are the lists as revised by TOP500 after release"
    ),
)

# The "top N" cuts of every list that the tier tables report; 500 is the whole list.
TIERS = (10, 100, 500)

FAMILY_NONE = "No accelerator named"
# Ordered: the first rule whose pattern matches a (cleaned) accelerator name gives its family.
FAMILY_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # Nodes pairing NVIDIA GPUs with Xeon Phi cards (2013-2016); one name spells NVIDIA "NDIVA"
    # and one names only the GPU model ("K20M/Xeon Phi 5110P").
    ("NVIDIA + Intel Xeon Phi", re.compile(r"(?i)xeon phi.*(nvidia|ndiva|k20|k40)|(nvidia|ndiva|k20|k40).*xeon phi")),
    ("NVIDIA", re.compile(r"(?i)^nvidia\b")),
    # ATI has been AMD's graphics brand since AMD bought it in 2006.
    ("AMD (incl. ATI)", re.compile(r"^(AMD|ATI)\b")),
    ("Intel", re.compile(r"^(Intel|Xeon Phi)\b")),
    # PEZY Computing, Preferred Networks (MN-Core), NUDT (Matrix-2000), IBM Cell.
    (
        "Other makers",
        re.compile(r"^(PEZY-SC|MN-Core|Preferred Networks MN-Core|Matrix-2000|IBM PowerXCell|Deep Computing Processor)"),
    ),
)
# The order in which tables and charts list the families.
FAMILIES = ("NVIDIA", "AMD (incl. ATI)", "Intel", "NVIDIA + Intel Xeon Phi", "Other makers", FAMILY_NONE)
if sorted(family for family, _ in FAMILY_RULES) != sorted(FAMILIES[:-1]):
    raise RuntimeError("top500.FAMILY_RULES and top500.FAMILIES name different families")

# Companies looked for among the sites (owners) of listed systems. The first group are the
# companies the article names (it spells Humain "Humane"); the second are the US firms best known
# for building their own large AI clusters. Patterns match whole words of the site name.
ARTICLE_COMPANIES = {
    "NVIDIA": r"(?i)\bnvidia\b",
    "xAI": r"\bxAI\b",
    "Tesla": r"\bTesla\b",
    "Humain": r"\bHumain\b",
}
CLOUD_AI_COMPANIES = {
    "Microsoft": r"\bMicrosoft\b",
    "Google": r"\bGoogle\b",
    "Amazon": r"\b(?:Amazon|AWS)\b",
    "Meta": r"\b(?:Meta|Facebook)\b",
    "OpenAI": r"\bOpenAI\b",
    "Oracle": r"\bOracle\b",
}
COMPANY_GROUPS = {"named in the article": ARTICLE_COMPANIES, "large cloud or AI-model company": CLOUD_AI_COMPANIES}


# --- Reading one list -----------------------------------------------------------------------


def edition_of(path: Path) -> str:
    match = FILE_PATTERN.match(path.name)
    if not match:
        raise DataError(f"{path.name}: not a TOP500 list export (expected TOP500_YYYYMM.xls or .xlsx)")
    return f"{match.group(1)}-{match.group(2)}"


def list_files(folder: Path) -> list[Path]:
    files = sorted(p for p in Path(folder).iterdir() if FILE_PATTERN.match(p.name))
    if not files:
        raise DataError(
            f"no TOP500 list exports (TOP500_YYYYMM.xls or .xlsx) in {folder}; "
            "download them from https://www.top500.org/lists/top500/ (a free account is needed)"
        )
    return files


def _is_rank_label(value: object) -> bool:
    return isinstance(value, str) and value.strip() == "Rank"


def read_list(path: Path) -> pd.DataFrame:
    """One edition as a frame with the original column names, header row found by its 'Rank' cell.

    The workbook is read with python-calamine directly: pandas' calamine engine converts every
    cell in Python and takes five times as long for the same values.
    """
    from python_calamine import CalamineWorkbook

    try:
        rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    except Exception as exc:  # calamine raises its own error types for damaged workbooks
        raise DataError(f"{path.name}: cannot be read as a spreadsheet ({exc})") from None
    header = next((i for i, row in enumerate(rows) if any(_is_rank_label(v) for v in row)), None)
    if header is None:
        raise DataError(f"{path.name}: no header row with a 'Rank' column")
    columns = [str(v).strip() if str(v).strip() else f"unnamed_{i}" for i, v in enumerate(rows[header])]
    body = pd.DataFrame(rows[header + 1 :], columns=columns, dtype=object)
    ranks = pd.to_numeric(body["Rank"], errors="coerce")
    return body.loc[ranks.notna()].assign(Rank=ranks[ranks.notna()].astype(int)).reset_index(drop=True)


def _pick(frame: pd.DataFrame, candidates: tuple[str, ...]) -> str | None:
    return next((c for c in candidates if c in frame.columns), None)


def clean_accelerator(value: object) -> str | None:
    """The accelerator name as written, with invisible characters and padding removed.

    None when the cell is blank or says "None", the lists' way of recording no accelerator.
    """
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    text = " ".join(str(value).translate(INVISIBLE).split())
    return None if text in ("", NO_ACCELERATOR) else text


def accelerator_family(name: str | None, where: str = "accelerator name") -> str:
    """The vendor family of a cleaned accelerator name, by the first matching rule of FAMILY_RULES."""
    if name is None or (isinstance(name, float) and pd.isna(name)):
        return FAMILY_NONE
    for family, pattern in FAMILY_RULES:
        if pattern.search(name):
            return family
    raise DataError(f"{where}: accelerator {name!r} matches no rule in top500.FAMILY_RULES; add one")


def _text_column(raw: pd.DataFrame, column: str, path: Path) -> pd.Series:
    if column not in raw.columns:
        raise DataError(f"{path.name}: no '{column}' column")
    values = raw[column].map(lambda v: " ".join(str(v).split()) if pd.notna(v) else "")
    blank = raw.loc[values == "", "Rank"]
    if not blank.empty:
        raise DataError(f"{path.name}: '{column}' is blank for rank(s) {blank.head(5).to_list()}")
    return values


def systems(path: Path) -> pd.DataFrame:
    """The systems of one edition in a common shape: rank, Rmax in TFlop/s, site, segment, accelerator."""
    edition = edition_of(path)
    raw = read_list(path)
    duplicated = raw.loc[raw["Rank"].duplicated(), "Rank"]
    if not duplicated.empty:
        raise DataError(f"{path.name}: rank(s) {duplicated.head(5).to_list()} appear more than once")
    rmax_col = _pick(raw, RMAX_COLUMNS)
    if rmax_col is None:
        raise DataError(f"{path.name}: no Rmax column (looked for {RMAX_COLUMNS})")
    in_tflops = "[TFlop/s]" in rmax_col
    if in_tflops != (edition >= "2017-06"):
        raise DataError(f"{path.name}: Rmax column '{rmax_col}' is not in the unit expected for {edition}")
    rmax = pd.to_numeric(raw[rmax_col], errors="coerce").astype(float)
    if rmax.isna().any() or (rmax <= 0).any():
        bad = raw.loc[rmax.isna() | (rmax <= 0), "Rank"].head(5).to_list()
        raise DataError(f"{path.name}: '{rmax_col}' is not a positive number for rank(s) {bad}")
    accel_col = _pick(raw, ACCELERATOR_COLUMNS)
    accelerator = raw[accel_col].map(clean_accelerator) if accel_col else pd.Series([None] * len(raw), dtype=object)
    family = accelerator.map(lambda name: accelerator_family(name, where=path.name)) if accel_col else None
    return pd.DataFrame(
        {
            "edition": edition,
            "rank": raw["Rank"].astype(int),
            "rmax_tflops": rmax if in_tflops else rmax / 1000.0,
            "site": _text_column(raw, "Site", path),
            "segment": _text_column(raw, "Segment", path),
            "has_accelerator_column": accel_col is not None,
            "accelerator_raw": raw[accel_col].astype(object) if accel_col else None,
            "accelerator": accelerator.astype(object),
            "family": family,
        }
    )


def all_systems(folder: Path) -> pd.DataFrame:
    return pd.concat([systems(p) for p in list_files(folder)], ignore_index=True)


# --- Tables ---------------------------------------------------------------------------------


def _share(part: float, whole: float) -> float:
    return round(part / whole, 4)


def accelerator_shares(systems_frame: pd.DataFrame) -> pd.DataFrame:
    """Per edition: systems, accelerated systems, and their share by count and by Rmax (NA before 2011-06)."""
    rows = []
    for edition, group in systems_frame.groupby("edition", sort=True):
        n = len(group)
        if not group["has_accelerator_column"].all():
            rows.append((edition, n, pd.NA, pd.NA, pd.NA))
            continue
        accelerated = group["accelerator"].notna()
        share_rmax = group.loc[accelerated, "rmax_tflops"].sum() / group["rmax_tflops"].sum()
        rows.append((edition, n, int(accelerated.sum()), round(accelerated.mean(), 4), round(share_rmax, 4)))
    frame = pd.DataFrame(
        rows, columns=["edition", "n_systems", "n_accelerated", "share_accelerated_count", "share_accelerated_rmax"]
    )
    return frame.astype({"n_accelerated": "Int64", "share_accelerated_count": "Float64", "share_accelerated_rmax": "Float64"})


def top(group: pd.DataFrame, top_n: int) -> pd.DataFrame:
    return group.loc[group["rank"] <= top_n]


def tier_shares(systems_frame: pd.DataFrame) -> pd.DataFrame:
    """The accelerated shares of :func:`accelerator_shares` for the top 10, top 100 and whole list."""
    frames = []
    for top_n in TIERS:
        parts = [top(group, top_n) for _, group in systems_frame.groupby("edition", sort=True)]
        frames.append(accelerator_shares(pd.concat(parts)).assign(top_n=top_n))
    tiers = pd.concat(frames, ignore_index=True).sort_values(["edition", "top_n"], ignore_index=True)
    return tiers[TIERS_TABLE.columns]


def family_counts(systems_frame: pd.DataFrame) -> pd.DataFrame:
    """Systems and Rmax by accelerator family, for each edition with an accelerator column and each tier.

    Every family appears for every edition and tier, with zero where none is listed, so that the
    shares of one edition and tier add up to one.
    """
    known = systems_frame.loc[systems_frame["has_accelerator_column"]]
    rows = []
    for edition, group in known.groupby("edition", sort=True):
        for top_n in TIERS:
            tier = top(group, top_n)
            total = tier["rmax_tflops"].sum()
            by_family = tier.groupby("family")["rmax_tflops"].agg(["size", "sum"])
            for family in FAMILIES:
                n, rmax = (by_family.loc[family, "size"], by_family.loc[family, "sum"]) if family in by_family.index else (0, 0.0)
                rows.append((edition, top_n, family, int(n), _share(n, len(tier)), round(rmax, 3), _share(rmax, total)))
    return pd.DataFrame(rows, columns=FAMILIES_TABLE.columns)


def accelerator_names(systems_frame: pd.DataFrame) -> pd.DataFrame:
    """Every distinct accelerator name (invisible characters removed) with its family and where it occurs."""
    named = systems_frame.dropna(subset=["accelerator"])
    grouped = named.groupby("accelerator", sort=True)
    frame = pd.DataFrame(
        {
            "family": grouped["family"].first(),
            "n_raw_spellings": grouped["accelerator_raw"].nunique(),
            "first_edition": grouped["edition"].min(),
            "last_edition": grouped["edition"].max(),
            "n_entries": grouped.size(),
        }
    ).reset_index()
    return frame[NAMES_TABLE.columns]


def concentration(systems_frame: pd.DataFrame) -> pd.DataFrame:
    """Per edition: total Rmax and the share of it held by the first, the first 10 and the first 100 systems."""
    rows = []
    for edition, group in systems_frame.groupby("edition", sort=True):
        total = group["rmax_tflops"].sum()
        shares = [_share(top(group, n)["rmax_tflops"].sum(), total) for n in (1, 10, 100)]
        rows.append((edition, round(total, 3), *shares))
    return pd.DataFrame(rows, columns=CONCENTRATION_TABLE.columns)


def segment_shares(systems_frame: pd.DataFrame) -> pd.DataFrame:
    """Per edition and TOP500 segment (industry, research, ...): systems and share of total Rmax."""
    rows = []
    for edition, group in systems_frame.groupby("edition", sort=True):
        total = group["rmax_tflops"].sum()
        for segment, part in group.groupby("segment", sort=True):
            rmax = part["rmax_tflops"].sum()
            rows.append((edition, segment, len(part), round(rmax, 3), _share(rmax, total)))
    return pd.DataFrame(rows, columns=SEGMENTS_TABLE.columns)


def company_presence(systems_frame: pd.DataFrame) -> pd.DataFrame:
    """Per edition and company of :data:`COMPANY_GROUPS`: systems whose site bears the company's name."""
    totals = systems_frame.groupby("edition", sort=True)["rmax_tflops"].sum()
    frames = []
    for label, companies in COMPANY_GROUPS.items():
        for company, pattern in companies.items():
            at_site = systems_frame["site"].str.contains(pattern, regex=True)
            found = systems_frame.loc[at_site].groupby("edition")["rmax_tflops"].agg(["size", "sum"])
            found = found.reindex(totals.index, fill_value=0)
            frames.append(
                pd.DataFrame(
                    {
                        "edition": totals.index,
                        "company": company,
                        "company_group": label,
                        "n_systems": found["size"].astype(int).to_numpy(),
                        "rmax_tflops": found["sum"].astype(float).round(3).to_numpy(),
                        "share_rmax": (found["sum"] / totals).round(4).to_numpy(),
                    }
                )
            )
    return pd.concat(frames, ignore_index=True).sort_values(["edition", "company_group", "company"], ignore_index=True)


EDITION = Field("edition", "yearmonth", "TOP500 edition (list published in June or November)", constraints={"required": True})
TOP_N = Field(
    "top_n",
    "integer",
    "The first N systems of the list by rank (10, 100, or 500 for the whole list)",
    unit="systems",
    constraints={"minimum": 1, "maximum": 500, "required": True},
)


def _fraction(name: str, description: str, required: bool = False) -> Field:
    constraints = {"minimum": 0, "maximum": 1} | ({"required": True} if required else {})
    return Field(name, "number", description, unit="fraction (0-1)", constraints=constraints)


def _rmax(name: str, description: str) -> Field:
    return Field(name, "number", description, unit="TFlop/s (HPL Rmax)", constraints={"minimum": 0, "required": True})


def _count(name: str, description: str, required: bool = True) -> Field:
    return Field(name, "integer", description, unit="systems", constraints={"minimum": 0} | ({"required": True} if required else {}))


ACCELERATORS = Table(
    name="top500_accelerators",
    title="TOP500: accelerated systems per edition",
    description=(
        "For each TOP500 edition, the number of listed systems, how many name an accelerator or "
        "co-processor, and the accelerated share by count and by share of the list's total Rmax. "
        "Missing (not zero) for 2010, whose lists have no accelerator column."
    ),
    fields=(
        EDITION,
        Field("n_systems", "integer", "Systems on the list", unit="systems", constraints={"minimum": 1, "required": True}),
        Field(
            "n_accelerated",
            "integer",
            "Systems whose accelerator/co-processor name is not blank",
            unit="systems",
            constraints={"minimum": 0},
        ),
        Field(
            "share_accelerated_count",
            "number",
            "n_accelerated / n_systems",
            unit="fraction (0-1)",
            constraints={"minimum": 0, "maximum": 1},
        ),
        Field(
            "share_accelerated_rmax",
            "number",
            "Rmax of accelerated systems / total Rmax of the edition (HPL LINPACK performance)",
            unit="fraction (0-1)",
            constraints={"minimum": 0, "maximum": 1},
        ),
    ),
    primary_key=("edition",),
    sources=(TOP500_SOURCE,),
)

TIERS_TABLE = Table(
    name="top500_tiers",
    title="TOP500: accelerated systems in the top 10, top 100 and whole list",
    description=(
        "For each edition and each cut of the list (its first 10, first 100 and all 500 systems by "
        "rank), how many systems name an accelerator and their share by count and by Rmax within "
        "that cut. Missing (not zero) for 2010, whose lists have no accelerator column."
    ),
    fields=(
        EDITION,
        TOP_N,
        Field("n_systems", "integer", "Systems in the cut", unit="systems", constraints={"minimum": 1, "required": True}),
        _count("n_accelerated", "Systems in the cut whose accelerator/co-processor name is not blank", required=False),
        _fraction("share_accelerated_count", "n_accelerated / n_systems"),
        _fraction("share_accelerated_rmax", "Rmax of accelerated systems in the cut / total Rmax of the cut"),
    ),
    primary_key=("edition", "top_n"),
    sources=(TOP500_SOURCE,),
)

FAMILIES_TABLE = Table(
    name="top500_families",
    title="TOP500: systems and performance by accelerator family",
    description=(
        "For each edition from 2011-06 (the first with an accelerator column), each cut of the list "
        "(top 10, top 100, all 500) and each accelerator family (NVIDIA, AMD including ATI, Intel, "
        "NVIDIA and Intel Xeon Phi in the same system, other makers, and no accelerator named): "
        "systems and Rmax, and their shares of the cut. Families come from the accelerator name "
        "by the rules in top500_accelerator_names; zero rows are kept so shares add up to one."
    ),
    fields=(
        EDITION,
        TOP_N,
        Field("family", "string", "Accelerator family, or 'No accelerator named'", constraints={"required": True, "enum": list(FAMILIES)}),
        _count("n_systems", "Systems of this family in the cut"),
        _fraction("share_count", "n_systems / systems in the cut", required=True),
        _rmax("rmax_tflops", "Sum of Rmax of this family's systems in the cut"),
        _fraction("share_rmax", "rmax_tflops / total Rmax of the cut", required=True),
    ),
    primary_key=("edition", "top_n", "family"),
    sources=(TOP500_SOURCE,),
)

NAMES_TABLE = Table(
    name="top500_accelerator_names",
    title="TOP500: every accelerator name in the lists and its family",
    description=(
        "Each distinct accelerator/co-processor name found in the 2011-06 to 2026-06 lists, after "
        "removing invisible characters and extra spaces (n_raw_spellings counts the spellings that "
        "collapse to it), with the family it is assigned to and where it occurs."
    ),
    fields=(
        Field("accelerator", "string", "Accelerator name as written in the list, cleaned of invisible characters", constraints={"required": True}),
        Field("family", "string", "Accelerator family assigned by top500.FAMILY_RULES", constraints={"required": True, "enum": [f for f in FAMILIES if f != FAMILY_NONE]}),
        Field("n_raw_spellings", "integer", "Distinct raw spellings (with invisible characters) of this name", unit="spellings", constraints={"minimum": 1, "required": True}),
        Field("first_edition", "yearmonth", "First edition naming it", constraints={"required": True}),
        Field("last_edition", "yearmonth", "Last edition naming it", constraints={"required": True}),
        Field("n_entries", "integer", "List entries naming it, summed over editions", unit="system-editions", constraints={"minimum": 1, "required": True}),
    ),
    primary_key=("accelerator",),
    sources=(TOP500_SOURCE,),
)

CONCENTRATION_TABLE = Table(
    name="top500_concentration",
    title="TOP500: how concentrated the list's performance is",
    description=(
        "For each edition, the total Rmax of the 500 systems (in TFlop/s for every edition; the "
        "lists to 2016-11 give GFlop/s) and the share of it held by the first, the first 10 and "
        "the first 100 systems by rank."
    ),
    fields=(
        EDITION,
        _rmax("rmax_total_tflops", "Sum of Rmax over the whole list"),
        _fraction("share_rmax_top1", "Rmax of the rank-1 system / total Rmax", required=True),
        _fraction("share_rmax_top10", "Rmax of ranks 1-10 / total Rmax", required=True),
        _fraction("share_rmax_top100", "Rmax of ranks 1-100 / total Rmax", required=True),
    ),
    primary_key=("edition",),
    sources=(TOP500_SOURCE,),
)

SEGMENTS_TABLE = Table(
    name="top500_segments",
    title="TOP500: systems and performance by segment",
    description=(
        "For each edition and each segment as TOP500 records it (Academic, Classified, Government, "
        "Industry, Others, Research, Vendor; 'Classified' appears only in early lists and 'Others' "
        "only in later ones): systems and Rmax, and the segment's share of the list's total Rmax."
    ),
    fields=(
        EDITION,
        Field("segment", "string", "TOP500 segment of the system's site, as written in the list", constraints={"required": True}),
        _count("n_systems", "Systems in the segment"),
        _rmax("rmax_tflops", "Sum of Rmax of the segment's systems"),
        _fraction("share_rmax", "rmax_tflops / total Rmax of the edition", required=True),
    ),
    primary_key=("edition", "segment"),
    sources=(TOP500_SOURCE,),
)

COMPANIES_TABLE = Table(
    name="top500_companies",
    title="TOP500: systems at sites bearing the name of the companies in the AI debate",
    description=(
        "For each edition and each of ten companies (those the article names: NVIDIA, xAI, Tesla, "
        "Humain; and six US cloud or AI-model companies: Microsoft, Google, Amazon, Meta, OpenAI, "
        "Oracle), the systems whose site name contains the company's name as a whole word "
        "(Amazon also as 'AWS', Meta also as 'Facebook'). Zero means no site bears that name; many "
        "industry sites are listed anonymously ('Internet Company', 'Cloud Provider')."
    ),
    fields=(
        EDITION,
        Field("company", "string", "Company looked for", constraints={"required": True}),
        Field("company_group", "string", "Why it is looked for", constraints={"required": True, "enum": list(COMPANY_GROUPS)}),
        _count("n_systems", "Systems whose site name contains the company's name"),
        _rmax("rmax_tflops", "Sum of Rmax of those systems"),
        _fraction("share_rmax", "rmax_tflops / total Rmax of the edition", required=True),
    ),
    primary_key=("edition", "company"),
    sources=(TOP500_SOURCE,),
)

TABLES = (ACCELERATORS, TIERS_TABLE, FAMILIES_TABLE, NAMES_TABLE, CONCENTRATION_TABLE, SEGMENTS_TABLE, COMPANIES_TABLE)


def derive(folder: Path) -> dict[str, pd.DataFrame]:
    every = all_systems(folder)
    return {
        ACCELERATORS.name: accelerator_shares(every),
        TIERS_TABLE.name: tier_shares(every),
        FAMILIES_TABLE.name: family_counts(every),
        NAMES_TABLE.name: accelerator_names(every),
        CONCENTRATION_TABLE.name: concentration(every),
        SEGMENTS_TABLE.name: segment_shares(every),
        COMPANIES_TABLE.name: company_presence(every),
    }


def remote(environ) -> list:
    """TOP500 serves its Excel exports only to logged-in users: the reader downloads them."""
    from ..fetch import LocalFolder

    return [
        LocalFolder(
            "TOP500_*.xls*",
            how_to_get=(
                "log in at https://www.top500.org (a free account), download each list's Excel export "
                "from https://www.top500.org/lists/top500/ (TOP500_YYYYMM.xls or .xlsx) into one folder, "
                "and pass it with --folder top500=DIR"
            ),
        )
    ]


DATASET = Dataset(name="top500", title="TOP500 supercomputer lists", tables=TABLES, derive=derive, remote=remote)


# --- The article's claim (C08) --------------------------------------------------------------
# Huang spoke at the forum of 19 November 2025, a few days after the November 2025 list came out;
# "six years ago" is therefore the November 2019 list. The shares are the article's, not data.
CLAIM_THEN, CLAIM_NOW = "2019-11", "2025-11"
CLAIMED_SHARE_THEN, CLAIMED_SHARE_NOW = 0.10, 0.90
# The article's CPU shares for the same two moments ("90% ... fell to 15%").
CLAIMED_CPU_THEN, CLAIMED_CPU_NOW = 0.90, 0.15
# How far a measured share may be from the claimed one and still count as the same number.
CLAIM_TOLERANCE = 0.05

MEASURES = {
    "share_accelerated_count": "Share of systems",
    "share_accelerated_rmax": "Share of performance (Rmax)",
}
CLAIM_SERIES = "The article's claim"


def narrow_legend(columns: int):
    """A legend in a fixed number of columns, short enough to fit a phone screen (375 px)."""
    import altair as alt

    return alt.Legend(columns=columns, labelLimit=150)


def edition_date(edition: pd.Series) -> pd.Series:
    """'2019-11' -> '2019-11-01', a date Vega-Lite reads without time-zone surprises."""
    return edition.astype(str) + "-01"


def shares_long(table: pd.DataFrame) -> pd.DataFrame:
    """The two accelerated shares per edition in long form, editions without data dropped."""
    long = table.melt(id_vars="edition", value_vars=list(MEASURES), var_name="measure", value_name="share")
    long = long.dropna(subset=["share"])
    return pd.DataFrame(
        {
            "edition": long["edition"].astype(str),
            "date": edition_date(long["edition"]),
            "measure": long["measure"].map(MEASURES),
            "share": long["share"].astype(float),
        }
    )


def chart_frame(table: pd.DataFrame) -> pd.DataFrame:
    """What the shares chart draws, as one tidy frame: the measured shares and the claimed ones."""
    claimed = pd.DataFrame(
        {
            "edition": [CLAIM_THEN, CLAIM_NOW],
            "date": edition_date(pd.Series([CLAIM_THEN, CLAIM_NOW])).to_list(),
            "measure": CLAIM_SERIES,
            "share": [CLAIMED_SHARE_THEN, CLAIMED_SHARE_NOW],
        }
    )
    return pd.concat([shares_long(table), claimed], ignore_index=True)


def shares_chart(table: pd.DataFrame):
    """Accelerated share of the TOP500 by count and by Rmax, with the article's two points."""
    import altair as alt

    from ..charts import CLAIM_COLOUR, PALETTE

    base = alt.Chart(chart_frame(table)).encode(
        x=alt.X("date:T", title="TOP500 edition", axis=alt.Axis(format="%Y", tickCount=8)),
        y=alt.Y("share:Q", title="Accelerated share (%)", axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1])),
        color=alt.Color(
            "measure:N",
            title=None,
            scale=alt.Scale(domain=[*MEASURES.values(), CLAIM_SERIES], range=[PALETTE[0], PALETTE[1], CLAIM_COLOUR]),
            legend=narrow_legend(1),
        ),
        tooltip=[
            alt.Tooltip("edition:N", title="Edition"),
            alt.Tooltip("measure:N", title="Series"),
            alt.Tooltip("share:Q", title="Share", format=".1%"),
        ],
    )
    measured = alt.datum.measure != CLAIM_SERIES
    lines = base.transform_filter(measured).mark_line(point=alt.OverlayMarkDef(size=25))
    claims = base.transform_filter(~measured)
    claim_marks = claims.mark_point(shape="diamond", size=160, filled=True, opacity=1)
    claim_labels = claims.mark_text(align="right", dx=-10, fontWeight="bold").encode(
        text=alt.Text("share:Q", format=".0%")
    )
    return (lines + claim_marks + claim_labels).properties(width="container", height=320)


def shares_description(table: pd.DataFrame) -> str:
    """The chart's message for a reader who cannot see it, computed from the table."""
    known = table.dropna(subset=["share_accelerated_count"])
    first, last = known.iloc[0], known.iloc[-1]
    peak = known.loc[known["share_accelerated_rmax"].astype(float).idxmax()]
    return (
        f"Line chart of the share of TOP500 systems that name an accelerator, by count and by share of "
        f"total performance (Rmax), {first['edition']} to {last['edition']}. By count the share rises from "
        f"{first['share_accelerated_count']:.0%} to {last['share_accelerated_count']:.0%}; by performance "
        f"from {first['share_accelerated_rmax']:.0%} to a peak of {peak['share_accelerated_rmax']:.0%} in "
        f"{peak['edition']}, then {last['share_accelerated_rmax']:.0%}. The article's claimed "
        f"{CLAIMED_SHARE_THEN:.0%} in {CLAIM_THEN} and {CLAIMED_SHARE_NOW:.0%} in {CLAIM_NOW} are marked "
        "as diamonds; "
        + (
            "neither measured line passes through both."
            if not any(_matches_claim(*(known.loc[known["edition"] == e, m].astype(float).iloc[0] for e in (CLAIM_THEN, CLAIM_NOW))) for m in MEASURES)
            else "a measured line passes through both."
        )
    )


def share_at(table: pd.DataFrame, edition: str, measure: str) -> float:
    row = table.loc[table["edition"] == edition, measure]
    if row.empty or pd.isna(row.iloc[0]):
        raise DataError(f"top500_accelerators has no {measure} for {edition}")
    return float(row.iloc[0])


def tier_row(tiers: pd.DataFrame, edition: str, top_n: int) -> pd.Series:
    row = tiers.loc[(tiers["edition"] == edition) & (tiers["top_n"] == top_n)]
    if row.empty or pd.isna(row["n_accelerated"].iloc[0]):
        raise DataError(f"top500_tiers has no accelerator count for the top {top_n} of {edition}")
    return row.iloc[0]


def c08_figures(table: pd.DataFrame) -> dict[str, float]:
    return {
        "count_then": share_at(table, CLAIM_THEN, "share_accelerated_count"),
        "count_now": share_at(table, CLAIM_NOW, "share_accelerated_count"),
        "rmax_then": share_at(table, CLAIM_THEN, "share_accelerated_rmax"),
        "rmax_now": share_at(table, CLAIM_NOW, "share_accelerated_rmax"),
    }


# The top-100 cut, where the claim's numbers come from (NVIDIA's SC25 statistic is about it).
CLAIM_TIER = 100


def c08_top100(tiers: pd.DataFrame) -> dict[str, float]:
    """Accelerated and unaccelerated systems of the top 100, then and now, as counts and shares."""
    then, now = tier_row(tiers, CLAIM_THEN, CLAIM_TIER), tier_row(tiers, CLAIM_NOW, CLAIM_TIER)
    return {
        "accelerated_then": int(then["n_accelerated"]),
        "accelerated_now": int(now["n_accelerated"]),
        "without_then": int(then["n_systems"] - then["n_accelerated"]),
        "without_now": int(now["n_systems"] - now["n_accelerated"]),
        "share_then": float(then["share_accelerated_count"]),
        "share_now": float(now["share_accelerated_count"]),
    }


def c08_chapter_numbers(shares: pd.DataFrame, tiers: pd.DataFrame) -> dict[str, float]:
    """Every number the C08 sections of the chapter quote, by the name the prose glues."""
    whole, top100 = c08_figures(shares), c08_top100(tiers)
    ten_then, ten_now = tier_row(tiers, CLAIM_THEN, 10), tier_row(tiers, CLAIM_NOW, 10)
    latest = shares.iloc[-1]
    return {
        **{f"share_{k}": v for k, v in whole.items()},
        **{f"top100_{k}": v for k, v in top100.items()},
        "top100_rmax_then": float(tier_row(tiers, CLAIM_THEN, CLAIM_TIER)["share_accelerated_rmax"]),
        "top100_rmax_now": float(tier_row(tiers, CLAIM_NOW, CLAIM_TIER)["share_accelerated_rmax"]),
        "top10_then": int(ten_then["n_accelerated"]),
        "top10_now": int(ten_now["n_accelerated"]),
        "whole_then": int(tier_row(tiers, CLAIM_THEN, 500)["n_accelerated"]),
        "whole_now": int(tier_row(tiers, CLAIM_NOW, 500)["n_accelerated"]),
        "rmax_then_over_claim": whole["rmax_then"] / CLAIMED_SHARE_THEN,
        "top100_cpu_then_short_of_claim": CLAIMED_CPU_THEN - (1 - top100["share_then"]),
        "latest_share_rmax": float(latest["share_accelerated_rmax"]),
        "latest_share_count": float(latest["share_accelerated_count"]),
    }


def _matches_claim(then: float, now: float) -> bool:
    return abs(then - CLAIMED_SHARE_THEN) <= CLAIM_TOLERANCE and abs(now - CLAIMED_SHARE_NOW) <= CLAIM_TOLERANCE


def _close(measured: float, claimed: float) -> bool:
    return abs(measured - claimed) <= CLAIM_TOLERANCE


def c08_verdict(shares: pd.DataFrame, tiers: pd.DataFrame) -> str:
    """Accurate if the whole list went from the claimed share to the claimed share by count;
    accurate but misleading if only another measure (Rmax, or the top 100) did; wrong otherwise."""
    whole = c08_figures(shares)
    top100 = c08_top100(tiers)
    if _matches_claim(whole["count_then"], whole["count_now"]):
        return "accurate"
    if _matches_claim(whole["rmax_then"], whole["rmax_now"]) or _matches_claim(top100["share_then"], top100["share_now"]):
        return "accurate but misleading"
    return "wrong"


@assesses("C08", chapter="chapters/top500", section="top500-claim")
def assess_c08() -> tuple[str, str, str]:
    from ..datapackage import load

    shares, tiers = load(ACCELERATORS.name), load(TIERS_TABLE.name)
    f, t = c08_figures(shares), c08_top100(tiers)
    n = CLAIM_TIER
    fits = {True: "fits", False: "does not fit"}
    evidence = (
        f"Across the whole TOP500, accelerated systems were {f['count_then']:.1%} of the list in "
        f"{CLAIM_THEN} and {f['count_now']:.1%} in {CLAIM_NOW}; their share of total performance "
        f"(Rmax) went from {f['rmax_then']:.1%} to {f['rmax_now']:.1%}. The claim's figures are "
        f"closest to the top {n} systems: {t['accelerated_then']} of them named an accelerator in "
        f"{CLAIM_THEN} and {t['accelerated_now']} in {CLAIM_NOW}, so the end point "
        f"({t['without_now']} of {n} without, against the claimed {CLAIMED_CPU_NOW:.0%}) "
        f"{fits[_close(1 - t['share_now'], CLAIMED_CPU_NOW)]} and the starting point "
        f"({t['without_then']} of {n} without, against {CLAIMED_CPU_THEN:.0%}) "
        f"{fits[_close(1 - t['share_then'], CLAIMED_CPU_THEN)]}."
    )
    return c08_verdict(shares, tiers), evidence, "TOP500 list exports, November 2019 and November 2025"


# --- Top 10, top 100, whole list -------------------------------------------------------------

TIER_LABELS = {10: "Top 10", 100: "Top 100", 500: "All 500"}
TIER_COLOURS = {10: "#E69F00", 100: "#0072B2", 500: "#009E73"}


def tiers_frame(tiers: pd.DataFrame) -> pd.DataFrame:
    """What the tiers chart draws: both shares per edition and cut, plus the claimed points."""
    known = tiers.dropna(subset=["n_accelerated"])
    long = known.melt(
        id_vars=["edition", "top_n", "n_systems", "n_accelerated"],
        value_vars=list(MEASURES),
        var_name="measure",
        value_name="share",
    )
    measured = pd.DataFrame(
        {
            "edition": long["edition"].astype(str),
            "date": edition_date(long["edition"]),
            "series": long["top_n"].map(TIER_LABELS),
            "measure": long["measure"].map(MEASURES),
            "share": long["share"].astype(float),
            "accelerated": long["n_accelerated"].astype(int).astype(str) + " of " + long["n_systems"].astype(str),
        }
    )
    claimed = pd.DataFrame(
        {
            "edition": [CLAIM_THEN, CLAIM_NOW],
            "date": edition_date(pd.Series([CLAIM_THEN, CLAIM_NOW])).to_list(),
            "series": CLAIM_SERIES,
            "measure": "both",
            "share": [CLAIMED_SHARE_THEN, CLAIMED_SHARE_NOW],
            "accelerated": "claimed",
        }
    )
    return pd.concat([measured, claimed], ignore_index=True)


def tiers_chart(tiers: pd.DataFrame):
    """Accelerated share of the top 10, top 100 and whole list, with a selector for the measure."""
    import altair as alt

    from ..charts import CLAIM_COLOUR

    measure = alt.param(
        name="measure_choice",
        value=MEASURES["share_accelerated_count"],
        bind=alt.binding_radio(options=list(MEASURES.values()), name="Measure: "),
    )
    series_domain = [*TIER_LABELS.values(), CLAIM_SERIES]
    series_range = [*TIER_COLOURS.values(), CLAIM_COLOUR]
    base = (
        alt.Chart(tiers_frame(tiers))
        .transform_filter((alt.datum.measure == measure) | (alt.datum.measure == "both"))
        .encode(
            x=alt.X("date:T", title="TOP500 edition (year)", axis=alt.Axis(format="%Y", tickCount=8)),
            y=alt.Y("share:Q", title="Accelerated share (% of the cut)", axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1])),
            color=alt.Color("series:N", title=None, scale=alt.Scale(domain=series_domain, range=series_range), legend=narrow_legend(2)),
            tooltip=[
                alt.Tooltip("edition:N", title="Edition"),
                alt.Tooltip("series:N", title="Systems"),
                alt.Tooltip("share:Q", title="Accelerated share", format=".1%"),
                alt.Tooltip("accelerated:N", title="Accelerated systems"),
            ],
        )
    )
    is_claim = alt.datum.series == CLAIM_SERIES
    lines = base.transform_filter(~is_claim).mark_line(point=alt.OverlayMarkDef(size=25))
    claims = base.transform_filter(is_claim)
    claim_marks = claims.mark_point(shape="diamond", size=160, filled=True, opacity=1)
    claim_labels = claims.mark_text(align="right", dx=-10, fontWeight="bold").encode(text=alt.Text("share:Q", format=".0%"))
    return (lines + claim_marks + claim_labels).add_params(measure).properties(width="container", height=320)


def tiers_description(tiers: pd.DataFrame) -> str:
    t = c08_top100(tiers)
    whole_then, whole_now = tier_row(tiers, CLAIM_THEN, 500), tier_row(tiers, CLAIM_NOW, 500)
    ten_then, ten_now = tier_row(tiers, CLAIM_THEN, 10), tier_row(tiers, CLAIM_NOW, 10)
    return (
        "Line chart of the share of systems naming an accelerator among the top 10, the top 100 and "
        "all 500 systems of each TOP500 list, with a selector to switch from share of systems to "
        f"share of performance (Rmax). From {CLAIM_THEN} to {CLAIM_NOW} the top 100 went from "
        f"{t['accelerated_then']} to {t['accelerated_now']} accelerated systems, the top 10 from "
        f"{int(ten_then['n_accelerated'])} to {int(ten_now['n_accelerated'])}, and the whole list from "
        f"{int(whole_then['n_accelerated'])} to {int(whole_now['n_accelerated'])} of 500. The article's "
        f"{CLAIMED_SHARE_THEN:.0%} and {CLAIMED_SHARE_NOW:.0%} are marked as diamonds: the top-100 line "
        "reaches the second but starts far above the first."
        if _close(t["share_now"], CLAIMED_SHARE_NOW) and not _close(t["share_then"], CLAIMED_SHARE_THEN)
        else "Line chart of the accelerated share of the top 10, top 100 and whole TOP500 list, "
        f"with the article's {CLAIMED_SHARE_THEN:.0%} and {CLAIMED_SHARE_NOW:.0%} marked as diamonds."
    )


# --- Accelerator families --------------------------------------------------------------------

FAMILY_COLOURS = {
    "NVIDIA": "#009E73",
    "AMD (incl. ATI)": "#E69F00",
    "Intel": "#0072B2",
    "NVIDIA + Intel Xeon Phi": "#56B4E9",
    "Other makers": "#CC79A7",
    FAMILY_NONE: "#d9d9d9",
}
FAMILY_MEASURES = {"share_count": "Share of systems", "share_rmax": "Share of performance (Rmax)"}


def families_frame(families: pd.DataFrame, top_n: int = 500) -> pd.DataFrame:
    """One row per edition and family of one cut, both shares side by side (the chart folds them)."""
    part = families.loc[families["top_n"] == top_n]
    if part.empty:
        raise DataError(f"top500_families has no rows for the top {top_n}")
    return pd.DataFrame(
        {
            "edition": part["edition"].astype(str),
            "family": part["family"].astype(str),
            "order": part["family"].map({f: i for i, f in enumerate(FAMILIES)}),
            FAMILY_MEASURES["share_count"]: part["share_count"].astype(float),
            FAMILY_MEASURES["share_rmax"]: part["share_rmax"].astype(float),
            "systems": part["n_systems"].astype(int),
        }
    ).reset_index(drop=True)


def _edition_axis(title: str):
    import altair as alt

    # Label June editions with their year only: 31 editions do not fit as full labels.
    return alt.Axis(
        title=title,
        labelAngle=0,
        labelExpr="slice(datum.label, 5) == '06' ? slice(datum.label, 0, 4) : ''",
        labelOverlap=True,
    )


def families_chart(families: pd.DataFrame):
    """Stacked bars: each edition's list split by accelerator family, by count or by Rmax."""
    import altair as alt

    measure = alt.param(
        name="family_measure",
        value=FAMILY_MEASURES["share_count"],
        bind=alt.binding_radio(options=list(FAMILY_MEASURES.values()), name="Measure: "),
    )
    return (
        alt.Chart(families_frame(families))
        .transform_fold(list(FAMILY_MEASURES.values()), as_=["measure", "share"])
        .transform_filter(alt.datum.measure == measure)
        .mark_bar()
        .encode(
            x=alt.X("edition:O", axis=_edition_axis("TOP500 edition (list)")),
            y=alt.Y("share:Q", title="Share of the list (%)", axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1]), stack="zero"),
            color=alt.Color(
                "family:N",
                title=None,
                scale=alt.Scale(domain=list(FAMILY_COLOURS), range=list(FAMILY_COLOURS.values())),
                legend=narrow_legend(1),
            ),
            order=alt.Order("order:Q"),
            tooltip=[
                alt.Tooltip("edition:N", title="Edition"),
                alt.Tooltip("family:N", title="Accelerator"),
                alt.Tooltip("systems:Q", title="Systems"),
                alt.Tooltip("share:Q", title="Share", format=".1%"),
            ],
        )
        .add_params(measure)
        .properties(width="container", height=320)
    )


def family_at(families: pd.DataFrame, edition: str, family: str, top_n: int = 500) -> pd.Series:
    row = families.loc[(families["edition"] == edition) & (families["family"] == family) & (families["top_n"] == top_n)]
    if row.empty:
        raise DataError(f"top500_families has no row for {family} in the top {top_n} of {edition}")
    return row.iloc[0]


def nvidia_share_of_accelerated(families: pd.DataFrame, edition: str, top_n: int) -> float:
    """NVIDIA-only systems as a fraction of all systems naming an accelerator, in one cut of one edition."""
    part = families.loc[(families["edition"] == edition) & (families["top_n"] == top_n)]
    accelerated = part.loc[part["family"] != FAMILY_NONE, "n_systems"].sum()
    if part.empty or accelerated == 0:
        raise DataError(f"top500_families has no accelerated systems in the top {top_n} of {edition}")
    return float(part.loc[part["family"] == "NVIDIA", "n_systems"].sum() / accelerated)


def families_summary(families: pd.DataFrame) -> dict[str, float]:
    """The family figures the chapter quotes: NVIDIA and AMD in the claim's edition and the latest."""
    last = max(families["edition"])
    out: dict[str, float] = {}
    for key, edition in (("now", CLAIM_NOW), ("latest", last)):
        nvidia, amd = family_at(families, edition, "NVIDIA"), family_at(families, edition, "AMD (incl. ATI)")
        out |= {
            f"nvidia_systems_{key}": int(nvidia["n_systems"]),
            f"nvidia_share_count_{key}": float(nvidia["share_count"]),
            f"nvidia_share_rmax_{key}": float(nvidia["share_rmax"]),
            f"amd_systems_{key}": int(amd["n_systems"]),
            f"amd_share_rmax_{key}": float(amd["share_rmax"]),
        }
    out["nvidia_of_accelerated_top100_now"] = nvidia_share_of_accelerated(families, CLAIM_NOW, CLAIM_TIER)
    out["nvidia_top100_now"] = int(family_at(families, CLAIM_NOW, "NVIDIA", CLAIM_TIER)["n_systems"])
    return out


def families_description(families: pd.DataFrame) -> str:
    editions = sorted(families["edition"].unique())
    first, last = editions[0], editions[-1]
    nvidia_last = family_at(families, last, "NVIDIA")
    amd_last = family_at(families, last, "AMD (incl. ATI)")
    none_last = family_at(families, last, FAMILY_NONE)
    none_first = family_at(families, first, FAMILY_NONE)
    return (
        f"Stacked bar chart of every TOP500 list from {first} to {last}, split by accelerator family, "
        "with a selector for share of systems or share of performance (Rmax). Systems naming no "
        f"accelerator fall from {none_first['share_count']:.0%} of the list in {first} to "
        f"{none_last['share_count']:.0%} in {last}. In {last} NVIDIA accounts for "
        f"{int(nvidia_last['n_systems'])} systems ({nvidia_last['share_count']:.0%}) and "
        f"{nvidia_last['share_rmax']:.0%} of performance; AMD for {int(amd_last['n_systems'])} systems "
        f"and {amd_last['share_rmax']:.0%} of performance"
        + (
            ", far more than its count, because it equips some of the largest machines."
            if amd_last["share_rmax"] > 2 * amd_last["share_count"]
            else "."
        )
    )


# --- Concentration (C09) ---------------------------------------------------------------------

CONCENTRATION_SERIES = {
    "share_rmax_top1": "Fastest system",
    "share_rmax_top10": "Top 10",
    "share_rmax_top100": "Top 100",
}


def concentration_frame(concentration_table: pd.DataFrame) -> pd.DataFrame:
    long = concentration_table.melt(
        id_vars=["edition", "rmax_total_tflops"], value_vars=list(CONCENTRATION_SERIES), var_name="series", value_name="share"
    )
    return pd.DataFrame(
        {
            "edition": long["edition"].astype(str),
            "date": edition_date(long["edition"]),
            "series": long["series"].map(CONCENTRATION_SERIES),
            "share": long["share"].astype(float),
            # Whole-list total, in PFlop/s so the tooltip stays readable.
            "total_pflops": (long["rmax_total_tflops"] / 1000).round(1),
        }
    )


def concentration_chart(concentration_table: pd.DataFrame):
    """Share of the list's total Rmax held by the fastest system, the top 10 and the top 100."""
    import altair as alt

    from ..charts import PALETTE, legend_highlight

    highlight, highlighted = legend_highlight("series")
    return (
        alt.Chart(concentration_frame(concentration_table))
        .mark_line(point=alt.OverlayMarkDef(size=25))
        .encode(
            x=alt.X("date:T", title="TOP500 edition (year)", axis=alt.Axis(format="%Y", tickCount=8)),
            y=alt.Y("share:Q", title="Share of the list's total Rmax (%)", axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1])),
            color=alt.Color(
                "series:N",
                title=None,
                scale=alt.Scale(domain=list(CONCENTRATION_SERIES.values()), range=[PALETTE[4], PALETTE[0], PALETTE[2]]),
                legend=narrow_legend(2),
            ),
            opacity=highlighted,
            tooltip=[
                alt.Tooltip("edition:N", title="Edition"),
                alt.Tooltip("series:N", title="Systems"),
                alt.Tooltip("share:Q", title="Share of total Rmax", format=".1%"),
                alt.Tooltip("total_pflops:Q", title="Whole list, total Rmax (PFlop/s)", format=",.1f"),
            ],
        )
        .add_params(highlight)
        .properties(width="container", height=300)
    )


def concentration_at(concentration_table: pd.DataFrame, edition: str) -> pd.Series:
    row = concentration_table.loc[concentration_table["edition"] == edition]
    if row.empty:
        raise DataError(f"top500_concentration has no row for {edition}")
    return row.iloc[0]


def concentration_description(concentration_table: pd.DataFrame) -> str:
    first, last = concentration_table.iloc[0], concentration_table.iloc[-1]
    now = concentration_at(concentration_table, CLAIM_NOW)
    return (
        "Line chart of the share of the TOP500's total performance (Rmax) held by the fastest system, "
        f"the ten fastest and the hundred fastest, {first['edition']} to {last['edition']}. The top 10 "
        f"held {first['share_rmax_top10']:.0%} in {first['edition']}, {now['share_rmax_top10']:.0%} in "
        f"{CLAIM_NOW} and {last['share_rmax_top10']:.0%} in {last['edition']}; the top 100 held "
        f"{now['share_rmax_top100']:.0%} in {CLAIM_NOW}."
    )


SEGMENT_ORDER = ("Research", "Academic", "Government", "Classified", "Industry", "Vendor", "Others")
SEGMENT_COLOURS = ("#0072B2", "#56B4E9", "#009E73", "#000000", "#E69F00", "#CC79A7", "#999999")
INDUSTRY = "Industry"


def segments_frame(segments: pd.DataFrame) -> pd.DataFrame:
    unknown = sorted(set(segments["segment"]) - set(SEGMENT_ORDER))
    if unknown:
        raise DataError(f"top500_segments: segment(s) {unknown} have no place in top500.SEGMENT_ORDER")
    return pd.DataFrame(
        {
            "edition": segments["edition"].astype(str),
            "segment": segments["segment"].astype(str),
            "order": segments["segment"].map({s: i for i, s in enumerate(SEGMENT_ORDER)}),
            "share": segments["share_rmax"].astype(float),
            "systems": segments["n_systems"].astype(int),
        }
    )


def segments_chart(segments: pd.DataFrame):
    """Stacked bars: each edition's total Rmax split by the segment of the system's site."""
    import altair as alt

    from ..charts import legend_highlight

    highlight, highlighted = legend_highlight("segment", dimmed=0.25)
    return (
        alt.Chart(segments_frame(segments))
        .mark_bar()
        .encode(
            x=alt.X("edition:O", axis=_edition_axis("TOP500 edition (list)")),
            y=alt.Y("share:Q", title="Share of the list's total Rmax (%)", axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1]), stack="zero"),
            color=alt.Color(
                "segment:N",
                title=None,
                scale=alt.Scale(domain=list(SEGMENT_ORDER), range=list(SEGMENT_COLOURS)),
                legend=narrow_legend(2),
            ),
            order=alt.Order("order:Q"),
            opacity=highlighted,
            tooltip=[
                alt.Tooltip("edition:N", title="Edition"),
                alt.Tooltip("segment:N", title="Segment"),
                alt.Tooltip("systems:Q", title="Systems"),
                alt.Tooltip("share:Q", title="Share of total Rmax", format=".1%"),
            ],
        )
        .add_params(highlight)
        .properties(width="container", height=300)
    )


def segment_at(segments: pd.DataFrame, edition: str, segment: str = INDUSTRY) -> pd.Series:
    row = segments.loc[(segments["edition"] == edition) & (segments["segment"] == segment)]
    if row.empty:
        raise DataError(f"top500_segments has no {segment} row for {edition}")
    return row.iloc[0]


def segments_description(segments: pd.DataFrame) -> str:
    editions = sorted(segments["edition"].unique())
    first, now, last = segment_at(segments, editions[0]), segment_at(segments, CLAIM_NOW), segment_at(segments, editions[-1])
    research_now = segment_at(segments, CLAIM_NOW, "Research")
    return (
        "Stacked bar chart of each TOP500 list's total performance (Rmax) split by the segment of the "
        f"system's owner. Industry held {first['share_rmax']:.0%} with {int(first['n_systems'])} systems in "
        f"{editions[0]}, {now['share_rmax']:.0%} with {int(now['n_systems'])} systems in {CLAIM_NOW} and "
        f"{last['share_rmax']:.0%} in {editions[-1]}; research centres held {research_now['share_rmax']:.0%} "
        f"in {CLAIM_NOW}."
    )


def companies_at(companies: pd.DataFrame, edition: str) -> pd.DataFrame:
    part = companies.loc[companies["edition"] == edition]
    if part.empty:
        raise DataError(f"top500_companies has no rows for {edition}")
    return part


def c09_figures(concentration_table: pd.DataFrame, segments: pd.DataFrame, companies: pd.DataFrame) -> dict:
    first_edition = concentration_table["edition"].iloc[0]
    now = concentration_at(concentration_table, CLAIM_NOW)
    industry_now, industry_first = segment_at(segments, CLAIM_NOW), segment_at(segments, first_edition)
    present = companies_at(companies, CLAIM_NOW)
    listed = present.loc[present["n_systems"] > 0].sort_values("rmax_tflops", ascending=False)
    absent = present.loc[present["n_systems"] == 0, "company"].to_list()
    return {
        "first_edition": first_edition,
        "top10_first": float(concentration_at(concentration_table, first_edition)["share_rmax_top10"]),
        "top10_now": float(now["share_rmax_top10"]),
        "top10_then": float(concentration_at(concentration_table, CLAIM_THEN)["share_rmax_top10"]),
        "top100_now": float(now["share_rmax_top100"]),
        "top10_growth": float(now["share_rmax_top10"] / concentration_at(concentration_table, first_edition)["share_rmax_top10"]),
        "total_growth": float(now["rmax_total_tflops"] / concentration_at(concentration_table, CLAIM_THEN)["rmax_total_tflops"]),
        "industry_share_now": float(industry_now["share_rmax"]),
        "industry_systems_now": int(industry_now["n_systems"]),
        "industry_share_first": float(industry_first["share_rmax"]),
        "companies_listed": listed["company"].to_list(),
        "companies_listed_share": float(listed["share_rmax"].sum()),
        "companies_listed_systems": int(listed["n_systems"].sum()),
        "companies_absent": absent,
        "companies_looked_for": len(present),
    }


def join_names(items: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'; 'none' for an empty list."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1] if items else "none"


# "Concentrated" and "held mostly by": more than half of the list's total Rmax.
MAJORITY = 0.5


def c09_verdict(figures: dict) -> str:
    """Performance concentrated (top 10 over half) and held mostly by industry: the list bears the
    claim out in FLOP/s, not in dollars. Concentrated but held mostly by public centres: the list
    is not a census of company-owned computing and cannot test the claim. Not concentrated: the
    list gives no support to it."""
    concentrated = figures["top10_now"] > MAJORITY
    companies_hold_most = figures["industry_share_now"] > MAJORITY
    if concentrated and companies_hold_most:
        return "accurate but misleading"
    if concentrated:
        return "not checkable"
    return "not supported by the data"


def _load_c09() -> dict:
    from ..datapackage import load

    return c09_figures(load(CONCENTRATION_TABLE.name), load(SEGMENTS_TABLE.name), load(COMPANIES_TABLE.name))


@assesses("C09", chapter="chapters/top500", section="top500-concentration")
def assess_c09() -> tuple[str, str, str]:
    f = _load_c09()
    evidence = (
        f"In {CLAIM_NOW} the ten fastest systems held {f['top10_now']:.1%} of the TOP500's total "
        f"performance ({f['top10_first']:.1%} in {f['first_edition']}), so computing power "
        f"{'is' if f['top10_now'] > MAJORITY else 'is not'} concentrated in a few machines; but industry owned {f['industry_systems_now']} systems with "
        f"{f['industry_share_now']:.1%} of the total ({f['industry_share_first']:.1%} in "
        f"{f['first_edition']}), and of the {f['companies_looked_for']} companies looked for only "
        f"{join_names(f['companies_listed'])} have systems under their own name "
        f"({f['companies_listed_share']:.1%} of the total). The lists carry no prices, and "
        f"{join_names(f['companies_absent'])} appear under no site name of that list, so it cannot measure who owns "
        "how many dollars of AI computing."
    )
    return c09_verdict(f), evidence, "TOP500 list exports, June 2010 to November 2025"


# --- Exercises -------------------------------------------------------------------------------


@expects(
    "top500-majority-rmax",
    level="introductory",
    hint="Filter top500_accelerators to share_accelerated_rmax > 0.5 and take the first edition.",
)
def first_majority_rmax_edition() -> str:
    from ..datapackage import load

    table = load(ACCELERATORS.name)
    majority = table.loc[table["share_accelerated_rmax"] > 0.5, "edition"]
    return str(majority.iloc[0])


@expects(
    "top500-top100-majority",
    level="introductory",
    hint="Keep the rows of top500_tiers with top_n == 100 and n_accelerated > 50; take the first edition.",
)
def first_top100_majority_edition() -> str:
    from ..datapackage import load

    tiers = load(TIERS_TABLE.name)
    majority = tiers.loc[(tiers["top_n"] == 100) & (tiers["n_accelerated"] > 50), "edition"]
    if majority.empty:
        raise DataError("top500_tiers: no edition where most of the top 100 are accelerated")
    return str(majority.iloc[0])


@expects(
    "top500-nvidia-top100",
    level="intermediate",
    hint=(
        "In top500_families keep edition 2025-11 and top_n 100; divide the NVIDIA row's n_systems by "
        "the sum of n_systems over every family except 'No accelerator named'."
    ),
)
def nvidia_share_top100_now() -> float:
    from ..datapackage import load

    return nvidia_share_of_accelerated(load(FAMILIES_TABLE.name), CLAIM_NOW, CLAIM_TIER)
