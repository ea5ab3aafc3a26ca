"""IMF: the tables turned into the named numbers and phrases that ``chapters/imf.md`` glues.

One function per section of the chapter, each returning its glue keys spelled out, so that
``grep exp_advanced_high_of_exposed aiparadox`` finds where a number of the prose is made:

* :func:`introduction`: the chapter's opening, the article's three percentages;
* :func:`exposure_shares`: section ``imf-exposure``, the IMF's exposure shares;
* :func:`preparedness`: section ``imf-preparedness``, the AI Preparedness Index;
* :func:`skills_figure`: section ``imf-skills``, where the "70% of skills" comes from;
* :func:`conclusion`: the two exposure figures the conclusion (``chapters/conclusion.md``) quotes.

The helpers above them (the note's figures, the pillar gaps, the matching rule) are shared with
the claims, the charts and the exercises.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ...datapackage import DataError
from ...i18n import SOURCE_LANGUAGE, gettext, language
from .article import CLAIMED_ADVANCED_PCT, CLAIMED_SKILLS_PCT, CLAIMED_WORLD_PCT
from .tables import (
    ADVANCED,
    BLOG_JANUARY,
    BLOG_JUNE,
    BRAZIL,
    COMPONENTS,
    DATAMAPPER_GROUP,
    EMERGING,
    EXPOSED,
    EXPOSURE,
    HIGH_COMPLEMENTARITY,
    INDIA,
    INDICATOR_LABELS,
    LOW_COMPLEMENTARITY,
    LOW_INCOME,
    SDN_SUMMARY,
    SDN_VIA_AETHER,
    UK,
    US,
    WORLD,
)

# The IMF rounds to whole percents and says "almost" and "about": within this many points a
# quoted figure is the same number as the article's. The verdicts on C15 and C16 apply this rule,
# and the skills section uses it to find which LinkedIn figure is the article's.
CLAIM_TOLERANCE_PCT = 2


def matches_claim(share_pct: Any, claimed: float) -> Any:
    """Is a quoted share (a number, or a column of them) the article's figure, within the tolerance?"""
    return abs(share_pct - claimed) <= CLAIM_TOLERANCE_PCT


# --- The exposure shares ----------------------------------------------------------------------
def quoted(table: pd.DataFrame, economy: str, category: str, document: str) -> float:
    is_row = (table["economy"] == economy) & (table["category"] == category) & (table["document"] == document)
    row = table.loc[is_row, "share_pct"]
    if row.empty:
        raise DataError(f"{EXPOSURE.name} has no {category} share for {economy} in {document}")
    return float(row.iloc[0])


def high_of_exposed(high: float, low: float) -> float:
    """The high-complementarity part of a group's exposed employment, as a fraction of it."""
    return high / (high + low)


def exposure_figures(table: pd.DataFrame) -> dict[str, float]:
    """The figures the chapter discusses: the note's totals (primary) and its split (secondary)."""
    figures = {
        "world": quoted(table, WORLD, EXPOSED, SDN_SUMMARY),
        "advanced": quoted(table, ADVANCED, EXPOSED, SDN_SUMMARY),
        "emerging": quoted(table, EMERGING, EXPOSED, SDN_SUMMARY),
        "low_income": quoted(table, LOW_INCOME, EXPOSED, SDN_SUMMARY),
        "uk": quoted(table, UK, EXPOSED, SDN_VIA_AETHER),
        "us": quoted(table, US, EXPOSED, SDN_VIA_AETHER),
        "brazil": quoted(table, BRAZIL, EXPOSED, SDN_VIA_AETHER),
        "india": quoted(table, INDIA, EXPOSED, SDN_VIA_AETHER),
        "advanced_high": quoted(table, ADVANCED, HIGH_COMPLEMENTARITY, SDN_VIA_AETHER),
        "advanced_low": quoted(table, ADVANCED, LOW_COMPLEMENTARITY, SDN_VIA_AETHER),
        "emerging_high": quoted(table, EMERGING, HIGH_COMPLEMENTARITY, SDN_VIA_AETHER),
        "emerging_low": quoted(table, EMERGING, LOW_COMPLEMENTARITY, SDN_VIA_AETHER),
        "low_income_high": quoted(table, LOW_INCOME, HIGH_COMPLEMENTARITY, SDN_VIA_AETHER),
        "low_income_low": quoted(table, LOW_INCOME, LOW_COMPLEMENTARITY, SDN_VIA_AETHER),
    }
    figures["advanced_high_of_exposed"] = high_of_exposed(figures["advanced_high"], figures["advanced_low"])
    figures["advanced_low_of_exposed"] = 1 - figures["advanced_high_of_exposed"]
    figures["emerging_high_of_exposed"] = high_of_exposed(figures["emerging_high"], figures["emerging_low"])
    figures["emerging_low_of_exposed"] = 1 - figures["emerging_high_of_exposed"]
    figures["low_income_high_of_exposed"] = high_of_exposed(figures["low_income_high"], figures["low_income_low"])
    figures["low_income_low_of_exposed"] = 1 - figures["low_income_high_of_exposed"]
    return figures


def split_adds_up(table: pd.DataFrame) -> bool:
    """Do the secondary high + low complementarity shares add up to the primary exposed share?"""
    f = exposure_figures(table)
    return all(abs(f[f"{k}_high"] + f[f"{k}_low"] - f[k]) < 1e-9 for k in ("advanced", "emerging", "low_income"))


def mirrors_agree(table: pd.DataFrame) -> bool:
    """Do the blog mirrors give the same numbers as the note for every figure they share with it?"""
    note = table.loc[table["document"].isin([SDN_SUMMARY, SDN_VIA_AETHER])]
    blogs = table.loc[table["document"].isin([BLOG_JANUARY, BLOG_JUNE])]
    paired = blogs.merge(note, on=["economy", "category"], suffixes=("_blog", "_note"))
    return len(paired) == len(blogs) and bool((paired["share_pct_blog"] == paired["share_pct_note"]).all())


def introduction() -> dict[str, Any]:
    """The chapter's opening: the article's three percentages, as it quotes them."""
    return {
        "claimed_world": CLAIMED_WORLD_PCT,
        "claimed_advanced": CLAIMED_ADVANCED_PCT,
        "claimed_skills": CLAIMED_SKILLS_PCT,
    }


def exposure_shares(exposure: pd.DataFrame) -> dict[str, Any]:
    """Section ``imf-exposure``: the note's exposure shares, their split, and how the copies agree."""
    f = exposure_figures(exposure)
    return {
        "exp_world": f["world"],
        "exp_advanced": f["advanced"],
        "exp_emerging": f["emerging"],
        "exp_low_income": f["low_income"],
        "exp_uk": f["uk"],
        "exp_us": f["us"],
        "exp_brazil": f["brazil"],
        "exp_india": f["india"],
        "exp_advanced_high": f["advanced_high"],
        "exp_advanced_low": f["advanced_low"],
        "exp_advanced_high_of_exposed": f["advanced_high_of_exposed"],
        "exp_advanced_low_of_exposed": f["advanced_low_of_exposed"],
        "exp_emerging_high": f["emerging_high"],
        "exp_emerging_low": f["emerging_low"],
        "exp_emerging_high_of_exposed": f["emerging_high_of_exposed"],
        "exp_emerging_low_of_exposed": f["emerging_low_of_exposed"],
        "exp_low_income_high": f["low_income_high"],
        "exp_low_income_low": f["low_income_low"],
        "exp_low_income_high_of_exposed": f["low_income_high_of_exposed"],
        "exp_low_income_low_of_exposed": f["low_income_low_of_exposed"],
        "split_adds_up": gettext("add up exactly to") if split_adds_up(exposure) else gettext("do not add up to"),
        "mirrors_agree": gettext("give the same figures")
        if mirrors_agree(exposure)
        else gettext("differ from the note"),
    }


def conclusion(exposure: pd.DataFrame) -> dict[str, float]:
    """The conclusion's two exposure figures: advanced economies' exposed share, and its complementary part."""
    f = exposure_figures(exposure)
    return {
        "exposed_advanced": f["advanced"] / 100,
        "exposed_advanced_high": f["advanced_high_of_exposed"],
    }


# --- The AI Preparedness Index ------------------------------------------------------------------
# The countries the chapter labels (the selection: the article's France and the large
# economies a reader would look for in each group).
SELECTED = ("FRA", "USA", "GBR", "DEU", "CHN", "IND", "BRA", "NGA", "SAU")


def group_labels(aggregates: pd.DataFrame) -> dict[str, str]:
    """Workbook group code -> the DataMapper's own label for the same group."""
    by_code = aggregates.set_index("code")
    return {group: str(by_code.loc[code, "label"]) for group, code in DATAMAPPER_GROUP.items()}


def country_name(iso3: str, imf_name: str) -> str:
    """A country as the page names it: the IMF's own name in English, CLDR's in another language
    (Babel's territory names, through CLDR's three-letter aliases); the IMF's when CLDR has none."""
    if language() == SOURCE_LANGUAGE:
        return imf_name
    from babel.core import Locale, get_global

    alias = get_global("territory_aliases").get(iso3, [None])[0]
    return Locale.parse(language()).territories.get(alias, imf_name)


def pillar_name(code: str) -> str:
    """A pillar's name inside a sentence ("regulation and ethics"), in the edition's language."""
    return gettext(INDICATOR_LABELS[code]).lower()


def pillar_gaps(table: pd.DataFrame, high: str = "AE", low: str = "EM") -> pd.Series:
    """Mean pillar contribution of one group minus another's, missing values left out, largest first."""
    means = table.groupby("group")[list(COMPONENTS)].mean()
    return (means.loc[high] - means.loc[low]).sort_values(ascending=False)


def emerging_above_weakest_advanced(table: pd.DataFrame) -> int:
    weakest = table.loc[table["group"] == "AE", "AI_PI"].min()
    return int((table.loc[table["group"] == "EM", "AI_PI"] > weakest).sum())


def group_score_and_mean(aipi: pd.DataFrame, aggregates: pd.DataFrame, group: str) -> tuple[float, float]:
    """The DataMapper's published score for a group, and the plain mean of its members' composites:
    they differ, and the material read does not say how the IMF aggregates."""
    by_code = aggregates.set_index("code")
    published = float(by_code.loc[DATAMAPPER_GROUP[group], "AI_PI"])
    return published, float(aipi.loc[aipi["group"] == group, "AI_PI"].mean())


def selected_by_composite(table: pd.DataFrame) -> pd.DataFrame:
    """The selected countries, by iso3, highest composite first."""
    chosen = table.loc[table["iso3"].isin(SELECTED)].set_index("iso3")
    return chosen.sort_values("AI_PI", ascending=False)


def first_last_pillar_gaps(table: pd.DataFrame) -> pd.Series:
    """Each pillar's contribution in the best-prepared selected country minus that in the least prepared."""
    ordered = selected_by_composite(table)
    return (ordered.iloc[0][list(COMPONENTS)] - ordered.iloc[-1][list(COMPONENTS)]).astype(float)


def preparedness(aipi: pd.DataFrame, aggregates: pd.DataFrame) -> dict[str, Any]:
    """Section ``imf-preparedness``: the index's coverage, the groups, France, the pillars."""
    scored = aipi.dropna(subset=["AI_PI"])
    medians = scored.groupby("group")["AI_PI"].median()
    labels = group_labels(aggregates)
    france = aipi.set_index("iso3").loc["FRA"]
    gaps = pillar_gaps(aipi)
    chosen = selected_by_composite(aipi)
    return {
        "aipi_year": aipi["year"].iloc[0],
        "aipi_economies": len(aipi),
        "aipi_scored": len(scored),
        "aipi_unscored": len(aipi) - len(scored),
        "aipi_n_AE": (aipi["group"] == "AE").sum(),
        "aipi_n_EM": (aipi["group"] == "EM").sum(),
        "aipi_n_LIC": (aipi["group"] == "LIC").sum(),
        "aipi_median_AE": medians["AE"],
        "aipi_median_EM": medians["EM"],
        "aipi_median_LIC": medians["LIC"],
        # The DataMapper's labels are the tables' economy names, which the catalogue translates.
        "aipi_label_AE": gettext(labels["AE"]),
        "aipi_label_EM": gettext(labels["EM"]),
        "aipi_label_LIC": gettext(labels["LIC"]),
        "aipi_france": france["AI_PI"],
        "aipi_france_rank": int((scored["AI_PI"] > france["AI_PI"]).sum()) + 1,
        "aipi_em_overlap": emerging_above_weakest_advanced(aipi),
        "aipi_widest_gap": pillar_name(gaps.index[0]),
        "aipi_narrowest_gap": pillar_name(gaps.index[-1]),
        "components_widest": pillar_name(first_last_pillar_gaps(aipi).idxmax()),
        "components_top_di": country_name(chosen["DI"].idxmax(), chosen.loc[chosen["DI"].idxmax(), "country"]),
        "aipi_published_AE": group_score_and_mean(aipi, aggregates, "AE")[0],
        "aipi_mean_AE": group_score_and_mean(aipi, aggregates, "AE")[1],
    }


# --- The "70% of skills" ------------------------------------------------------------------------
def linkedin_matching_the_claim(skills: pd.DataFrame) -> pd.DataFrame:
    """The quotations of LinkedIn's figure that are the article's 70%."""
    return skills.loc[matches_claim(skills["share_pct"], CLAIMED_SKILLS_PCT)]


def earlier_linkedin_editions(skills: pd.DataFrame) -> pd.DataFrame:
    """The quotations of LinkedIn reports other than the one that gives the article's figure."""
    return skills.loc[~skills["report"].isin(linkedin_matching_the_claim(skills)["report"])]


def skills_figure(skills: pd.DataFrame) -> dict[str, Any]:
    """Section ``imf-skills``: LinkedIn's projection, its horizon, and how many pages quote it."""
    latest = linkedin_matching_the_claim(skills)
    return {
        "skills_share": latest["share_pct"].iloc[0],
        "skills_horizon": latest["horizon_year"].iloc[0],
        "skills_pages": len(latest),
        "skills_earlier_share": earlier_linkedin_editions(skills)["share_pct"].iloc[0],
    }
