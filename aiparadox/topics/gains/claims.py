"""The thesis's predictions, fixed before the data, and the verdict they give (T1).

The article's thesis: the gains of AI go to those who own the computing power, the models and the
platforms, not to the workers who use the tools, whose bargaining power erodes. If it is right,
four series should move one way after generative AI arrived (ChatGPT, 30 November 2022), and
what would count against it is the opposite move. Each rule below compares the years from
:data:`AI_FROM` with a benchmark stated here, before any number was looked at:

1. **Labour's share** (BLS nonfarm business, PRS85006173): its mean since :data:`AI_FROM` is
   *below* the range (lowest to highest quarter) of the preceding decade; *above* it counts against.
2. **Profits' share of GDP** (FRED CPROFIT / GDP): its mean since :data:`AI_FROM` is *above* the
   range of the preceding decade; *below* it counts against.
3. **The compute owners' income** (net income of the companies in the filings table, NVIDIA and
   Alphabet, by the calendar year their fiscal year mostly covers) grows at least
   :data:`FAR_FASTER` times as much as the pay of all employees (FRED COE) from
   :data:`OWNERS_BASE_YEAR` to the last calendar year both cover; growing no more than pay counts
   against.
4. **The workers of the article's anecdotes** (lawyers, software developers, graphic designers,
   OEWS): each one's mean wage grows less than that of all occupations from
   :data:`OCCUPATIONS_FROM` to the latest May; all three growing more counts against.

The pandemic quarters (:data:`PANDEMIC_YEARS`) are left out of the benchmark ranges: the labour
share jumped in 2020 when low-paid jobs vanished, and profits swung with the relief programmes.

The verdict (:func:`t1_verdict`) is a pure function of the four outcomes and of one more test
(:func:`labour_share_fall_predates`): when the predictions are borne out but labour's share was
already falling before the benchmark decade, the numbers are right but they do not show gains
*of AI*, which is the book's "accurate but misleading". None of this can show that AI caused what
the series show: timing is not cause.

C05 (lawyers with doubled caseloads, developers asked for more features, designers delivering
twenty versions a week) stays "not checkable": OEWS counts jobs and pay, not caseloads, features
or versions, so the essay topic's assessment is left as it is (:data:`C05_WHY_NOT_CHECKABLE`).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ...datapackage import DataError
from ...i18n import N_, gettext, number
from ...ledger import assesses
from .quarterly_series import ACCOUNTS, LABOUR_SHARE_ID, PRODUCTIVITY
from .tables import ALL_OCCUPATIONS, ANECDOTE_OCCUPATIONS, FINANCIALS, OEWS

# --- The rules, fixed before the data ------------------------------------------------------------
# The first full year of generative AI in use: ChatGPT was released on 30 November 2022.
AI_FROM = 2023
# The benchmark: the decade before, 2013-2022, without the pandemic years.
BENCHMARK_YEARS = (2013, 2022)
PANDEMIC_YEARS = (2020, 2021)
# "Far faster": the owners' income must grow at least twice as much as pay (growth factors).
FAR_FASTER = 2.0
# The owners' income is compared from the last calendar year before generative AI.
OWNERS_BASE_YEAR = 2022
# Software developers have a code of their own (15-1252) only from May 2021.
OCCUPATIONS_FROM = 2021

FOR, AGAINST, NEITHER = "for", "against", "neither"
OUTCOMES = (FOR, AGAINST, NEITHER)
# What an outcome says, in the evidence and the chapter's sentences.
OUTCOME_WORDS = {FOR: N_("as the thesis predicts"), AGAINST: N_("against the thesis"), NEITHER: N_("neither way")}

C05_WHY_NOT_CHECKABLE = (
    "OEWS counts the jobs and the mean pay of lawyers, software developers and graphic designers, "
    "not caseloads, features asked for or versions delivered; no dataset here measures workload"
)


@dataclass(frozen=True)
class Prediction:
    """One prediction of the thesis, tested: what was measured, against which benchmark, the outcome."""

    name: str
    outcome: str
    measured: float
    low: float
    high: float
    detail: str

    def __post_init__(self) -> None:
        if self.outcome not in OUTCOMES:
            raise ValueError(f"{self.name}: outcome {self.outcome!r} is not one of {OUTCOMES}")


def _benchmark(years: pd.Series) -> pd.Series:
    first, last = BENCHMARK_YEARS
    return years.between(first, last) & ~years.between(*PANDEMIC_YEARS)


def _range_outcome(mean_after: float, low: float, high: float, thesis_says_below: bool) -> str:
    if mean_after < low:
        return FOR if thesis_says_below else AGAINST
    if mean_after > high:
        return AGAINST if thesis_says_below else FOR
    return NEITHER


def labour_share_series(productivity: pd.DataFrame) -> pd.DataFrame:
    series = productivity.loc[productivity["series_id"] == LABOUR_SHARE_ID, ["year", "quarter", "period", "index_2017"]]
    if series.empty:
        raise DataError(f"{PRODUCTIVITY.name}: no rows for the labour share {LABOUR_SHARE_ID}")
    return series.sort_values(["year", "quarter"]).reset_index(drop=True)


def labour_share_test(productivity: pd.DataFrame) -> Prediction:
    share = labour_share_series(productivity)
    bench = share.loc[_benchmark(share["year"]), "index_2017"]
    after = share.loc[share["year"] >= AI_FROM, "index_2017"]
    if bench.empty or after.empty:
        raise DataError(f"{PRODUCTIVITY.name}: the labour share does not cover {BENCHMARK_YEARS} and {AI_FROM} onwards")
    low, high, mean = float(bench.min()), float(bench.max()), float(after.mean())
    return Prediction(
        "labour share",
        _range_outcome(mean, low, high, thesis_says_below=True),
        mean,
        low,
        high,
        gettext("{start} to {end}").format(
            start=share.loc[share["year"] >= AI_FROM, "period"].iloc[0], end=share["period"].iloc[-1]
        ),
    )


def profit_share_test(accounts: pd.DataFrame) -> Prediction:
    years = accounts["year"]
    bench = accounts.loc[_benchmark(years), "profits_share_of_gdp"]
    after = accounts.loc[years >= AI_FROM, "profits_share_of_gdp"]
    if bench.empty or after.empty:
        raise DataError(f"{ACCOUNTS.name}: profits do not cover {BENCHMARK_YEARS} and {AI_FROM} onwards")
    low, high, mean = float(bench.min()), float(bench.max()), float(after.mean())
    return Prediction(
        "profits' share of GDP",
        _range_outcome(mean, low, high, thesis_says_below=False),
        mean,
        low,
        high,
        gettext("{start} to {end}").format(
            start=accounts.loc[years >= AI_FROM, "period"].iloc[0], end=accounts["period"].iloc[-1]
        ),
    )


def complete_calendar_years(accounts: pd.DataFrame) -> pd.Series:
    """Compensation of employees by calendar year, for the years with all four quarters (annual
    rates, so a year's level is the mean of its quarters)."""
    by_year = accounts.groupby("year")["compensation_busd"].agg(["mean", "count"])
    return by_year.loc[by_year["count"] == 4, "mean"]


def owners_income_by_year(financials: pd.DataFrame) -> pd.DataFrame:
    """Net income by calendar year (rows) and company (columns), the fiscal years placed in the
    calendar year they mostly cover (NVIDIA's fiscal 2025 ends in January 2025: calendar 2024)."""
    return financials.pivot_table(index="calendar_year", columns="company", values="net_income_musd", aggfunc="sum")


def owners_window(financials: pd.DataFrame, accounts: pd.DataFrame) -> tuple[int, int]:
    """From :data:`OWNERS_BASE_YEAR` to the last calendar year every company and COE cover."""
    income = owners_income_by_year(financials).dropna()
    pay = complete_calendar_years(accounts)
    common = sorted(set(income.index) & set(pay.index))
    if OWNERS_BASE_YEAR not in common or common[-1] <= OWNERS_BASE_YEAR:
        raise DataError(f"{FINANCIALS.name} and {ACCOUNTS.name} do not both cover {OWNERS_BASE_YEAR} and a later year")
    return OWNERS_BASE_YEAR, int(common[-1])


def owners_test(financials: pd.DataFrame, accounts: pd.DataFrame) -> Prediction:
    start, end = owners_window(financials, accounts)
    income = owners_income_by_year(financials).dropna().sum(axis=1)
    pay = complete_calendar_years(accounts)
    owners_growth = float(income[end] / income[start])
    pay_growth = float(pay[end] / pay[start])
    if owners_growth >= FAR_FASTER * pay_growth:
        outcome = FOR
    elif owners_growth <= pay_growth:
        outcome = AGAINST
    else:
        outcome = NEITHER
    detail = gettext("{start} to {end}").format(start=start, end=end)
    return Prediction(
        "compute owners' income against pay", outcome, owners_growth, pay_growth, FAR_FASTER * pay_growth, detail
    )


def wage_growth(oews: pd.DataFrame, occ_code: str, start: int, end: int) -> float:
    wages = oews.loc[oews["occ_code"] == occ_code].set_index("year")["mean_annual_wage"]
    if start not in wages.index or end not in wages.index:
        raise DataError(f"{OEWS.name}: no mean wage for {occ_code} in May {start} and May {end}")
    return float(wages[end] / wages[start])


def occupations_window(oews: pd.DataFrame) -> tuple[int, int]:
    return OCCUPATIONS_FROM, int(oews["year"].max())


def occupations_test(oews: pd.DataFrame) -> Prediction:
    start, end = occupations_window(oews)
    everyone = wage_growth(oews, ALL_OCCUPATIONS, start, end)
    growths = [wage_growth(oews, code, start, end) for code in ANECDOTE_OCCUPATIONS]
    if all(g < everyone for g in growths):
        outcome = FOR
    elif all(g > everyone for g in growths):
        outcome = AGAINST
    else:
        outcome = NEITHER
    detail = gettext("May {start} to May {end}").format(start=start, end=end)
    return Prediction("the anecdotes' occupations' pay", outcome, everyone, min(growths), max(growths), detail)


def labour_share_fall_predates(productivity: pd.DataFrame) -> bool:
    """True when labour's share was already lower in the benchmark decade than in all the years
    before it (1947 to 2012): the fall the thesis explains began before generative AI."""
    share = labour_share_series(productivity)
    before = share.loc[share["year"] < BENCHMARK_YEARS[0], "index_2017"]
    bench = share.loc[_benchmark(share["year"]), "index_2017"]
    return bool(bench.mean() < before.mean())


def t1_verdict(outcomes: list[str], fall_predates: bool) -> str:
    """Borne out (a strict majority of predictions for, none against): "accurate", or "accurate but
    misleading" when labour's share was falling long before generative AI. More predictions
    against than for: "wrong". Anything else: "not supported by the data"."""
    n_for, n_against = outcomes.count(FOR), outcomes.count(AGAINST)
    if n_against > n_for:
        return "wrong"
    if n_against == 0 and n_for > len(outcomes) / 2:
        return "accurate but misleading" if fall_predates else "accurate"
    return "not supported by the data"


def predictions(productivity, accounts, financials, oews) -> list[Prediction]:
    return [
        labour_share_test(productivity),
        profit_share_test(accounts),
        owners_test(financials, accounts),
        occupations_test(oews),
    ]


@assesses(
    "T1",
    chapter="chapters/gains",
    section="gains-verdict",
    tables=(PRODUCTIVITY.name, ACCOUNTS.name, FINANCIALS.name, OEWS.name),
)
def t1(productivity, accounts, financials, oews) -> tuple[str, str, str]:
    tested = predictions(productivity, accounts, financials, oews)
    predates = labour_share_fall_predates(productivity)
    labour, profits, owners, occupations = tested
    said = {outcome: gettext(words) for outcome, words in OUTCOME_WORDS.items()}
    evidence = gettext(
        "Labour's share (index, 2017 = 100) averaged {labour} from {labour_detail}, against {labour_low} to "
        "{labour_high} in {bench_first}-{bench_last} without {pandemic_first}-{pandemic_last} ({labour_outcome}); "
        "profits took {profits} of GDP, against {profits_low} to {profits_high} ({profits_outcome}); the compute "
        "owners' net income grew {owners}-fold from {owners_detail}, pay {pay}-fold ({owners_outcome}); the "
        "anecdotes' occupations' mean wages grew {wages_low}- to {wages_high}-fold from {occupations_detail}, all "
        "occupations {wages_all}-fold ({occupations_outcome}). "
    ).format(
        labour=number(labour.measured, ".1f"),
        labour_detail=labour.detail,
        labour_low=number(labour.low, ".1f"),
        labour_high=number(labour.high, ".1f"),
        bench_first=BENCHMARK_YEARS[0],
        bench_last=BENCHMARK_YEARS[1],
        pandemic_first=PANDEMIC_YEARS[0],
        pandemic_last=PANDEMIC_YEARS[1],
        labour_outcome=said[labour.outcome],
        profits=number(profits.measured, ".1%"),
        profits_low=number(profits.low, ".1%"),
        profits_high=number(profits.high, ".1%"),
        profits_outcome=said[profits.outcome],
        owners=number(owners.measured, ".1f"),
        owners_detail=owners.detail,
        pay=number(owners.low, ".2f"),
        owners_outcome=said[owners.outcome],
        wages_low=number(occupations.low, ".2f"),
        wages_high=number(occupations.high, ".2f"),
        occupations_detail=occupations.detail,
        wages_all=number(occupations.measured, ".2f"),
        occupations_outcome=said[occupations.outcome],
    ) + (
        gettext(
            "Labour's share was already lower in the decade before generative AI than in the decades before that, so "
            "the series cannot tell gains of AI from an older trend."
        )
        if predates
        else gettext("Labour's share had not been falling before generative AI.")
    )
    source = gettext(
        "BLS Productivity and Costs (June 2026 file); FRED GDP, COE and CPROFIT (January 2026 vintage); "
        "SEC companyfacts (9 July 2026); BLS OEWS May 2021 and May 2025"
    )
    return t1_verdict([p.outcome for p in tested], predates), evidence, source
