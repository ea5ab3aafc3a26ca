"""IMF tables: the exposure shares quoted from the IMF, LinkedIn's skills figure, and the AI
Preparedness Index by economy and by aggregate; each ``Table`` declared above the function that
derives it, and the ``DATASET``.

Raw inputs and their traps are described in ``../shared/sources/imf/SOURCE.md``. The rules
followed here:

* **Exposure shares** (SDN/2024/001) exist only as sentences. Each figure is read from the
  excerpt file by locating the sentence it stands in: the sentence is declared with its figures
  replaced by named slots, so the number in the table is the one in the file, never one typed
  here. Each row keeps the status SOURCE.md gives it: the note's Executive Summary is
  *primary*; the complementarity split and the per-country shares are *secondary* (a third
  party quoting the middle of the note, which we could not read), as are the blog mirrors.
* **AIPI values** are the IMF DataMapper series AI_PI, DI, HCLMP, IEI and RE. Our copy came
  through a third party's reshaping (FutureGrid), which dropped the year key; the year is taken
  from that file's metadata. :func:`.raw.parse_datamapper_v1` reads the DataMapper's own JSON
  shape, so that a later ``data fetch`` can refresh the table from the API and feed the same code.
* **Groups** (advanced, emerging market, low-income) come from the ``type`` column of the IMF's
  own ``aipidata.xlsx``. The key order of the FutureGrid file is *not* used as a classification.
  Every value is cross-checked against the workbook; a disagreement stops the derivation unless
  it is one of the documented ones in :data:`WORKBOOK_DIFFERENCES`.
* The four sub-indices are contributions that add up to the composite (checked); they are not
  separate 0-1 scores. Economies without a composite stay without one: nothing is imputed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ...datapackage import DataError, Field, Table
from ...datasets import Dataset
from ...i18n import N_
from ...refresh import MinRows, Revised

# The publisher's codes (indicators, pillars, groups) are the tables' columns and vocabularies:
# declared where the raw files are read, and taken from here by the chapter side, which never
# imports the raw part itself.
from .raw import (
    AIPI_INDICATORS,
    BLOG_JANUARY_EXCERPTS,
    BLOG_JUNE_EXCERPTS,
    BLOGS_SOURCE,
    COMPONENTS,
    DATAMAPPER_API,
    DATAMAPPER_SOURCE,
    GROUP_LABELS_SOURCE,
    GROUPS,
    INDICATOR_LABELS,
    LINKEDIN_EXCERPTS,
    LINKEDIN_SOURCE,
    SDN_EXCERPTS,
    SDN_SOURCE,
    WORKBOOK_FILE,
    WORKBOOK_SOURCE,
    aggregate_labels,
    aipi_inputs,
    locate,
    read_text,
    read_workbook,
    remote,
)

STATUSES = ("primary", "secondary", "inferred")

# --- Table 1: exposure shares quoted from the IMF -------------------------------------------
# The economies' names, as the tables hold them (N_: translated where a page shows them; the
# DataMapper's labels of the three groups are the same words).
WORLD, ADVANCED = N_("World"), N_("Advanced economies")
EMERGING, LOW_INCOME = N_("Emerging market economies"), N_("Low-income countries")
UK, US, BRAZIL, INDIA = N_("United Kingdom"), N_("United States"), N_("Brazil"), N_("India")
ECONOMY_KIND = {
    WORLD: "world",
    ADVANCED: "country group",
    EMERGING: "country group",
    LOW_INCOME: "country group",
    UK: "country",
    US: "country",
    BRAZIL: "country",
    INDIA: "country",
}
EXPOSED = "high exposure, total"
HIGH_COMPLEMENTARITY = "high exposure, high complementarity"
LOW_COMPLEMENTARITY = "high exposure, low complementarity"
CATEGORIES = (EXPOSED, HIGH_COMPLEMENTARITY, LOW_COMPLEMENTARITY)

SDN_SUMMARY = "SDN/2024/001, Executive Summary"
SDN_VIA_AETHER = "SDN/2024/001, text on Figures 1-2, as quoted by the AETHER evidence base"
BLOG_JANUARY = "IMF blog, 14 January 2024 (Georgieva), as mirrored"
BLOG_JUNE = "IMF blog, June 2024 (AIPI launch), as mirrored"


@dataclass(frozen=True)
class QuotedExposure:
    """A sentence in an excerpt file, its figures as slots, and what each slot measures."""

    source_file: str
    document: str
    status: str
    template: str
    slots: dict[str, tuple[str, str]]  # slot -> (economy, category)


EXPOSURE_QUOTES = (
    QuotedExposure(
        SDN_EXCERPTS,
        SDN_SUMMARY,
        "primary",
        "Almost {world} percent of global employment is exposed to AI",
        {"world": (WORLD, EXPOSED)},
    ),
    QuotedExposure(
        SDN_EXCERPTS,
        SDN_SUMMARY,
        "primary",
        "In advanced economies, about {ae} percent of jobs are exposed to AI",
        {"ae": (ADVANCED, EXPOSED)},
    ),
    QuotedExposure(
        SDN_EXCERPTS,
        SDN_SUMMARY,
        "primary",
        "Overall exposure is {em} percent in emerging market economies and {lic} percent in low-income countries.",
        {"em": (EMERGING, EXPOSED), "lic": (LOW_INCOME, EXPOSED)},
    ),
    QuotedExposure(
        SDN_EXCERPTS,
        SDN_VIA_AETHER,
        "secondary",
        "In the average advanced economy, {ae_high} percent of employment is in high-exposure, "
        "high-complementarity occupations, {ae_low} percent in high-exposure, low-complementarity jobs.",
        {"ae_high": (ADVANCED, HIGH_COMPLEMENTARITY), "ae_low": (ADVANCED, LOW_COMPLEMENTARITY)},
    ),
    QuotedExposure(
        SDN_EXCERPTS,
        SDN_VIA_AETHER,
        "secondary",
        "In comparison, emerging market economies have corresponding shares of {em_high} and {em_low} percent, "
        "respectively, and low-income countries have shares of {lic_high} and {lic_low} percent, respectively.",
        {
            "em_high": (EMERGING, HIGH_COMPLEMENTARITY),
            "em_low": (EMERGING, LOW_COMPLEMENTARITY),
            "lic_high": (LOW_INCOME, HIGH_COMPLEMENTARITY),
            "lic_low": (LOW_INCOME, LOW_COMPLEMENTARITY),
        },
    ),
    QuotedExposure(
        SDN_EXCERPTS,
        SDN_VIA_AETHER,
        "secondary",
        "Almost {uk} and {us} percent of UK and US employment, respectively, is in high-exposure occupations",
        {"uk": (UK, EXPOSED), "us": (US, EXPOSED)},
    ),
    QuotedExposure(
        SDN_EXCERPTS,
        SDN_VIA_AETHER,
        "secondary",
        "High-exposure employment in emerging market economies ranges from {bra} percent in Brazil "
        "to {ind} percent in India.",
        {"bra": (BRAZIL, EXPOSED), "ind": (INDIA, EXPOSED)},
    ),
    QuotedExposure(
        BLOG_JANUARY_EXCERPTS,
        BLOG_JANUARY,
        "secondary",
        "almost {world}% of global employment is exposed to AI",
        {"world": (WORLD, EXPOSED)},
    ),
    QuotedExposure(
        BLOG_JANUARY_EXCERPTS,
        BLOG_JANUARY,
        "secondary",
        "In advanced economies, about {ae}% of jobs may be impacted by AI.",
        {"ae": (ADVANCED, EXPOSED)},
    ),
    QuotedExposure(
        BLOG_JANUARY_EXCERPTS,
        BLOG_JANUARY,
        "secondary",
        "In emerging markets and low-income countries, by contrast, AI exposure is expected to be {em}% "
        "and {lic}%, respectively.",
        {"em": (EMERGING, EXPOSED), "lic": (LOW_INCOME, EXPOSED)},
    ),
    # The June blog says "impact"; its three figures are the low-complementarity column of the
    # note (SOURCE.md 1b reads them as corroborating it), so they are filed under that category.
    QuotedExposure(
        BLOG_JUNE_EXCERPTS,
        BLOG_JUNE,
        "secondary",
        "AI could impact {ae} percent of jobs in advanced economies, {em} percent in emerging economies, "
        "and {lic} percent in low-income countries.",
        {
            "ae": (ADVANCED, LOW_COMPLEMENTARITY),
            "em": (EMERGING, LOW_COMPLEMENTARITY),
            "lic": (LOW_INCOME, LOW_COMPLEMENTARITY),
        },
    ),
)


EXPOSURE = Table(
    name="imf_ai_exposure",
    title="IMF: share of employment exposed to AI, by country group and for four countries",
    description=(
        "Each figure as stated in a sentence of the IMF's Staff Discussion Note SDN/2024/001 or its blogs, located "
        "in the excerpt file named in source_file. 'Exposure' is the share of employment in occupations with high "
        "AI exposure (AIOE index); the note splits it by complementarity (high: AI more likely to help; low: more "
        "likely to substitute), with median cut-offs. Status: primary for the note's own Executive Summary, "
        "secondary for third-party quotations and mirrors."
    ),
    fields=(
        Field("economy", "string", "World, IMF country group, or country", constraints={"required": True}),
        Field(
            "economy_kind",
            "string",
            "world, country group or country",
            constraints={"required": True, "enum": ["world", "country group", "country"]},
        ),
        Field("category", "string", "Which employment share", constraints={"required": True, "enum": list(CATEGORIES)}),
        Field(
            "share_pct",
            "number",
            "Share of employment, as quoted (rounded by the IMF)",
            unit="percent of employment",
            constraints={"required": True, "minimum": 0, "maximum": 100},
        ),
        Field(
            "status",
            "string",
            "primary: the IMF's own text; secondary: quoted or mirrored by a third party",
            constraints={"required": True, "enum": list(STATUSES)},
        ),
        Field("document", "string", "Which text states the figure", constraints={"required": True}),
        Field(
            "source_file",
            "string",
            "Excerpt file (shared sources, imf/raw) in which the sentence was located",
            constraints={"required": True},
        ),
        Field("quote", "string", "The sentence as located in the file", constraints={"required": True}),
    ),
    primary_key=("economy", "category", "document"),
    sources=(SDN_SOURCE, BLOGS_SOURCE),
)


def exposure_table(folder: Path, quotes: tuple[QuotedExposure, ...] = EXPOSURE_QUOTES) -> pd.DataFrame:
    """One row per figure per document, each read from the sentence that states it."""
    rows = []
    texts: dict[str, str] = {}
    for quote in quotes:
        if quote.status not in STATUSES:
            raise DataError(f"{quote.source_file}: status {quote.status!r} is not one of {STATUSES}")
        if quote.source_file not in texts:
            texts[quote.source_file] = read_text(folder, quote.source_file)
        text = texts[quote.source_file]
        sentence, figures = locate(text, quote.template, quote.source_file)
        for slot, (economy, category) in quote.slots.items():
            rows.append(
                {
                    "economy": economy,
                    "economy_kind": ECONOMY_KIND[economy],
                    "category": category,
                    "share_pct": figures[slot],
                    "status": quote.status,
                    "document": quote.document,
                    "source_file": quote.source_file,
                    "quote": sentence,
                }
            )
    return pd.DataFrame(rows)


# --- Table 2: LinkedIn's "skills will change" figure, for C16 -------------------------------
@dataclass(frozen=True)
class QuotedSkillsChange:
    report: str
    quoted_at: str  # the page address as written in the excerpt file
    template: str  # with slots {share} and {horizon}


LINKEDIN_QUOTES = (
    QuotedSkillsChange(
        "LinkedIn, Work Change Report: AI Is Coming to Work (January 2025)",
        "https://lppkmi.xyz/?url=https%3A%2F%2Fwww.scribd.com%2Fdocument%2F846367365%2FWork-Change-Report",
        "predicting that by {horizon}, {share}% of job skills will evolve",
    ),
    QuotedSkillsChange(
        "LinkedIn, Work Change Report: AI Is Coming to Work (January 2025)",
        "https://edaith.com/blogs/news/the-need-for-adaptive-professionals-2",
        "By {horizon}, {share}% of the skills used in most jobs will change, with AI emerging as a catalyst",
    ),
    QuotedSkillsChange(
        "LinkedIn, Work Change Report: AI Is Coming to Work (January 2025)",
        "https://dailyaiwire.news/article/linkedin-ai-jobs-data-skill-shift",
        "this figure is projected to surge to {share}% by {horizon} due to AI",
    ),
    QuotedSkillsChange(
        "LinkedIn, Future of Work Report: State of AI @ Work (2023)",
        "https://mb.com.ph/2023/8/17/ai-to-trigger-major-job-market-changes-by-2030-study",
        "Professionals can expect their job responsibilities to change by at least {share} percent "
        "by {horizon} due to AI",
    ),
)

SKILLS_CHANGE = Table(
    name="imf_linkedin_skills_change",
    title="LinkedIn: projected change in the skills of a job by 2030 (the source of the '70%')",
    description=(
        "LinkedIn's projection of how much of the skill set of the same job changes, as quoted by summaries and "
        "press (all secondary), each sentence located in the excerpt file. Kept in the IMF chapter because the "
        "article attributes the figure to the IMF."
    ),
    fields=(
        Field("report", "string", "LinkedIn report the figure comes from", constraints={"required": True}),
        Field("quoted_at", "string", "Address of the page quoting it", constraints={"required": True}),
        Field("horizon_year", "year", "Year by which the change is projected", constraints={"required": True}),
        Field(
            "share_pct",
            "number",
            "Projected share of a job's skills that change (the 2023 edition: responsibilities, 'at least')",
            unit="percent of skills",
            constraints={"required": True, "minimum": 0, "maximum": 100},
        ),
        Field(
            "status",
            "string",
            "secondary: quoted by a third party",
            constraints={"required": True, "enum": list(STATUSES)},
        ),
        Field(
            "source_file", "string", "Excerpt file in which the sentence was located", constraints={"required": True}
        ),
        Field("quote", "string", "The sentence as located in the file", constraints={"required": True}),
    ),
    primary_key=("report", "quoted_at"),
    sources=(LINKEDIN_SOURCE,),
)


def skills_change_table(folder: Path, quotes: tuple[QuotedSkillsChange, ...] = LINKEDIN_QUOTES) -> pd.DataFrame:
    text = read_text(folder, LINKEDIN_EXCERPTS)
    rows = []
    for quote in quotes:
        if quote.quoted_at not in text:
            raise DataError(f"{LINKEDIN_EXCERPTS}: the address {quote.quoted_at} is not in the file")
        sentence, figures = locate(text, quote.template, LINKEDIN_EXCERPTS)
        if not figures["horizon"].is_integer():
            raise DataError(f'{LINKEDIN_EXCERPTS}: "{sentence}" does not give a year as its horizon')
        rows.append(
            {
                "report": quote.report,
                "quoted_at": quote.quoted_at,
                "horizon_year": int(figures["horizon"]),
                "share_pct": figures["share"],
                "status": "secondary",
                "source_file": LINKEDIN_EXCERPTS,
                "quote": sentence,
            }
        )
    return pd.DataFrame(rows)


# --- The AI Preparedness Index, by economy and by aggregate ---------------------------------
# The workbook's group codes and the DataMapper's codes for the same groups (the dashboard
# address AI_PI@AIPI/ADVEC/EME/LIC shows the three together).
DATAMAPPER_GROUP = {"AE": "ADVEC", "EM": "EME", "LIC": "LIC"}
# Values where the IMF workbook and the DataMapper differ, documented in SOURCE.md A5.5. The
# table keeps the DataMapper value; any other difference stops the derivation.
WORKBOOK_DIFFERENCES = {("SOM", "IEI"): "workbook and DataMapper disagree (SOURCE.md A5.5); Somalia has no composite"}
VALUE_TOLERANCE = 1e-9
ADDITIVITY_TOLERANCE = 1e-6


def aipi_wide(long: pd.DataFrame, year: int, where: str) -> pd.DataFrame:
    """One row per area with a column per official indicator code, for one year."""
    chosen = long.loc[long["year"] == year]
    if chosen.empty:
        raise DataError(f"{where}: no AIPI values for {year}")
    unknown = sorted(set(chosen["indicator"]) - set(AIPI_INDICATORS))
    if unknown:
        raise DataError(f"{where}: indicators {unknown} are not AIPI indicators {AIPI_INDICATORS}")
    if chosen.duplicated(["indicator", "area"]).any():
        raise DataError(f"{where}: an area has two values for one indicator in {year}")
    wide = chosen.pivot(index="area", columns="indicator", values="value")
    return wide.reindex(columns=list(AIPI_INDICATORS)).rename_axis(index="area", columns=None).reset_index()


def check_against_workbook(
    economies: pd.DataFrame, workbook: pd.DataFrame, where: str, workbook_file: str = WORKBOOK_FILE
) -> None:
    """Every DataMapper value must equal the IMF workbook's, except the documented differences."""
    merged = economies.merge(workbook, on="iso3", suffixes=("", "_workbook"))
    found = set()
    for code in AIPI_INDICATORS:
        ours, theirs = merged[code], merged[f"{code}_workbook"]
        one_missing = ours.isna() != theirs.isna()
        differs = (ours - theirs).abs() > VALUE_TOLERANCE
        for iso3 in merged.loc[one_missing | differs, "iso3"]:
            if (iso3, code) not in WORKBOOK_DIFFERENCES:
                row = merged.loc[merged["iso3"] == iso3].iloc[0]
                raise DataError(
                    f"{where}: {iso3} {code} is {row[code]} in the DataMapper copy but {row[f'{code}_workbook']} "
                    f"in {workbook_file}"
                )
            found.add((iso3, code))
    stale = sorted(set(WORKBOOK_DIFFERENCES) - found)
    if stale:
        raise DataError(f"{where}: documented differences {stale} are no longer there; update WORKBOOK_DIFFERENCES")


def check_additive(frame: pd.DataFrame, where: str) -> None:
    complete = frame.dropna(subset=list(AIPI_INDICATORS))
    gap = (complete[list(COMPONENTS)].sum(axis=1) - complete["AI_PI"]).abs()
    if (gap > ADDITIVITY_TOLERANCE).any():
        worst = complete.loc[gap.idxmax(), frame.columns[0]]
        raise DataError(f"{where}: the four sub-indices do not add up to AI_PI (e.g. {worst}, off by {gap.max():.2g})")


INDEX_UNIT = "index points (contribution to the 0-1 composite)"


def _indicator_fields() -> tuple[Field, ...]:
    composite = Field(
        "AI_PI",
        "number",
        "AI Preparedness Index, composite (DataMapper AIPI/AI_PI); missing where the IMF publishes none",
        unit="index (0-1)",
        constraints={"minimum": 0, "maximum": 1},
    )
    parts = tuple(
        Field(
            code,
            "number",
            f"{INDICATOR_LABELS[code]} (DataMapper AIPI/{code}): the pillar's contribution; the four add up to AI_PI",
            unit=INDEX_UNIT,
            constraints={"minimum": 0, "maximum": 0.25},
        )
        for code in COMPONENTS
    )
    return (composite, *parts)


# The description names the parser by its path before the topic became a package (it is now
# aiparadox.topics.imf.raw.parse_datamapper_v1); it is published in data/datapackage.json, which
# this move leaves byte for byte as it was.
AIPI = Table(
    name="imf_aipi",
    title="IMF AI Preparedness Index (AIPI) by economy, with its IMF group",
    description=(
        "A reshaped copy of the IMF DataMapper output for dataset AIPI, one row per economy, with the "
        "official indicator codes as columns: AI_PI (composite) and its four pillars DI, HCLMP, IEI and RE, "
        f"which add up to AI_PI. Refresh from {DATAMAPPER_API}/AIPI/<code> (parser: "
        "aiparadox.topics.imf.parse_datamapper_v1). The group (AE, EM, LIC) is the IMF's, from the 'type' column "
        "of its aipidata.xlsx workbook, which also matches every value except Somalia's IEI "
        "(see WORKBOOK_DIFFERENCES). Nine economies have no composite; nothing is imputed."
    ),
    fields=(
        Field("iso3", "string", "ISO 3166-1 alpha-3 code of the economy", constraints={"required": True}),
        Field("country", "string", "Name as in the IMF workbook", constraints={"required": True}),
        Field(
            "group",
            "string",
            "IMF group in the AIPI: AE advanced economy, EM emerging market economy, LIC low-income country",
            constraints={"required": True, "enum": list(GROUPS)},
        ),
        Field(
            "year",
            "year",
            "Reference year of the DataMapper series (from the copy's metadata)",
            constraints={"required": True},
        ),
        *_indicator_fields(),
    ),
    primary_key=("iso3",),
    sources=(DATAMAPPER_SOURCE, WORKBOOK_SOURCE),
    # 174 economies in the 2023 index: an answer for a handful is a page of it. A new vintage
    # revises every value, which a refresh must say it means: --accept imf_aipi.
    checks=(MinRows(150), Revised(tuple(AIPI_INDICATORS))),
)

AIPI_AGGREGATES = Table(
    name="imf_aipi_aggregates",
    title="IMF AI Preparedness Index: DataMapper group and regional aggregates",
    description=(
        "The aggregates the DataMapper publishes next to the economies (ADVEC, EME and LIC for the three groups, "
        "and regions), with their labels from the DataMapper /groups and /regions answers. The group values are "
        "not the unweighted means of their members (the method was not read); regional values are given to two "
        "decimals."
    ),
    fields=(
        Field("code", "string", "DataMapper group or region code", constraints={"required": True}),
        Field("label", "string", "DataMapper label of the code", constraints={"required": True}),
        Field("label_endpoint", "string", "DataMapper endpoint that gives the label", constraints={"required": True}),
        Field("year", "year", "Reference year of the DataMapper series", constraints={"required": True}),
        *_indicator_fields(),
    ),
    primary_key=("code",),
    sources=(DATAMAPPER_SOURCE, GROUP_LABELS_SOURCE),
    checks=(Revised(tuple(AIPI_INDICATORS)),),
)


def aipi_tables(folder: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The economies (with their IMF group) and the aggregates, from the DataMapper values."""
    long, year, where, workbook_file = aipi_inputs(folder)
    wide = aipi_wide(long, year, where)
    workbook = read_workbook(Path(folder) / workbook_file)
    labels = aggregate_labels(folder)

    is_economy = wide["area"].isin(workbook["iso3"])
    is_aggregate = wide["area"].isin(labels) & ~is_economy
    unknown = sorted(wide.loc[~is_economy & ~is_aggregate, "area"])
    if unknown:
        raise DataError(f"{where}: areas {unknown} are neither economies of {workbook_file} nor DataMapper aggregates")
    absent = sorted(set(workbook["iso3"]) - set(wide["area"]))
    if absent:
        raise DataError(f"{where}: economies of {workbook_file} missing from the DataMapper copy: {absent}")

    economies = wide.loc[is_economy].rename(columns={"area": "iso3"})
    check_additive(economies, where)
    check_against_workbook(economies, workbook, where, workbook_file)
    economies = workbook[["iso3", "country", "group"]].merge(economies, on="iso3").assign(year=year)
    economies = economies[["iso3", "country", "group", "year", *AIPI_INDICATORS]]

    aggregates = wide.loc[is_aggregate].rename(columns={"area": "code"})
    aggregates = aggregates.assign(
        label=aggregates["code"].map(lambda c: labels[c][0]),
        label_endpoint=aggregates["code"].map(lambda c: labels[c][1]),
        year=year,
    )[["code", "label", "label_endpoint", "year", *AIPI_INDICATORS]]
    return economies.reset_index(drop=True), aggregates.reset_index(drop=True)


def derive(folder: Path) -> dict[str, pd.DataFrame]:
    economies, aggregates = aipi_tables(folder)
    return {
        AIPI.name: economies,
        AIPI_AGGREGATES.name: aggregates,
        EXPOSURE.name: exposure_table(folder),
        SKILLS_CHANGE.name: skills_change_table(folder),
    }


DATASET = Dataset(
    name="imf",
    title="IMF: AI exposure of employment and the AI Preparedness Index",
    tables=(AIPI, AIPI_AGGREGATES, EXPOSURE, SKILLS_CHANGE),
    derive=derive,
    remote=remote,
)
