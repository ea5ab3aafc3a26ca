"""IMF: the chapter's three exercises, each answer beside the wrong answers the teacher's guide
anticipates (glued there as ``guide-<label>-<mistake>``) with the check's feedback on each; and the
chapter's written question with the figures its model answer quotes.

Hints are translated when the module is imported, in the kernel's language (the edition's): book.hints
glues them as they are given here. Feedback is translated when the mistakes are computed.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ...exercises import Mistake, anticipates, expects, written
from ...i18n import gettext
from .article import CLAIMED_ADVANCED_PCT
from .facts import emerging_above_weakest_advanced, exposure_figures, pillar_gaps
from .tables import ADVANCED, COMPONENTS, HIGH_COMPLEMENTARITY


@expects(
    "imf-pillar-gap",
    level="intermediate",
    tables=("imf_aipi",),
    hint=gettext(
        "Group imf_aipi by 'group', take the mean of DI, HCLMP, IEI and RE, subtract EM from AE, pick the largest."
    ),
)
def largest_pillar_gap(aipi: pd.DataFrame) -> str:
    return str(pillar_gaps(aipi).index[0])


@anticipates("imf-pillar-gap")
def largest_pillar_gap_mistakes(aipi: pd.DataFrame) -> dict[str, Mistake]:
    pillars = list(COMPONENTS)
    means = aipi.groupby("group")[["AI_PI", *pillars]].mean()
    gaps = means.loc["AE"] - means.loc["EM"]
    return {
        # AI_PI counted as a pillar.
        "with-composite": Mistake(
            str(gaps.idxmax()),
            gettext(
                "That is the composite, AI_PI, which adds the pillars up: the question compares the four pillar "
                "columns only."
            ),
        ),
        # A ratio, not a difference.
        "relative": Mistake(
            str((gaps[pillars] / means.loc["EM", pillars]).idxmax()),
            gettext(
                "That is the largest gap relative to the emerging economies' mean; the question asks for the largest "
                "difference."
            ),
        ),
    }


@expects(
    "imf-em-overlap",
    level="introductory",
    tables=("imf_aipi",),
    hint=gettext("Find the lowest AI_PI among group == 'AE', then count group == 'EM' rows above it."),
)
def emerging_overlap(aipi: pd.DataFrame) -> int:
    return emerging_above_weakest_advanced(aipi)


@anticipates("imf-em-overlap")
def emerging_overlap_mistakes(aipi: pd.DataFrame) -> dict[str, Mistake]:
    advanced = aipi.loc[aipi["group"] == "AE", "AI_PI"]
    emerging = aipi.loc[aipi["group"] == "EM", "AI_PI"]
    return {
        # The advanced economies' mean, not their weakest member.
        "above-mean": Mistake(
            int((emerging > advanced.mean()).sum()),
            gettext(
                "That compares with the advanced economies' average. Overlap between two groups starts at the bottom "
                "of the higher one: compare with the weakest advanced economy."
            ),
        ),
    }


@expects(
    "imf-complementary-share",
    level="advanced",
    tables=("imf_ai_exposure",),
    hint=gettext(
        "Keep the rows of imf_ai_exposure for Advanced economies whose category is a complementarity split; "
        "divide high by high + low."
    ),
)
def advanced_complementary_share(exposure: pd.DataFrame) -> float:
    return exposure_figures(exposure)["advanced_high_of_exposed"]


@anticipates("imf-complementary-share")
def advanced_complementary_share_mistakes(exposure: pd.DataFrame) -> dict[str, Mistake]:
    # What a student's filter keeps: both complementarity rows of the note and the June blog's copy of one.
    rows = exposure.loc[(exposure["economy"] == ADVANCED) & exposure["category"].str.contains("complementarity")]
    high = rows.loc[rows["category"] == HIGH_COMPLEMENTARITY, "share_pct"].iloc[0]
    return {
        # The blog's copy of a share summed too.
        "duplicate-row": Mistake(
            float(high / rows["share_pct"].sum()),
            gettext(
                "Print the rows before dividing: one share is there twice, from two documents (read the document "
                "column)."
            ),
        ),
        # A share of all employment, not of exposed employment.
        "of-employment": Mistake(
            float(high / 100),
            gettext(
                "That is a share of all employment. The question asks for a share of exposed employment: divide by "
                "the two complementarity shares together."
            ),
        ),
    }


@written("imf-exposed-not-replaced", points=3, tables=("imf_ai_exposure",))
def exposed_not_replaced_figures(exposure: pd.DataFrame) -> dict[str, Any]:
    """The figures of the model answer: the note's exposure shares and the complementarity split of the
    advanced economies' and of the low-income countries' exposed employment."""
    figures = exposure_figures(exposure)
    return {
        "claimed-advanced": CLAIMED_ADVANCED_PCT,
        "advanced": figures["advanced"],
        "advanced-high": figures["advanced_high"],
        "advanced-low": figures["advanced_low"],
        "low-income-low-of-exposed": figures["low_income_low_of_exposed"],
    }
