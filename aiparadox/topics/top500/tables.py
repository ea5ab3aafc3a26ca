"""TOP500: the tables, from the systems of every list to who holds the list's performance.

The rules below follow ``../shared/sources/top500/SOURCE.md`` (how the files are read is in
:mod:`.raw`):

* the accelerator *name* decides whether a system is accelerated (the accelerator-cores column
  disagrees with it for a few systems); lists before June 2011 have no accelerator column, and
  their shares are missing rather than zero;
* accelerator names are free text: :data:`FAMILY_RULES` is the one mapping from a name to a
  vendor family, and a name that no rule covers is an error, not "other".

Every workbook is read once (:func:`all_systems`); all tables are computed from that frame.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ...datapackage import DataError, Field, Source, Table
from ...datasets import Dataset
from ...refresh import Increasing, NoJump, Revised, Within
from . import raw

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
        re.compile(
            r"^(PEZY-SC|MN-Core|Preferred Networks MN-Core|Matrix-2000|IBM PowerXCell|Deep Computing Processor)"
        ),
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


def accelerator_family(name: str | None, where: str = "accelerator name") -> str:
    """The vendor family of a cleaned accelerator name, by the first matching rule of FAMILY_RULES."""
    if name is None or (isinstance(name, float) and pd.isna(name)):
        return FAMILY_NONE
    for family, pattern in FAMILY_RULES:
        if pattern.search(name):
            return family
    raise DataError(f"{where}: accelerator {name!r} matches no rule in top500.FAMILY_RULES; add one")


def with_families(listed: pd.DataFrame, file_name: str) -> pd.DataFrame:
    """One edition's systems (:func:`.raw.systems`) with each accelerator's family (None for a list
    without an accelerator column); a name that no rule covers is an error naming the file."""
    if not listed["has_accelerator_column"].all():
        return listed.assign(family=None)
    return listed.assign(family=listed["accelerator"].map(lambda name: accelerator_family(name, where=file_name)))


def all_systems(folder: Path) -> pd.DataFrame:
    """Every system of every list in ``folder``, with its family: the one frame all tables come from."""
    listed = [(p.name, raw.systems(p)) for p in raw.list_files(folder)]
    raw.check_kept_columns(listed)
    every = [with_families(frame, name) for name, frame in listed]
    for name, frame in listed:
        raw.check_list(name, frame)
    return pd.concat(every, ignore_index=True)


def _share(part: float, whole: float) -> float:
    return round(part / whole, 4)


def top(group: pd.DataFrame, top_n: int) -> pd.DataFrame:
    return group.loc[group["rank"] <= top_n]


EDITION = Field(
    "edition", "yearmonth", "TOP500 edition (list published in June or November)", constraints={"required": True}
)
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
    return Field(
        name,
        "integer",
        description,
        unit="systems",
        constraints={"minimum": 0} | ({"required": True} if required else {}),
    )


ACCELERATORS_TABLE = Table(
    name="top500_accelerators",
    title="TOP500: accelerated systems per edition",
    description=(
        "For each TOP500 edition, the number of listed systems, how many name an accelerator or "
        "co-processor, and the accelerated share by count and by share of the list's total Rmax. "
        "Missing (not zero) for 2010, whose lists have no accelerator column."
    ),
    fields=(
        EDITION,
        Field(
            "n_systems", "integer", "Systems on the list", unit="systems", constraints={"minimum": 1, "required": True}
        ),
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
    # A published list is final: a refresh adds editions and changes no past one; each has 500 systems.
    checks=(
        Within("n_systems", raw.LIST_SIZE, raw.LIST_SIZE),
        Revised(("n_systems", "n_accelerated", "share_accelerated_count", "share_accelerated_rmax")),
    ),
)


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
    return frame.astype(
        {"n_accelerated": "Int64", "share_accelerated_count": "Float64", "share_accelerated_rmax": "Float64"}
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
        Field(
            "n_systems", "integer", "Systems in the cut", unit="systems", constraints={"minimum": 1, "required": True}
        ),
        _count("n_accelerated", "Systems in the cut whose accelerator/co-processor name is not blank", required=False),
        _fraction("share_accelerated_count", "n_accelerated / n_systems"),
        _fraction("share_accelerated_rmax", "Rmax of accelerated systems in the cut / total Rmax of the cut"),
    ),
    primary_key=("edition", "top_n"),
    sources=(TOP500_SOURCE,),
    # The top 10 is inside the top 100, which is inside the list: the counts cannot fall with the cut.
    checks=(Increasing("n_accelerated", along="top_n", within=("edition",)), Revised(("n_systems", "n_accelerated"))),
)


def tier_shares(systems_frame: pd.DataFrame) -> pd.DataFrame:
    """The accelerated shares of :func:`accelerator_shares` for the top 10, top 100 and whole list."""
    frames = []
    for top_n in TIERS:
        parts = [top(group, top_n) for _, group in systems_frame.groupby("edition", sort=True)]
        frames.append(accelerator_shares(pd.concat(parts)).assign(top_n=top_n))
    tiers = pd.concat(frames, ignore_index=True).sort_values(["edition", "top_n"], ignore_index=True)
    return tiers[TIERS_TABLE.columns]


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
        Field(
            "family",
            "string",
            "Accelerator family, or 'No accelerator named'",
            constraints={"required": True, "enum": list(FAMILIES)},
        ),
        _count("n_systems", "Systems of this family in the cut"),
        _fraction("share_count", "n_systems / systems in the cut", required=True),
        _rmax("rmax_tflops", "Sum of Rmax of this family's systems in the cut"),
        _fraction("share_rmax", "rmax_tflops / total Rmax of the cut", required=True),
    ),
    primary_key=("edition", "top_n", "family"),
    sources=(TOP500_SOURCE,),
)


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
                n, rmax = (
                    (by_family.loc[family, "size"], by_family.loc[family, "sum"])
                    if family in by_family.index
                    else (0, 0.0)
                )
                rows.append((edition, top_n, family, int(n), _share(n, len(tier)), round(rmax, 3), _share(rmax, total)))
    return pd.DataFrame(rows, columns=FAMILIES_TABLE.columns)


ACCELERATOR_NAMES_TABLE = Table(
    name="top500_accelerator_names",
    title="TOP500: every accelerator name in the lists and its family",
    description=(
        "Each distinct accelerator/co-processor name found in the 2011-06 to 2026-06 lists, after "
        "removing invisible characters and extra spaces (n_raw_spellings counts the spellings that "
        "collapse to it), with the family it is assigned to and where it occurs."
    ),
    fields=(
        Field(
            "accelerator",
            "string",
            "Accelerator name as written in the list, cleaned of invisible characters",
            constraints={"required": True},
        ),
        Field(
            "family",
            "string",
            "Accelerator family assigned by top500.FAMILY_RULES",
            constraints={"required": True, "enum": [f for f in FAMILIES if f != FAMILY_NONE]},
        ),
        Field(
            "n_raw_spellings",
            "integer",
            "Distinct raw spellings (with invisible characters) of this name",
            unit="spellings",
            constraints={"minimum": 1, "required": True},
        ),
        Field("first_edition", "yearmonth", "First edition naming it", constraints={"required": True}),
        Field("last_edition", "yearmonth", "Last edition naming it", constraints={"required": True}),
        Field(
            "n_entries",
            "integer",
            "List entries naming it, summed over editions",
            unit="system-editions",
            constraints={"minimum": 1, "required": True},
        ),
    ),
    primary_key=("accelerator",),
    sources=(TOP500_SOURCE,),
)


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
    return frame[ACCELERATOR_NAMES_TABLE.columns]


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
    # The list's total grew by 6% to 67% from one edition to the next (2010-2026): a factor of 3
    # is a unit slip (GFlop/s read as TFlop/s), not progress.
    checks=(
        NoJump("rmax_total_tflops", along="edition", factor=3),
        Revised(("rmax_total_tflops", "share_rmax_top1", "share_rmax_top10", "share_rmax_top100")),
    ),
)


def concentration_shares(systems_frame: pd.DataFrame) -> pd.DataFrame:
    """Per edition: total Rmax and the share of it held by the first, the first 10 and the first 100 systems."""
    rows = []
    for edition, group in systems_frame.groupby("edition", sort=True):
        total = group["rmax_tflops"].sum()
        shares = [_share(top(group, n)["rmax_tflops"].sum(), total) for n in (1, 10, 100)]
        rows.append((edition, round(total, 3), *shares))
    return pd.DataFrame(rows, columns=CONCENTRATION_TABLE.columns)


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
        Field(
            "segment",
            "string",
            "TOP500 segment of the system's site, as written in the list",
            constraints={"required": True},
        ),
        _count("n_systems", "Systems in the segment"),
        _rmax("rmax_tflops", "Sum of Rmax of the segment's systems"),
        _fraction("share_rmax", "rmax_tflops / total Rmax of the edition", required=True),
    ),
    primary_key=("edition", "segment"),
    sources=(TOP500_SOURCE,),
    # The lists are final: a past edition's segments keep their systems and Rmax.
    checks=(Revised(("n_systems", "rmax_tflops")),),
)


def segment_shares(systems_frame: pd.DataFrame) -> pd.DataFrame:
    """Per edition and TOP500 segment (industry, research, ...): systems and share of total Rmax."""
    rows = []
    for edition, group in systems_frame.groupby("edition", sort=True):
        total = group["rmax_tflops"].sum()
        for segment, part in group.groupby("segment", sort=True):
            rmax = part["rmax_tflops"].sum()
            rows.append((edition, segment, len(part), round(rmax, 3), _share(rmax, total)))
    return pd.DataFrame(rows, columns=SEGMENTS_TABLE.columns)


COMPANIES_TABLE = Table(
    name="top500_companies",
    title="TOP500: systems at sites, or built by makers, bearing the name of the companies in the AI debate",
    description=(
        "For each edition and each of ten companies (those the article names: NVIDIA, xAI, Tesla, "
        "Humain; and six US cloud or AI-model companies: Microsoft, Google, Amazon, Meta, OpenAI, "
        "Oracle), the systems whose site name contains the company's name as a whole word "
        "(Amazon also as 'AWS', Meta also as 'Facebook'), the site names that matched, and the systems "
        "whose maker (the Manufacturer column) bears the name. Zero means no site, or no maker, bears it."
    ),
    fields=(
        EDITION,
        Field("company", "string", "Company looked for", constraints={"required": True}),
        Field(
            "company_group",
            "string",
            "Why it is looked for",
            constraints={"required": True, "enum": list(COMPANY_GROUPS)},
        ),
        _count("n_systems", "Systems whose site name contains the company's name"),
        _rmax("rmax_tflops", "Sum of Rmax of those systems"),
        _fraction("share_rmax", "rmax_tflops / total Rmax of the edition", required=True),
        Field("site_names", "string", "The site names that matched, as the list writes them, separated by '; '"),
        _count("n_systems_made", "Systems whose maker (Manufacturer) contains the company's name, at any site"),
    ),
    primary_key=("edition", "company"),
    sources=(TOP500_SOURCE,),
)


def company_presence(systems_frame: pd.DataFrame) -> pd.DataFrame:
    """Per edition and company of :data:`COMPANY_GROUPS`: systems whose site bears the company's name,
    those sites' names, and systems whose maker bears it."""
    totals = systems_frame.groupby("edition", sort=True)["rmax_tflops"].sum()
    frames = []
    for label, companies in COMPANY_GROUPS.items():
        for company, pattern in companies.items():
            at_site = systems_frame.loc[systems_frame["site"].str.contains(pattern, regex=True)]
            found = at_site.groupby("edition")["rmax_tflops"].agg(["size", "sum"]).reindex(totals.index, fill_value=0)
            names = at_site.groupby("edition")["site"].agg(lambda sites: "; ".join(sorted(set(sites))))
            made = systems_frame.loc[systems_frame["manufacturer"].str.contains(pattern, regex=True)]
            n_made = made.groupby("edition").size().reindex(totals.index, fill_value=0)
            frames.append(
                pd.DataFrame(
                    {
                        "edition": totals.index,
                        "company": company,
                        "company_group": label,
                        "n_systems": found["size"].astype(int).to_numpy(),
                        "rmax_tflops": found["sum"].astype(float).round(3).to_numpy(),
                        "share_rmax": (found["sum"] / totals).round(4).to_numpy(),
                        "site_names": names.reindex(totals.index).to_numpy(),
                        "n_systems_made": n_made.astype(int).to_numpy(),
                    }
                )
            )
    return pd.concat(frames, ignore_index=True).sort_values(["edition", "company_group", "company"], ignore_index=True)


# The segment TOP500 gives to company-owned sites.
INDUSTRY = "Industry"

INDUSTRY_SITES_TABLE = Table(
    name="top500_industry_sites",
    title="TOP500: the site names of the industry segment",
    description=(
        "For each edition, every site name under which TOP500 lists systems of the Industry segment, "
        "as the list writes it (many are generic, such as 'Software Company'), with its systems and Rmax."
    ),
    fields=(
        EDITION,
        Field("site", "string", "Site name, as written in the list", constraints={"required": True}),
        _count("n_systems", "Industry systems listed under that site name"),
        _rmax("rmax_tflops", "Sum of Rmax of those systems"),
    ),
    primary_key=("edition", "site"),
    sources=(TOP500_SOURCE,),
)


def industry_sites(systems_frame: pd.DataFrame) -> pd.DataFrame:
    """Per edition, the site names of the Industry segment, with their systems and Rmax."""
    industry = systems_frame.loc[systems_frame["segment"] == INDUSTRY]
    sites = industry.groupby(["edition", "site"], sort=True)["rmax_tflops"].agg(["size", "sum"]).reset_index()
    sites.columns = list(INDUSTRY_SITES_TABLE.columns)
    return sites.assign(rmax_tflops=sites["rmax_tflops"].round(3))


TABLES = (
    ACCELERATORS_TABLE,
    TIERS_TABLE,
    FAMILIES_TABLE,
    ACCELERATOR_NAMES_TABLE,
    CONCENTRATION_TABLE,
    SEGMENTS_TABLE,
    COMPANIES_TABLE,
    INDUSTRY_SITES_TABLE,
)


def derive(folder: Path) -> dict[str, pd.DataFrame]:
    every = all_systems(folder)
    return {
        ACCELERATORS_TABLE.name: accelerator_shares(every),
        TIERS_TABLE.name: tier_shares(every),
        FAMILIES_TABLE.name: family_counts(every),
        ACCELERATOR_NAMES_TABLE.name: accelerator_names(every),
        CONCENTRATION_TABLE.name: concentration_shares(every),
        SEGMENTS_TABLE.name: segment_shares(every),
        COMPANIES_TABLE.name: company_presence(every),
        INDUSTRY_SITES_TABLE.name: industry_sites(every),
    }


DATASET = Dataset(name="top500", title="TOP500 supercomputer lists", tables=TABLES, derive=derive, remote=raw.remote)
