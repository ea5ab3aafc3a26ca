"""C02, radiologists did not lose their jobs to AI and demand for them rose (Jensen Huang).

Huang's claim has no figure of its own. It is tested on the radiologist series of the BLS OEWS,
first year to last (2021-2025), by a rule stated, with its benchmark, in the chapter's section
radiology-claim before any of its numbers:

* the benchmark, for headcount and pay alike, is all occupations (BENCHMARK): the neutral
  yardstick, not chosen among neighbouring occupations for how they moved, and whatever moves every
  job (the business cycle, general wage growth, the survey's own method) moves it too;
* a change counts only when it is larger than its sampling margin at the tables' CONFIDENCE;
* demand is said to have risen only when radiologists' headcount and their pay both gain on the
  benchmark: a rise in demand moves quantity and price the same way, a fall in supply moves them
  apart (pay up, headcount down), so pay rising alone cannot tell the two apart.

Physicians, and no benchmark at all (nominal levels), are shown as sensitivity (SENSITIVITY): the
same rule against another yardstick, which does not decide the verdict.
"""

from __future__ import annotations

import pandas as pd

from ...i18n import N_, gettext, number
from ...ledger import assesses
from .sampling_error import CONFIDENCE, Change, employment_change, index_gap, radiologist_years, wage_change
from .tables import ALL_OCCUPATIONS, PHYSICIANS

# The yardstick of the verdict, declared with the rule rather than chosen by the result, and the
# ones shown beside it, which do not decide.
BENCHMARK = ALL_OCCUPATIONS
SENSITIVITY = (PHYSICIANS, None)  # None: no benchmark, the nominal levels themselves
BENCHMARK_NAMES = {
    ALL_OCCUPATIONS: N_("all occupations"),
    PHYSICIANS: N_("physicians"),
    None: N_("no benchmark (nominal levels)"),
}


def c02_figures(oews: pd.DataFrame, benchmark: str | None = BENCHMARK) -> dict[str, object]:
    """The changes the verdict rests on, from the first to the last May of the radiologist series,
    against ``benchmark``: the jobs themselves, and headcount and pay indexed against the benchmark's."""
    first, last = radiologist_years(oews)
    return {
        "first": first,
        "last": last,
        "benchmark": benchmark,
        "jobs": employment_change(oews, first, last),
        "pay": wage_change(oews, first, last),
        "headcount_gap": index_gap(oews, first, last, benchmark, measure="employment"),
        "pay_gap": index_gap(oews, first, last, benchmark, measure="wage"),
    }


def _gained(gap: Change) -> bool:
    return gap.beyond_error and gap.change > 0


def _lost(gap: Change) -> bool:
    return gap.beyond_error and gap.change < 0


def c02_verdict(jobs: Change, headcount_gap: Change, pay_gap: Change) -> str:
    """The rule, in order: radiologist jobs falling by more than their sampling margin contradicts
    the claim; headcount and pay both gaining on the benchmark beyond their margins is the rise in
    demand the claim asserts; both falling behind it beyond their margins is a fall in demand, which
    contradicts it; anything else (one moving without the other, or neither) leaves the claim unsupported."""
    if jobs.beyond_error and jobs.change < 0:
        return "wrong"
    if _gained(headcount_gap) and _gained(pay_gap):
        return "accurate"
    if _lost(headcount_gap) and _lost(pay_gap):
        return "wrong"
    return "not supported by the data"


def verdict_against(oews: pd.DataFrame, benchmark: str | None) -> str:
    """What the same rule gives with another yardstick (the chapter's sensitivity)."""
    f = c02_figures(oews, benchmark)
    return c02_verdict(f["jobs"], f["headcount_gap"], f["pay_gap"])


def _within(change: Change) -> str:
    return gettext(N_("larger than") if change.beyond_error else N_("within"))


# A gap in the edition's language, by its direction and whether it clears its margin; one whole
# phrase each, since French does not build them from the same pieces as English.
GAP_PHRASES = {
    (True, True): N_("gained {points} index points, more than its ±{margin}-point margin"),
    (True, False): N_("gained {points} index points, within its ±{margin}-point margin"),
    (False, True): N_("fell behind by {points} index points, more than its ±{margin}-point margin"),
    (False, False): N_("fell behind by {points} index points, within its ±{margin}-point margin"),
}


def gap_phrase(gap: Change) -> str:
    """'fell behind by 19.7 index points, more than its ±17.5-point margin', from the gap itself."""
    phrase = gettext(GAP_PHRASES[(gap.change >= 0, bool(gap.beyond_error))])
    return phrase.format(points=number(100 * abs(gap.change), ".1f"), margin=number(100 * gap.margin, ".1f"))


@assesses("C02", chapter="chapters/radiology", section="radiology-claim", tables=("radiology_oews",))
def c02(oews: pd.DataFrame) -> tuple[str, str, str]:
    f = c02_figures(oews)
    jobs, headcount_gap, pay_gap = f["jobs"], f["headcount_gap"], f["pay_gap"]
    verdict = c02_verdict(jobs, headcount_gap, pay_gap)
    reading = {
        "accurate": N_(
            "more radiologists employed and better paid than the workforce as a whole is what rising demand looks like"
        ),
        "wrong": (
            N_("fewer radiologists are employed, by more than the survey's error")
            if jobs.beyond_error and jobs.change < 0
            else N_(
                "radiologists fell behind the workforce in jobs and pay together, as falling demand would have them"
            )
        ),
        "not supported by the data": N_(
            "the survey shows no rise in demand, which needs headcount and pay both gaining on the workforce"
        ),
    }[verdict]
    reading = gettext(reading)
    if verdict != "accurate" and pay_gap.change > 0 > headcount_gap.change:
        reading += gettext("; pay gaining while headcount lags fits a shrinking supply as well as a rising demand")
    # The separator of a list of clauses: French puts a narrow no-break space before the semicolon.
    others = gettext("; ").join(
        gettext("against {benchmark}, '{verdict}'").format(
            benchmark=gettext(BENCHMARK_NAMES[b]), verdict=gettext(verdict_against(oews, b))
        )
        for b in SENSITIVITY
    )
    evidence = gettext(
        "BLS OEWS counts {start} employed radiologists in May {first} and {end} in May {last} ({relative}), a change "
        "{within} its {confidence} sampling margin of ±{margin}. Against the rule's benchmark, {benchmark}, their "
        "headcount {headcount_gap}, and their mean wage {pay_gap}. So {reading}. The same rule gives: {others}. No "
        "series here measures hiring demand or shows that AI caused any of it, and OEWS leaves out self-employed "
        "radiologists."
    ).format(
        start=number(jobs.start, ",.0f"),
        first=f["first"],
        end=number(jobs.end, ",.0f"),
        last=f["last"],
        relative=number(jobs.relative, "+.1%"),
        within=_within(jobs),
        confidence=number(CONFIDENCE, ".0%"),
        margin=number(jobs.margin, ",.0f"),
        benchmark=gettext(BENCHMARK_NAMES[BENCHMARK]),
        headcount_gap=gap_phrase(headcount_gap),
        pay_gap=gap_phrase(pay_gap),
        reading=reading,
        others=others,
    )
    source = gettext("BLS OEWS national estimates, May {first} and May {last}").format(first=f["first"], last=f["last"])
    return verdict, evidence, source
