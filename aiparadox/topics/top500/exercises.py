"""TOP500: the chapter's exercises, each answer beside the wrong answers the teacher's guide anticipates.

Each ``@expects`` function computes an exercise's answer from the tables it is given; the
``@anticipates`` function under it computes, from the same tables, what each common mistake
gives (the guide quotes them, and a test checks that the answer check rejects every one).
"""

from __future__ import annotations

import pandas as pd

from ...datapackage import DataError
from ...exercises import anticipates, expects
from .article import CLAIM_NOW
from .facts import CLAIM_TIER, nvidia_share_of_accelerated
from .tables import FAMILY_NONE


@expects(
    "top500-majority-rmax",
    level="introductory",
    hint="Filter top500_accelerators to share_accelerated_rmax > 0.5 and take the first edition.",
    tables=("top500_accelerators",),
)
def first_majority_rmax_edition(shares: pd.DataFrame) -> str:
    majority = shares.loc[shares["share_accelerated_rmax"] > 0.5, "edition"]
    return str(majority.iloc[0])


@anticipates("top500-majority-rmax")
def first_majority_rmax_mistakes(shares: pd.DataFrame) -> dict[str, str]:
    return {
        # Share of systems instead of share of performance.
        "count": str(shares.loc[shares["share_accelerated_count"] > 0.5, "edition"].iloc[0]),
    }


@expects(
    "top500-top100-majority",
    level="introductory",
    hint="Keep the rows of top500_tiers with top_n == 100 and n_accelerated > 50; take the first edition.",
    tables=("top500_tiers",),
)
def first_top100_majority_edition(tiers: pd.DataFrame) -> str:
    majority = tiers.loc[(tiers["top_n"] == 100) & (tiers["n_accelerated"] > 50), "edition"]
    if majority.empty:
        raise DataError("top500_tiers: no edition where most of the top 100 are accelerated")
    return str(majority.iloc[0])


@anticipates("top500-top100-majority")
def first_top100_majority_mistakes(tiers: pd.DataFrame) -> dict[str, str]:
    top100 = tiers.loc[tiers["top_n"] == 100]
    return {
        # No filter on top_n: the whole list's rows count too.
        "any-tier": str(tiers.loc[tiers["n_accelerated"] > 50, "edition"].iloc[0]),
        # Majority of performance instead of systems.
        "rmax": str(top100.loc[top100["share_accelerated_rmax"] > 0.5, "edition"].iloc[0]),
    }


@expects(
    "top500-nvidia-top100",
    level="intermediate",
    hint=(
        "In top500_families keep edition 2025-11 and top_n 100; divide the NVIDIA row's n_systems by "
        "the sum of n_systems over every family except 'No accelerator named'."
    ),
    tables=("top500_families",),
)
def nvidia_share_top100_now(families: pd.DataFrame) -> float:
    return nvidia_share_of_accelerated(families, CLAIM_NOW, CLAIM_TIER)


@anticipates("top500-nvidia-top100")
def nvidia_share_top100_mistakes(families: pd.DataFrame) -> dict[str, float]:
    def nvidia(top_n: int, of_all: bool) -> float:
        cut = families.loc[(families["edition"] == CLAIM_NOW) & (families["top_n"] == top_n)]
        denominator = cut if of_all else cut.loc[cut["family"] != FAMILY_NONE]
        return float(cut.loc[cut["family"] == "NVIDIA", "n_systems"].sum() / denominator["n_systems"].sum())

    return {
        "of-all-systems": nvidia(100, of_all=True),  # divided by the hundred, accelerated or not
        "whole-list": nvidia(500, of_all=False),  # top_n == 500 instead of 100
    }
