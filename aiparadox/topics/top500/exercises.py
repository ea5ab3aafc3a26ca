"""TOP500: the chapter's exercises, each answer beside the wrong answers the teacher's guide anticipates.

Each ``@expects`` function computes an exercise's answer from the tables it is given; the
``@anticipates`` function under it computes, from the same tables, what each common mistake
gives and the feedback the check then gives (the guide quotes them, and a test checks that the
check rejects every one with that feedback). ``@written`` declares the chapter's written question
and computes the figures its model answer in the guide quotes.

Hints are translated when the module is imported, in the kernel's language (the edition's): book.hints
glues them as they are given here. Feedback is translated when the mistakes are computed.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ...datapackage import DataError
from ...exercises import Mistake, anticipates, expects, written
from ...i18n import gettext
from .article import CLAIM_NOW, CLAIMED_SHARE_NOW, CLAIMED_SHARE_THEN
from .facts import CLAIM_TIER, nvidia_share_of_accelerated, top_hundred, whole_list
from .tables import FAMILY_NONE


@expects(
    "top500-majority-rmax",
    level="introductory",
    hint=gettext("Filter top500_accelerators to share_accelerated_rmax > 0.5 and take the first edition."),
    tables=("top500_accelerators",),
)
def first_majority_rmax_edition(shares: pd.DataFrame) -> str:
    majority = shares.loc[shares["share_accelerated_rmax"] > 0.5, "edition"]
    return str(majority.iloc[0])


@anticipates("top500-majority-rmax")
def first_majority_rmax_mistakes(shares: pd.DataFrame) -> dict[str, Mistake]:
    return {
        # Share of systems instead of share of performance.
        "count": Mistake(
            str(shares.loc[shares["share_accelerated_count"] > 0.5, "edition"].iloc[0]),
            gettext(
                "That is the edition in which accelerated systems became a majority by number. The question asks "
                "about the list's total performance: which column counts a large machine for more than a small one?"
            ),
        ),
    }


@expects(
    "top500-top100-majority",
    level="introductory",
    hint=gettext("Keep the rows of top500_tiers with top_n == 100 and n_accelerated > 50; take the first edition."),
    tables=("top500_tiers",),
)
def first_top100_majority_edition(tiers: pd.DataFrame) -> str:
    majority = tiers.loc[(tiers["top_n"] == 100) & (tiers["n_accelerated"] > 50), "edition"]
    if majority.empty:
        raise DataError("top500_tiers: no edition where most of the top 100 are accelerated")
    return str(majority.iloc[0])


@anticipates("top500-top100-majority")
def first_top100_majority_mistakes(tiers: pd.DataFrame) -> dict[str, Mistake]:
    top100 = tiers.loc[tiers["top_n"] == 100]
    return {
        # No filter on top_n: the whole list's rows count too.
        "any-tier": Mistake(
            str(tiers.loc[tiers["n_accelerated"] > 50, "edition"].iloc[0]),
            gettext(
                "The table holds several cuts of the list, and this edition comes from one of the others. More than "
                "fifty systems is a majority only of the top hundred: keep the rows with top_n == 100 first."
            ),
        ),
        # Majority of performance instead of systems.
        "rmax": Mistake(
            str(top100.loc[top100["share_accelerated_rmax"] > 0.5, "edition"].iloc[0]),
            gettext(
                "That is when accelerated systems held most of the top hundred's performance. The question counts "
                "systems: compare n_accelerated with half of the hundred."
            ),
        ),
    }


@expects(
    "top500-nvidia-top100",
    level="intermediate",
    hint=gettext(
        "In top500_families keep edition 2025-11 and top_n 100; divide the NVIDIA row's n_systems by "
        "the sum of n_systems over every family except 'No accelerator named'."
    ),
    tables=("top500_families",),
)
def nvidia_share_top100_now(families: pd.DataFrame) -> float:
    return nvidia_share_of_accelerated(families, CLAIM_NOW, CLAIM_TIER)


@anticipates("top500-nvidia-top100")
def nvidia_share_top100_mistakes(families: pd.DataFrame) -> dict[str, Mistake]:
    def nvidia(top_n: int, of_all: bool) -> float:
        cut = families.loc[(families["edition"] == CLAIM_NOW) & (families["top_n"] == top_n)]
        denominator = cut if of_all else cut.loc[cut["family"] != FAMILY_NONE]
        return float(cut.loc[cut["family"] == "NVIDIA", "n_systems"].sum() / denominator["n_systems"].sum())

    return {
        # Divided by the hundred, accelerated or not.
        "of-all-systems": Mistake(
            nvidia(100, of_all=True),
            gettext(
                "That is NVIDIA's share of all hundred systems. NVIDIA's sentence is about the accelerated ones: "
                "a fraction of what? Leave the family 'No accelerator named' out of the denominator."
            ),
        ),
        # top_n == 500 instead of 100.
        "whole-list": Mistake(
            nvidia(500, of_all=False),
            gettext(
                "That is the share in the whole list. The question, like NVIDIA's sentence, is about the top hundred."
            ),
        ),
    }


@written("top500-count-or-performance", points=3, tables=("top500_accelerators", "top500_tiers"))
def count_or_performance_figures(shares: pd.DataFrame, tiers: pd.DataFrame) -> dict[str, Any]:
    """The figures of the model answer: the whole list by count and by performance in the claim's two
    editions, the top hundred now, and the article's shares."""
    whole, hundred = whole_list(shares, tiers), top_hundred(tiers)
    return {
        "claimed-then": CLAIMED_SHARE_THEN,
        "claimed-now": CLAIMED_SHARE_NOW,
        "count-then": whole["share_count_then"],
        "count-now": whole["share_count_now"],
        "rmax-then": whole["share_rmax_then"],
        "rmax-now": whole["share_rmax_now"],
        "top100-now": hundred["top100_accelerated_now"],
        "top100-then": hundred["top100_accelerated_then"],
    }
