"""Tables -> the named numbers the chapter's prose glues, one function per section.

Each function returns a dict whose keys are the glue keys, spelled out where they are made.
"""

from __future__ import annotations

import math
from statistics import NormalDist

import pandas as pd

from ...datapackage import DataError
from ...i18n import N_, gettext
from . import article, claims
from .quarterly_series import (
    HOURLY_PAY_ID,
    LABOUR_SHARE_ID,
    NFC_PROFITS_ID,
    OUTPUT_DEFLATOR_ID,
    PRODUCTIVITY_ID,
    REAL_PAY_ID,
)
from .tables import ALL_OCCUPATIONS, ANECDOTE_OCCUPATIONS, GRAPHIC_DESIGNERS, LAWYERS, SOFTWARE_DEVELOPERS

# Where the productivity-pay comparison starts: the last quarter of 1979, the usual reference of the
# productivity-pay debate, and the last quarter before the pandemic.
GAP_FROM, RECENT_FROM = "1979Q4", "2019Q4"
# 90% intervals, as the radiology chapter: a change inside the margin is one the survey cannot see.
CONFIDENCE = 0.90
Z90 = NormalDist().inv_cdf(0.5 + CONFIDENCE / 2)


def series(productivity: pd.DataFrame, series_id: str) -> pd.Series:
    values = productivity.loc[productivity["series_id"] == series_id].set_index("period")["index_2017"]
    if values.empty:
        raise DataError(f"gains_bls_productivity has no rows for {series_id}")
    return values


def reported(figures: pd.DataFrame, figure_id: str) -> float:
    row = figures.loc[figures["figure_id"] == figure_id, "value"]
    if row.empty:
        raise DataError(f"gains_reported_figures has no figure {figure_id}")
    return float(row.iloc[0])


def rules() -> dict:
    return {
        "rule_ai_from": str(claims.AI_FROM),
        "rule_bench_first": str(claims.BENCHMARK_YEARS[0]),
        "rule_bench_last": str(claims.BENCHMARK_YEARS[1]),
        "rule_pandemic_first": str(claims.PANDEMIC_YEARS[0]),
        "rule_pandemic_last": str(claims.PANDEMIC_YEARS[1]),
        "rule_far_faster": claims.FAR_FASTER,
        "rule_owners_base": str(claims.OWNERS_BASE_YEAR),
        "rule_occupations_from": str(claims.OCCUPATIONS_FROM),
        "article_caseload_factor": article.LAWYERS_CASELOAD_FACTOR,
        "article_versions_per_week": article.DESIGNER_VERSIONS_PER_WEEK,
        "index_base": 100,
    }


def labour_share(productivity: pd.DataFrame, figures: pd.DataFrame) -> dict:
    share = series(productivity, LABOUR_SHARE_ID)
    test = claims.labour_share_test(productivity)
    level_now = reported(figures, "labour_share_level_2026q1")
    level_period = figures.loc[figures["figure_id"] == "labour_share_level_2026q1", "period"].iloc[0]
    return {
        "ls_first_period": share.index[0],
        "ls_last_period": share.index[-1],
        "ls_quarters": len(share),
        "ls_first": float(share.iloc[0]),
        "ls_last": float(share.iloc[-1]),
        "ls_lowest_period": str(share.idxmin()),
        "ls_after_mean": test.measured,
        "ls_bench_low": test.low,
        "ls_bench_high": test.high,
        "ls_release_level": level_now / 100,
        "ls_release_period": level_period,
        # The book's own conversion, not a BLS series: the release's percent over the index of that quarter.
        "ls_2017_level": level_now / float(share[level_period]),
        "ls_first_level": level_now * float(share.iloc[0]) / float(share[level_period]) / 100,
        "ls_secondary_q2": reported(figures, "labour_share_2026q2"),
        "ls_secondary_period": str(figures.loc[figures["figure_id"] == "labour_share_2026q2", "period"].iloc[0]),
        "ls_fall_predates": gettext(
            N_("already lower") if claims.labour_share_fall_predates(productivity) else N_("not lower")
        ),
    }


def productivity_pay(productivity: pd.DataFrame) -> dict:
    output, real, hourly, deflator = (
        series(productivity, s) for s in (PRODUCTIVITY_ID, REAL_PAY_ID, HOURLY_PAY_ID, OUTPUT_DEFLATOR_ID)
    )
    share = series(productivity, LABOUR_SHARE_ID)
    last = output.index[-1]

    def split(start: str) -> tuple[float, float, float]:
        ratio = (output[last] / real[last]) / (output[start] / real[start])
        # Consumer prices implied by the two pay series (hourly pay / real hourly pay), against output prices.
        wedge = (hourly[last] / real[last] / deflator[last]) / (hourly[start] / real[start] / deflator[start])
        return float(ratio), float(wedge), float(share[last] / share[start])

    ratio, wedge, share_factor = split(GAP_FROM)
    recent_ratio, recent_wedge, recent_share = split(RECENT_FROM)
    return {
        "gap_from": GAP_FROM,
        "gap_recent_from": RECENT_FROM,
        "gap_last": last,
        "output_growth": float(output[last] / output[GAP_FROM]),
        "real_pay_growth": float(real[last] / real[GAP_FROM]),
        "gap_ratio": ratio,
        "gap_wedge": wedge,
        "gap_share_factor": share_factor,
        "gap_wedge_part": math.log(wedge) / math.log(ratio),
        "gap_recent_ratio": recent_ratio,
        "gap_recent_wedge": recent_wedge,
        "gap_recent_share_factor": recent_share,
        "gap_recent_share_part": -math.log(recent_share) / math.log(recent_ratio),
    }


def profits(accounts: pd.DataFrame, productivity: pd.DataFrame) -> dict:
    test = claims.profit_share_test(accounts)
    last = accounts.iloc[-1]
    nfc = series(productivity, NFC_PROFITS_ID)
    return {
        "profits_last_period": str(last["period"]),
        "profits_last_share": float(last["profits_share_of_gdp"]),
        "profits_last_busd": float(last["profits_busd"]),
        "compensation_last_share": float(last["compensation_share_of_gdp"]),
        "compensation_first_share": float(accounts["compensation_share_of_gdp"].iloc[0]),
        "accounts_first_period": str(accounts["period"].iloc[0]),
        "profits_after_mean": test.measured,
        "profits_bench_low": test.low,
        "profits_bench_high": test.high,
        "nfc_profits_last_period": str(nfc.index[-1]),
        "nfc_profits_growth_recent": float(nfc.iloc[-1] / nfc[RECENT_FROM]),
    }


def owners(financials: pd.DataFrame, figures: pd.DataFrame, accounts: pd.DataFrame) -> dict:
    nvidia = financials.loc[financials["company"] == "NVIDIA"].set_index("fiscal_year")
    alphabet = financials.loc[financials["company"] == "Alphabet"].set_index("fiscal_year")
    last = int(nvidia.index.max())
    primary_heads = figures.loc[
        (figures["subject"] == "NVIDIA")
        & figures["figure_id"].str.contains("employees")
        & (figures["status"] == "primary")
    ]
    head_year = int(primary_heads["period"].str[2:].astype(int).max())
    heads = reported(figures, f"nvidia_employees_fy{head_year}")
    test = claims.owners_test(financials, accounts)
    start, end = claims.owners_window(financials, accounts)
    alphabet_heads = reported(figures, "alphabet_employees_fy2024")
    return {
        "nvidia_first_fy": str(int(nvidia.index.min())),
        "nvidia_last_fy": str(last),
        "nvidia_revenue_fy2023": float(nvidia.loc[2023, "revenue_musd"]) / 1000,
        "nvidia_revenue_last": float(nvidia.loc[last, "revenue_musd"]) / 1000,
        "nvidia_income_fy2023": float(nvidia.loc[2023, "net_income_musd"]) / 1000,
        "nvidia_income_last": float(nvidia.loc[last, "net_income_musd"]) / 1000,
        "nvidia_margin_last": float(nvidia.loc[last, "net_income_musd"] / nvidia.loc[last, "revenue_musd"]),
        "nvidia_dc_share_fy2025": reported(figures, "nvidia_data_centre_fy2025")
        / float(nvidia.loc[2025, "revenue_musd"]),
        "nvidia_dc_share_fy2021": reported(figures, "nvidia_data_centre_fy2021")
        / float(nvidia.loc[2021, "revenue_musd"]),
        "nvidia_dc_share_last_secondary": reported(figures, f"nvidia_data_centre_fy{last}")
        / float(nvidia.loc[last, "revenue_musd"]),
        "nvidia_heads_fy": str(head_year),
        "nvidia_heads": heads,
        "nvidia_income_per_head": float(nvidia.loc[head_year, "net_income_musd"]) * 1e6 / heads,
        "nvidia_revenue_per_head": float(nvidia.loc[head_year, "revenue_musd"]) * 1e6 / heads,
        "alphabet_income_2024": float(alphabet.loc[2024, "net_income_musd"]) / 1000,
        "alphabet_income_per_head_2024": float(alphabet.loc[2024, "net_income_musd"]) * 1e6 / alphabet_heads,
        "alphabet_heads_2024": alphabet_heads,
        "owners_start": str(start),
        "owners_end": str(end),
        "owners_growth": test.measured,
        "pay_growth": test.low,
        "owners_threshold": test.high,
    }


def occupations(oews: pd.DataFrame) -> dict:
    start, end = claims.occupations_window(oews)
    out = {"oews_start": str(start), "oews_end": str(end)}
    names = {
        LAWYERS: "lawyers",
        SOFTWARE_DEVELOPERS: "developers",
        GRAPHIC_DESIGNERS: "designers",
        ALL_OCCUPATIONS: "all",
    }
    for code in (*ANECDOTE_OCCUPATIONS, ALL_OCCUPATIONS):
        rows = oews.loc[oews["occ_code"] == code].set_index("year")
        out[f"oews_{names[code]}_wage_growth"] = claims.wage_growth(oews, code, start, end) - 1
        out[f"oews_{names[code]}_jobs_growth"] = float(rows.loc[end, "employment"] / rows.loc[start, "employment"] - 1)
        out[f"oews_{names[code]}_wage_end"] = float(rows.loc[end, "mean_annual_wage"])
    designers = oews.loc[oews["occ_code"] == GRAPHIC_DESIGNERS].set_index("year")
    a, b = designers.loc[end - 1], designers.loc[end]
    margin = Z90 * math.hypot(
        a["employment"] * a["employment_rse_pct"] / 100, b["employment"] * b["employment_rse_pct"] / 100
    )
    out |= {
        "oews_designers_last_change": float(b["employment"] / a["employment"] - 1),
        "oews_designers_last_margin": float(margin / a["employment"]),
        "oews_previous": str(end - 1),
        "oews_confidence": CONFIDENCE,
    }
    return out


def verdict(productivity, accounts, financials, oews) -> dict:
    said = {outcome: gettext(words) for outcome, words in claims.OUTCOME_WORDS.items()}
    tested = claims.predictions(productivity, accounts, financials, oews)
    labour, profits, owners, occupations = tested  # in the order the chapter states the rules
    return {
        "outcome_labour": said[labour.outcome],
        "outcome_profits": said[profits.outcome],
        "outcome_owners": said[owners.outcome],
        "outcome_occupations": said[occupations.outcome],
        "outcomes_for": sum(p.outcome == claims.FOR for p in tested),
        "outcomes_against": sum(p.outcome == claims.AGAINST for p in tested),
        "outcomes_total": len(tested),
    }
