"""BLS tables -> the named numbers of ``chapters/bls.md``, and of the conclusion's paragraph on it.

The helpers first (the December-to-January changes, the figures behind C03 and C04, the yearly
means of the employer series), then one function per section of the chapter. Each section
function returns a dict whose keys are the chapter's glue keys, spelled out here, so that
``grep`` finds where each glued value is made; the chapter glues it with ``book.facts(...)``.
"""

from __future__ import annotations

import pandas as pd

from ...datapackage import DataError
from ...i18n import N_, gettext, language, month_year
from ...markup import Markdown, link_or_text
from .article import (
    ARTICLE_DECEMBER,
    ARTICLE_DECEMBER_THOUSANDS,
    ARTICLE_JANUARY,
    ARTICLE_JANUARY_THOUSANDS,
    ARTICLE_LAYOFF_SHARE,
    ARTICLE_REPLACED_SHARE,
    ARTICLE_RESPONDENTS,
)
from .monthly_series import RATE, SHUTDOWN_STATEMENT_DATE, SHUTDOWN_STATEMENT_URL, UNEMPLOYED
from .raw import CSD_EMPLOYMENT_ID, LAYOFFS_ID, LEVEL_ID, OPENINGS_ID, RATE_ID

# The CPS series break at the article's January, as the note under BLS table A-14 (February
# 2025 version, raw/bls_empsit_tableA14_information_excerpts.txt) states it.
SERIES_BREAK_MONTH = "2025-01"
SERIES_BREAK_CLASSIFICATION = N_("2022 Census industry classification")


def month_name(month: str) -> str:
    """A month ("2024-12") in words, in the edition's language: "December 2024", "décembre 2024"."""
    return month_year(month)


def from_to(first: str, last: str) -> str:
    """Two months (or a winter's December and January) as a span: "December 2023 to January 2024"."""
    return gettext("{first} to {last}").format(first=first, last=last)


def day_in_words(day: str) -> str:
    """A date written "19 November 2025", in the edition's language ("19 novembre 2025")."""
    from datetime import datetime

    from babel.dates import format_date

    return format_date(datetime.strptime(day, "%d %B %Y").date(), format="d MMMM y", locale=language())


def value_at(table: pd.DataFrame, column: str, month: str) -> float:
    row = table.loc[table["month"] == month, column]
    if row.empty or pd.isna(row.iloc[0]):
        raise DataError(f"no {column} for {month}")
    return float(row.iloc[0])


# --- C03: the December-to-January jump -----------------------------------------------------------


def winter_changes(table: pd.DataFrame, column: str) -> pd.DataFrame:
    """December-to-January change for every winter whose two months both have a value.

    ``december_year`` names the winter by its December (2024 = December 2024 to January 2025).
    """
    values = table.set_index("month")[column]
    rows = []
    for month, december in values.items():
        if not str(month).endswith("-12") or pd.isna(december):
            continue
        year = int(str(month)[:4])
        january = values.get(f"{year + 1}-01")
        if january is None or pd.isna(january):
            continue
        # The winter's name, as a chart's tooltip and description give it, in the edition's language.
        winter = gettext("Dec {year} to Jan {next_year}").format(year=year, next_year=year + 1)
        rows.append(
            (
                year,
                winter,
                f"{year}-{(year + 1) % 100:02d}",
                float(december),
                float(january),
                float(january) - float(december),
            )
        )
    if not rows:
        raise DataError(f"no winter with both a December and a January value in {column}")
    return pd.DataFrame(rows, columns=["december_year", "winter", "short", "december", "january", "change"])


def c03_figures(unemployed: pd.DataFrame, rate: pd.DataFrame) -> dict[str, float | int | str]:
    level = winter_changes(unemployed, "unemployed_thousands")
    rates = winter_changes(rate, "rate_percent")
    article_year = int(ARTICLE_DECEMBER[:4])
    cited = level.loc[level["december_year"] == article_year]
    if cited.empty:
        raise DataError(f"{UNEMPLOYED.name} has no December {article_year} and January {article_year + 1}")
    cited = cited.iloc[0]
    largest = level.loc[level["change"].idxmax()]
    return {
        "december": cited["december"],
        "january": cited["january"],
        "change": cited["change"],
        "largest_change": largest["change"],
        "largest_year": int(largest["december_year"]),
        "n_winters": len(level),
        "n_rises": int((level["change"] > 0).sum()),
        "rate_n_winters": len(rates),
        "rate_n_rises": int((rates["change"] > 0).sum()),
        "rate_first_year": int(rates["december_year"].min()),
        "rate_last_year": int(rates["december_year"].max()),
        "rate_largest_change": rates["change"].max(),
        "rate_largest_year": int(rates.loc[rates["change"].idxmax(), "december_year"]),
    }


# --- C04: the ResumeBuilder survey ----------------------------------------------------------------


def c04_figures(survey: pd.DataFrame) -> dict[str, float | int | str]:
    s = survey.set_index("answer")
    return {
        "replaced": float(s.loc["replaced_2023", "share"]),
        "replaced_timing": str(s.loc["replaced_2023", "timing"]),
        "layoffs": float(s.loc["layoffs_2024", "share"]),
        "layoffs_timing": str(s.loc["layoffs_2024", "timing"]),
        "definitely": float(s.loc["layoffs_2024_definitely", "share"]),
        "probably": float(s.loc["layoffs_2024_probably", "share"]),
        "respondents": int(s.loc["replaced_2023", "respondents"]),
    }


# --- the long view, and what employers did --------------------------------------------------------

# The long-run chart names three downturns. The windows are the book's choice; the peak inside
# each is found in the data. (N_: the chart shows the names in the edition's language.)
EPISODES = (
    (N_("Dot-com bust"), "2001-01", "2004-12"),
    (N_("Great Recession"), "2008-01", "2011-12"),
    (N_("Pandemic"), "2020-01", "2021-12"),
)


def episode_peaks(rate: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for name, first, last in EPISODES:
        window = rate.loc[(rate["month"] >= first) & (rate["month"] <= last)]
        if window.empty:
            raise DataError(f"{RATE.name} has no months between {first} and {last}")
        peak = window.loc[window["rate_percent"].idxmax()]
        rows.append((name, str(peak["month"]), float(peak["rate_percent"])))
    return pd.DataFrame(rows, columns=["episode", "month", "rate_percent"])


def yearly_means(employers: pd.DataFrame, series_id: str) -> pd.Series:
    """Mean monthly level by calendar year, complete years only (a partial year would mislead)."""
    frame = employers.loc[employers["series_id"] == series_id]
    years = frame["month"].str[:4]
    counts = years.value_counts()
    complete = counts.index[counts == 12]
    return frame.loc[years.isin(complete)].groupby(years)["thousands"].mean().sort_index()


def latest_partial_year(employers: pd.DataFrame, series_id: str) -> dict | None:
    """Mean of the months of the last year on file if that year is not complete, else None."""
    frame = employers.loc[employers["series_id"] == series_id]
    year = frame["month"].max()[:4]
    months = frame.loc[frame["month"].str.startswith(year)]
    if len(months) == 12:
        return None
    return {
        "span": from_to(month_name(months["month"].min()), month_name(months["month"].max())),
        "mean": float(months["thousands"].mean()),
    }


def jolts_figures(employers: pd.DataFrame) -> dict[str, float | str]:
    openings = yearly_means(employers, OPENINGS_ID)
    layoffs = yearly_means(employers, LAYOFFS_ID)
    recent = latest_partial_year(employers, LAYOFFS_ID)
    above = layoffs.loc[layoffs > recent["mean"]] if recent else layoffs.iloc[0:0]
    # The baseline matters: the year before the pandemic, or the two years before the last one.
    two_before = layoffs.iloc[-3:-1] if len(layoffs) >= 3 else layoffs.iloc[0:0]
    return {
        "recent_span": recent["span"] if recent else "",
        "layoffs_recent": recent["mean"] if recent else float("nan"),
        "layoffs_recent_higher_since": above.index[-1] if len(above) else "",
        "first_year": openings.index[0],
        "last_year": openings.index[-1],
        "openings_first": openings.iloc[0],
        "openings_peak_year": openings.idxmax(),
        "openings_peak": openings.max(),
        "openings_last": openings.iloc[-1],
        "layoffs_first": layoffs.iloc[0],
        "layoffs_last": layoffs.iloc[-1],
        "layoffs_peak_year": layoffs.idxmax(),
        "layoffs_peak": layoffs.max(),
        "layoffs_two_before": two_before.mean() if len(two_before) else float("nan"),
        "two_before_first": two_before.index[0] if len(two_before) else "",
        "two_before_last": two_before.index[-1] if len(two_before) else "",
    }


def csd_series(employers: pd.DataFrame) -> pd.DataFrame:
    """The jobs in computer systems design, one row per month, in order."""
    frame = employers.loc[employers["series_id"] == CSD_EMPLOYMENT_ID, ["series_id", "month", "thousands"]]
    return frame.reset_index(drop=True)


def csd_figures(employers: pd.DataFrame) -> dict[str, float | str]:
    frame = csd_series(employers)
    peak = frame.loc[frame["thousands"].idxmax()]
    first, last = frame.iloc[0], frame.iloc[-1]
    return {
        "first_month": month_name(first["month"]),
        "first": first["thousands"],
        "peak_month": month_name(peak["month"]),
        "peak": peak["thousands"],
        "last_month": month_name(last["month"]),
        "last": last["thousands"],
        "last_vs_peak": last["thousands"] / peak["thousands"] - 1,
        "last_vs_first": last["thousands"] / first["thousands"] - 1,
    }


# --- the chapter, section by section -------------------------------------------------------------


def the_article() -> dict[str, int | float | str]:
    """The opening: the article's figures, as it quotes them."""
    return {
        "article_december": ARTICLE_DECEMBER_THOUSANDS * 1000,
        "article_january": ARTICLE_JANUARY_THOUSANDS * 1000,
        "article_respondents": ARTICLE_RESPONDENTS,
        "article_replaced": ARTICLE_REPLACED_SHARE,
        "article_layoffs": ARTICLE_LAYOFF_SHARE,
        "article_december_month": month_name(ARTICLE_DECEMBER),
        "article_january_month": month_name(ARTICLE_JANUARY),
    }


def industry_series(unemployed: pd.DataFrame, rate: pd.DataFrame) -> dict[str, float | str]:
    """Section bls-jump, "The numbers exist, in an industry series": the article's two months in the series."""
    c03 = c03_figures(unemployed, rate)
    gap_months = unemployed.loc[unemployed["unemployed_thousands"].isna(), "month"]
    return {
        "level_id": LEVEL_ID,
        "level_first_month": month_name(unemployed["month"].iloc[0]),
        "level_last_month": month_name(unemployed["month"].iloc[-1]),
        "c03_december": c03["december"],
        "c03_january": c03["january"],
        "gap_month": ", ".join(month_name(m) for m in gap_months),
        "shutdown_date": day_in_words(SHUTDOWN_STATEMENT_DATE),
        # A link the chapter makes itself, so markup: every other string here is glued as text.
        "shutdown_url": Markdown(link_or_text(SHUTDOWN_STATEMENT_URL)),
    }


# The January before the article's, whose count the chapter sets beside the article's January.
JANUARY_BEFORE = f"{int(ARTICLE_JANUARY[:4]) - 1}-01"


def january_rises(unemployed: pd.DataFrame, rate: pd.DataFrame) -> dict[str, float | str]:
    """Section bls-seasonal, "January rises almost every year": the cited rise among all the winters."""
    c03 = c03_figures(unemployed, rate)
    return {
        "c03_change": c03["change"],
        "c03_largest_change": c03["largest_change"],
        "c03_largest_winter": from_to(
            month_name(f"{c03['largest_year']}-12"), month_name(f"{c03['largest_year'] + 1}-01")
        ),
        # Counts and years that the prose reads as words ("in N of the M winters"), glued as text.
        "c03_n_winters": str(c03["n_winters"]),
        "c03_n_rises": str(c03["n_rises"]),
        "c03_rate_n_winters": str(c03["rate_n_winters"]),
        "c03_rate_n_rises": str(c03["rate_n_rises"]),
        "c03_rate_first_year": str(c03["rate_first_year"]),
        "c03_rate_last_year": str(c03["rate_last_year"]),
        "c03_rate_largest_change": c03["rate_largest_change"],
        "c03_rate_largest_winter": from_to(
            month_name(f"{c03['rate_largest_year']}-12"), month_name(f"{c03['rate_largest_year'] + 1}-01")
        ),
        "jan_2024": value_at(unemployed, "unemployed_thousands", JANUARY_BEFORE),
        "jan_2024_month": month_name(JANUARY_BEFORE),
        "jan_2025": value_at(unemployed, "unemployed_thousands", ARTICLE_JANUARY),
        "rate_id": RATE_ID,
        "break_month": month_name(SERIES_BREAK_MONTH),
        "break_classification": gettext(SERIES_BREAK_CLASSIFICATION),
    }


def long_view(rate: pd.DataFrame) -> dict[str, float | str]:
    """Section "The long view": the rate's peaks in three downturns, and its last two years."""
    peaks = episode_peaks(rate).set_index("episode")
    last_year = rate["month"].iloc[-1][:4]
    previous_year = str(int(last_year) - 1)

    def year_mean(year: str) -> float:
        return rate.loc[rate["month"].str.startswith(year), "rate_percent"].mean()

    return {
        "rate_first_month": month_name(rate["month"].iloc[0]),
        "rate_last_month": month_name(rate["month"].iloc[-1]),
        "peak_dotcom": peaks.loc["Dot-com bust", "rate_percent"],
        "peak_dotcom_month": month_name(peaks.loc["Dot-com bust", "month"]),
        "peak_gfc": peaks.loc["Great Recession", "rate_percent"],
        "peak_gfc_month": month_name(peaks.loc["Great Recession", "month"]),
        "peak_covid": peaks.loc["Pandemic", "rate_percent"],
        "peak_covid_month": month_name(peaks.loc["Pandemic", "month"]),
        "rate_last_year": last_year,
        "rate_last_year_mean": year_mean(last_year),
        "rate_previous_year": previous_year,
        "rate_previous_year_mean": year_mean(previous_year),
        "rate_december": value_at(rate, "rate_percent", ARTICLE_DECEMBER),
    }


def what_tech_means(measures: pd.DataFrame) -> dict[str, float | str]:
    """Section "What 'tech' means": the rates by industry, by occupation and for all workers."""

    def rate(measure: str, month: str) -> float:
        return value_at(measures.loc[measures["measure"] == measure], "rate_percent", month)

    # BLS table A-30 is compared between its November 2024 and November 2025 versions (the keys say so).
    occupations = measures.loc[measures["measure"] == "computer_math_occupations"].set_index("month")
    everyone = measures.loc[measures["measure"] == "all_workers"].set_index("month")
    return {
        "info_rate_january_press": rate("information_industry", ARTICLE_JANUARY),
        "comptia_december": rate("comptia_it_occupations", ARTICLE_DECEMBER),
        "comptia_january": rate("comptia_it_occupations", ARTICLE_JANUARY),
        "cm_first_month": month_name("2024-11"),
        "cm_last_month": month_name("2025-11"),
        "cm_nov_2024": occupations.loc["2024-11", "rate_percent"],
        "cm_nov_2025": occupations.loc["2025-11", "rate_percent"],
        "cm_nov_2024_level": occupations.loc["2024-11", "unemployed_thousands"] * 1000,
        "cm_nov_2025_level": occupations.loc["2025-11", "unemployed_thousands"] * 1000,
        "all_nov_2024": everyone.loc["2024-11", "rate_percent"],
        "all_nov_2025": everyone.loc["2025-11", "rate_percent"],
    }


def what_employers_did(employers: pd.DataFrame) -> dict[str, float | str]:
    """Section "What employers did": JOLTS openings and layoffs, and jobs in computer systems design."""
    jolts = jolts_figures(employers)
    csd = csd_figures(employers)
    return {
        "jolts_first_year": jolts["first_year"],
        "jolts_last_year": jolts["last_year"],
        "jolts_openings_first": jolts["openings_first"],
        "jolts_openings_peak_year": jolts["openings_peak_year"],
        "jolts_openings_peak": jolts["openings_peak"],
        "jolts_openings_last": jolts["openings_last"],
        "jolts_layoffs_first": jolts["layoffs_first"],
        "jolts_layoffs_last": jolts["layoffs_last"],
        "jolts_layoffs_peak_year": jolts["layoffs_peak_year"],
        "jolts_layoffs_peak": jolts["layoffs_peak"],
        # The latest, incomplete year; the prose quotes it, so a table without one stops the build
        # (its mean is then NaN, which cannot be glued).
        "jolts_recent_span": jolts["recent_span"],
        "jolts_layoffs_recent": jolts["layoffs_recent"],
        "jolts_layoffs_recent_higher_since": jolts["layoffs_recent_higher_since"],
        "layoffs_ratio": jolts["layoffs_last"] / jolts["layoffs_first"],
        "jolts_two_before_first": jolts["two_before_first"],
        "jolts_two_before_last": jolts["two_before_last"],
        "jolts_layoffs_two_before": jolts["layoffs_two_before"],
        "layoffs_vs_two_before": jolts["layoffs_last"] / jolts["layoffs_two_before"] - 1,
        "csd_first_month": csd["first_month"],
        "csd_first": csd["first"],
        "csd_peak_month": csd["peak_month"],
        "csd_peak": csd["peak"],
        "csd_last_month": csd["last_month"],
        "csd_last": csd["last"],
        "csd_last_vs_peak": csd["last_vs_peak"],
        "csd_last_vs_first": csd["last_vs_first"],
        "csd_drop_from_peak": -csd["last_vs_peak"],
    }


def the_survey(survey: pd.DataFrame) -> dict[str, int | float | str]:
    """Section bls-survey, "The survey: a forecast read as a fact" (its years are quoted in the opening too)."""
    c04 = c04_figures(survey)
    years = survey.set_index("answer")["year"]
    return {
        "c04_respondents": c04["respondents"],
        "c04_replaced": c04["replaced"],
        "c04_layoffs": c04["layoffs"],
        "c04_definitely": c04["definitely"],
        "c04_probably": c04["probably"],
        "c04_replaced_year": str(years["replaced_2023"]),
        "c04_layoffs_year": str(years["layoffs_2024"]),
        # The forecast was made the year before the layoffs it expected.
        "c04_asked_before": str(years["layoffs_2024"] - 1),
    }


def conclusion(employers: pd.DataFrame) -> dict[str, float | str]:
    """chapters/conclusion.md, "What the evidence says about the thesis": what employers in the industry did."""
    jolts = jolts_figures(employers)
    return {
        "openings_peak_year": jolts["openings_peak_year"],
        "jolts_last_year": jolts["last_year"],
        "openings_fall": 1 - jolts["openings_last"] / jolts["openings_peak"],
    }


# The source lines that name the series a figure draws: a message with the series in a placeholder,
# so that the catalogue holds one sentence per figure and the series identifiers stay the tables'.
SERIES_SOURCES = {
    "fig-bls-monthly": N_("BLS, Current Population Survey, series {level} (via FRED); the article"),
    "fig-bls-winters": N_("BLS, Current Population Survey, series {level}; the book's calculation"),
    "fig-bls-long-rate": N_(
        "BLS, Current Population Survey, series {rate} (FRED vintage of 2025-01-20); the book's averages"
    ),
    "fig-bls-jolts": N_("BLS, JOLTS, series {openings} and {layoffs} (BLS API v2)"),
    "fig-bls-csd": N_("BLS, Current Employment Statistics, series {csd} (via FRED)"),
}


def series_source(figure: str) -> str:
    """The source line of a figure of SERIES_SOURCES, in the edition's language, its series filled in."""
    return gettext(SERIES_SOURCES[figure]).format(
        level=LEVEL_ID, rate=RATE_ID, openings=OPENINGS_ID, layoffs=LAYOFFS_ID, csd=CSD_EMPLOYMENT_ID
    )
