"""C02, radiologists did not lose their jobs to AI and demand for them rose (Jensen Huang).

Huang's claim has no figure of its own. It is tested on the radiologist series of the BLS OEWS,
first year to last (2021-2025), by a rule fixed before the data and stated in the chapter's
section radiology-claim: the benchmark is the sampling error at the tables' CONFIDENCE, and the
pay comparison is physicians', with all occupations' as a floor.
"""

from __future__ import annotations

import pandas as pd

from ...ledger import assesses
from .tables import (
    ALL_OCCUPATIONS,
    CONFIDENCE,
    PHYSICIANS,
    Change,
    employment_change,
    index_gap,
    radiologist_years,
    wage_change,
)


def c02_figures(oews: pd.DataFrame) -> dict[str, object]:
    """The changes the verdict rests on, from the first to the last May of the radiologist series."""
    first, last = radiologist_years(oews)
    return {
        "first": first,
        "last": last,
        "jobs": employment_change(oews, first, last),
        "pay": wage_change(oews, first, last),
        "pay_all": wage_change(oews, first, last, ALL_OCCUPATIONS),
        "pay_physicians": wage_change(oews, first, last, PHYSICIANS),
        "gap_all": index_gap(oews, first, last, ALL_OCCUPATIONS),
        "gap_physicians": index_gap(oews, first, last, PHYSICIANS),
    }


def c02_verdict(jobs: Change, gap_all: Change, gap_physicians: Change) -> str:
    """The rule, in order: a fall in jobs beyond the sampling error contradicts the claim; a rise in
    jobs beyond it, or pay rising faster than other physicians' beyond it (and not behind the average
    worker's), is the sign of demand the claim asserts; anything else leaves the claim unsupported."""
    if jobs.beyond_error and jobs.change < 0:
        return "wrong"
    headcount_up = jobs.beyond_error and jobs.change > 0
    relative_pay_up = gap_physicians.beyond_error and gap_physicians.change > 0 and gap_all.change > 0
    return "accurate" if headcount_up or relative_pay_up else "not supported by the data"


def _within(change: Change) -> str:
    return "larger than" if change.beyond_error else "within"


@assesses("C02", chapter="chapters/radiology", section="radiology-claim", tables=("radiology_oews",))
def c02(oews: pd.DataFrame) -> tuple[str, str, str]:
    f = c02_figures(oews)
    jobs, pay, gap_all, gap_phys = f["jobs"], f["pay"], f["gap_all"], f["gap_physicians"]
    verdict = c02_verdict(jobs, gap_all, gap_phys)
    reading = {
        "accurate": "pay outrunning other doctors' while headcount holds is what rising demand looks like, not replacement",
        "wrong": "fewer radiologists are employed, by more than the survey's error",
        "not supported by the data": "the survey shows neither a rise in headcount nor pay clearly outrunning comparable pay",
    }[verdict]
    evidence = (
        f"BLS OEWS counts {jobs.start:,.0f} employed radiologists in May {f['first']} and {jobs.end:,.0f} in May "
        f"{f['last']} ({jobs.relative:+.1%}), a change {_within(jobs)} its {CONFIDENCE:.0%} sampling margin of "
        f"±{jobs.margin:,.0f}. Their mean wage rose {pay.relative:.1%}: {100 * gap_phys.change:.1f} index points more "
        f"than physicians' ({_within(gap_phys)} the ±{100 * gap_phys.margin:.1f} margin) and {100 * gap_all.change:.1f} "
        f"more than all occupations' ({_within(gap_all)} the ±{100 * gap_all.margin:.1f} margin). So {reading}. "
        "No series here can show that AI caused any of it, and OEWS leaves out self-employed radiologists."
    )
    return verdict, evidence, f"BLS OEWS national estimates, May {f['first']} and May {f['last']}"
