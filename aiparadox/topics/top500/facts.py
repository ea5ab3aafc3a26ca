"""TOP500: the tables turned into the named numbers the prose quotes, one function per section.

Each section function returns a dict whose keys are the glue keys of ``chapters/top500.md``
(``book.facts(facts.whole_list(shares, tiers))`` glues them), spelled out here so that ``grep`` finds
where each glued number is made. :func:`ownership_of_computing` is what ``chapters/conclusion.md``
quotes from this chapter. The smaller functions above them pick one row of a table and say which
row is missing when it is.
"""

from __future__ import annotations

import pandas as pd

from ...datapackage import DataError
from ...i18n import N_, SOURCE_LANGUAGE, conjunction, gettext, language, month_year
from .article import CLAIM_NOW, CLAIM_THEN, CLAIMED_CPU_NOW, CLAIMED_CPU_THEN, CLAIMED_SHARE_NOW, CLAIMED_SHARE_THEN
from .tables import FAMILY_NONE, INDUSTRY

# The top-100 cut, where the claim's numbers come from (NVIDIA's SC25 statistic is about it).
CLAIM_TIER = 100


# --- One row of a table ----------------------------------------------------------------------


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


def concentration_at(concentration: pd.DataFrame, edition: str) -> pd.Series:
    row = concentration.loc[concentration["edition"] == edition]
    if row.empty:
        raise DataError(f"top500_concentration has no row for {edition}")
    return row.iloc[0]


def segment_at(segments: pd.DataFrame, edition: str, segment: str = INDUSTRY) -> pd.Series:
    row = segments.loc[(segments["edition"] == edition) & (segments["segment"] == segment)]
    if row.empty:
        raise DataError(f"top500_segments has no {segment} row for {edition}")
    return row.iloc[0]


def segment_share(segments: pd.DataFrame, edition: str, segment: str = INDUSTRY) -> float:
    """A segment's share of the edition's Rmax, from the Rmax sums (the table's share column is
    rounded to four places: a share such as 0.219507 would be rounded twice on its way to a percent)."""
    return float(
        segment_at(segments, edition, segment)["rmax_tflops"]
        / segments.loc[segments["edition"] == edition, "rmax_tflops"].sum()
    )


def companies_at(companies: pd.DataFrame, edition: str) -> pd.DataFrame:
    part = companies.loc[companies["edition"] == edition]
    if part.empty:
        raise DataError(f"top500_companies has no rows for {edition}")
    return part


def company_sites(companies: pd.DataFrame, edition: str) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    """The companies looked for in ``edition``: those with systems at a site bearing their name
    (largest Rmax first), those that appear only as the maker of systems at other sites, and the
    names of those that appear in neither column."""
    present = companies_at(companies, edition)
    listed = present.loc[present["n_systems"] > 0].sort_values("rmax_tflops", ascending=False)
    makers = present.loc[(present["n_systems"] == 0) & (present["n_systems_made"] > 0)]
    absent = present.loc[(present["n_systems"] == 0) & (present["n_systems_made"] == 0), "company"].to_list()
    return listed, makers, absent


def quoted(name: str) -> str:
    """A name as the list writes it, between the edition's quotation marks (“…” in English, « … » in French)."""
    return gettext("“{name}”").format(name=name)


def with_site_names(listed: pd.DataFrame) -> list[str]:
    """'Microsoft (as "Microsoft Azure" and "Microsoft Research")': each company with the site names
    the list gives it, so that a company listed under another name (Meta as Facebook) says so."""
    return [
        gettext("{company} (as {names})").format(
            company=row.company, names=conjunction([quoted(n) for n in row.site_names.split("; ")])
        )
        for row in listed.itertuples()
    ]


def edition_name(edition: str) -> str:
    """An edition as the prose names it: as the lists name it ("2025-11") in English, in words in
    another language ("novembre 2025"), whose prose cannot read the list's form."""
    return edition if language() == SOURCE_LANGUAGE else month_year(edition)


# --- The chapter's sections ------------------------------------------------------------------


def article_figures() -> dict[str, float | str]:
    """The introduction and C08: the article's two editions and the shares it gives for them."""
    return {
        "claim_then": edition_name(CLAIM_THEN),
        "claim_now": edition_name(CLAIM_NOW),
        "claimed_then": CLAIMED_SHARE_THEN,
        "claimed_now": CLAIMED_SHARE_NOW,
        "claimed_cpu_then": CLAIMED_CPU_THEN,
        "claimed_cpu_now": CLAIMED_CPU_NOW,
        # The article's two shares for now, CPU and accelerated, add up to more than the whole list.
        "claimed_now_total": CLAIMED_CPU_NOW + CLAIMED_SHARE_NOW,
    }


def whole_list(shares: pd.DataFrame, tiers: pd.DataFrame) -> dict[str, float | str]:
    """C08, "The whole list, by count and by performance": the editions on file, and the accelerated
    systems and shares of the whole list in the claim's two editions and in the latest one."""
    share_rmax_then = share_at(shares, CLAIM_THEN, "share_accelerated_rmax")
    latest = shares.iloc[-1]
    return {
        "n_editions": len(shares),
        "first_edition": edition_name(str(shares["edition"].iloc[0])),
        "first_accelerator_edition": edition_name(str(shares.dropna(subset=["n_accelerated"])["edition"].iloc[0])),
        "latest_edition": edition_name(str(latest["edition"])),
        "share_count_then": share_at(shares, CLAIM_THEN, "share_accelerated_count"),
        "share_count_now": share_at(shares, CLAIM_NOW, "share_accelerated_count"),
        "share_rmax_then": share_rmax_then,
        "share_rmax_now": share_at(shares, CLAIM_NOW, "share_accelerated_rmax"),
        "rmax_then_over_claim": share_rmax_then / CLAIMED_SHARE_THEN,
        "whole_then": int(tier_row(tiers, CLAIM_THEN, 500)["n_accelerated"]),
        "whole_now": int(tier_row(tiers, CLAIM_NOW, 500)["n_accelerated"]),
        # Quoted in "Whose accelerators", where the latest edition's first system explains it.
        "latest_share_rmax": float(latest["share_accelerated_rmax"]),
        "latest_share_count": float(latest["share_accelerated_count"]),
    }


def top_hundred(tiers: pd.DataFrame) -> dict[str, float]:
    """C08, "The top hundred": accelerated and unaccelerated systems of the top 100, then and now, as
    counts and shares, beside the top 10."""
    then, now = tier_row(tiers, CLAIM_THEN, CLAIM_TIER), tier_row(tiers, CLAIM_NOW, CLAIM_TIER)
    ten_then, ten_now = tier_row(tiers, CLAIM_THEN, 10), tier_row(tiers, CLAIM_NOW, 10)
    top100_share_then = float(then["share_accelerated_count"])
    return {
        "top100_accelerated_then": int(then["n_accelerated"]),
        "top100_accelerated_now": int(now["n_accelerated"]),
        "top100_without_then": int(then["n_systems"] - then["n_accelerated"]),
        "top100_without_now": int(now["n_systems"] - now["n_accelerated"]),
        "top100_share_then": top100_share_then,
        "top100_share_now": float(now["share_accelerated_count"]),
        "top100_rmax_then": float(then["share_accelerated_rmax"]),
        "top100_rmax_now": float(now["share_accelerated_rmax"]),
        "top10_then": int(ten_then["n_accelerated"]),
        "top10_now": int(ten_now["n_accelerated"]),
        "top100_cpu_then_short_of_claim": CLAIMED_CPU_THEN - (1 - top100_share_then),
    }


def whose_accelerators(families: pd.DataFrame) -> dict[str, float]:
    """The section "Whose accelerators": NVIDIA and AMD in the claim's edition and in the latest one."""
    latest = max(families["edition"])
    nvidia_now, amd_now = family_at(families, CLAIM_NOW, "NVIDIA"), family_at(families, CLAIM_NOW, "AMD (incl. ATI)")
    nvidia_latest, amd_latest = family_at(families, latest, "NVIDIA"), family_at(families, latest, "AMD (incl. ATI)")
    return {
        "nvidia_systems_now": int(nvidia_now["n_systems"]),
        "nvidia_share_count_now": float(nvidia_now["share_count"]),
        "nvidia_share_rmax_now": float(nvidia_now["share_rmax"]),
        "amd_systems_now": int(amd_now["n_systems"]),
        "amd_share_rmax_now": float(amd_now["share_rmax"]),
        "nvidia_systems_latest": int(nvidia_latest["n_systems"]),
        "nvidia_share_count_latest": float(nvidia_latest["share_count"]),
        "nvidia_share_rmax_latest": float(nvidia_latest["share_rmax"]),
        "amd_systems_latest": int(amd_latest["n_systems"]),
        "amd_share_rmax_latest": float(amd_latest["share_rmax"]),
        "nvidia_of_accelerated_top100_now": nvidia_share_of_accelerated(families, CLAIM_NOW, CLAIM_TIER),
        "nvidia_top100_now": int(family_at(families, CLAIM_NOW, "NVIDIA", CLAIM_TIER)["n_systems"]),
    }


def concentration_and_ownership(
    concentration: pd.DataFrame, segments: pd.DataFrame, companies: pd.DataFrame
) -> dict[str, float | str]:
    """C09, "computing power in few hands?": how much of the list the fastest systems hold, how much
    industry holds, and which of the companies looked for appear at a site or as a maker of their name."""
    first_edition = str(concentration["edition"].iloc[0])
    first = concentration_at(concentration, first_edition)
    then, now = concentration_at(concentration, CLAIM_THEN), concentration_at(concentration, CLAIM_NOW)
    industry_now = segment_at(segments, CLAIM_NOW)
    listed, makers, absent = company_sites(companies, CLAIM_NOW)
    total_now = segments.loc[segments["edition"] == CLAIM_NOW, "rmax_tflops"].sum()
    return {
        "c09_first_edition": edition_name(first_edition),
        "c09_top10_first": float(first["share_rmax_top10"]),
        "c09_top10_then": float(then["share_rmax_top10"]),
        "c09_top10_now": float(now["share_rmax_top10"]),
        "c09_top10_growth": float(now["share_rmax_top10"] / first["share_rmax_top10"]),
        "c09_top100_now": float(now["share_rmax_top100"]),
        "c09_total_growth": float(now["rmax_total_tflops"] / then["rmax_total_tflops"]),
        "c09_industry_share_now": segment_share(segments, CLAIM_NOW),
        "c09_industry_systems_now": int(industry_now["n_systems"]),
        "c09_industry_share_first": segment_share(segments, first_edition),
        "c09_companies_listed_share": float(listed["rmax_tflops"].sum() / total_now),
        "c09_companies_looked_for": len(companies_at(companies, CLAIM_NOW)),
        "companies_listed": conjunction(with_site_names(listed)),
        "companies_makers_sentence": makers_clause(makers),
        "companies_absent": conjunction(absent),
    }


def makers_clause(makers: pd.DataFrame) -> str:
    """'Amazon appears only as the maker of 1 system, at a site named after another organisation.',
    or a sentence saying that no company does."""
    if makers.empty:
        return gettext("No other company looked for appears as the maker of a listed system.")
    if len(makers) > 1:
        sentence = N_(
            "{companies} appear only as the maker of {counts} systems, at sites named after other organisations."
        )
    elif makers["n_systems_made"].iloc[0] == 1:
        sentence = N_(
            "{companies} appears only as the maker of {counts} system, at a site named after another organisation."
        )
    else:
        sentence = N_(
            "{companies} appears only as the maker of {counts} systems, at sites named after other organisations."
        )
    counts = conjunction([str(n) for n in makers["n_systems_made"]])
    return gettext(sentence).format(companies=conjunction(makers["company"].to_list()), counts=counts)


# How many of the industry segment's commonest site names the chapter quotes.
SITES_QUOTED = 3


def industry_site_names(sites: pd.DataFrame) -> dict[str, float | str]:
    """C09, who the industry systems belong to: the commonest site names of the industry segment in
    the claim's two editions, as the list writes them, and the share of its systems they hold."""

    def commonest(edition: str) -> tuple[str, float]:
        part = sites.loc[sites["edition"] == edition].sort_values(["n_systems", "site"], ascending=[False, True])
        if part.empty:
            raise DataError(f"top500_industry_sites has no rows for {edition}")
        top = part.head(SITES_QUOTED)
        names = conjunction(
            [gettext("{site} ({n} systems)").format(site=quoted(row.site), n=row.n_systems) for row in top.itertuples()]
        )
        return names, float(top["n_systems"].sum() / part["n_systems"].sum())

    names_now, share_now = commonest(CLAIM_NOW)
    names_then, _ = commonest(CLAIM_THEN)
    return {
        "c09_sites_now": names_now,
        "c09_sites_now_share": share_now,
        "c09_sites_then": names_then,
    }


def ownership_of_computing(
    shares: pd.DataFrame, concentration: pd.DataFrame, segments: pd.DataFrame, companies: pd.DataFrame
) -> dict[str, float | str]:
    """What ``chapters/conclusion.md`` quotes from this chapter, under "Ownership of computing"."""
    c09 = concentration_and_ownership(concentration, segments, companies)
    _, _, absent = company_sites(companies, CLAIM_NOW)
    return {
        "c09_top10_now": c09["c09_top10_now"],
        "c09_top10_first": c09["c09_top10_first"],
        "c09_industry_share_now": c09["c09_industry_share_now"],
        "c09_companies_listed_share": c09["c09_companies_listed_share"],
        "c09_first_edition": c09["c09_first_edition"],
        "n_companies_absent": len(absent),
        # The chapter's share_rmax_now, under the conclusion's own name.
        "rmax_now": share_at(shares, CLAIM_NOW, "share_accelerated_rmax"),
    }
