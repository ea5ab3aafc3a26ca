"""IMF: the verdicts on C15 (40% and 60% of jobs) and C16 (70% of skills), as pure functions of
the tables the ledger gives them.

The rules, fixed before the data: a figure quoted by a source is the article's when it is within
:data:`.facts.CLAIM_TOLERANCE_PCT` points of it.

* C15 is *accurate* when the note's own summary (primary) gives both the world and the
  advanced-economy figure; *accurate but misleading* when only secondary figures do; else *wrong*.
* C16 is *accurate but misleading* when a LinkedIn figure (a share of skills) matches the 70%,
  since every IMF figure is a share of employment; else *not supported by the data*.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ...i18n import N_, gettext, number
from ...ledger import assesses
from .article import CLAIMED_ADVANCED_PCT, CLAIMED_SKILLS_PCT, CLAIMED_WORLD_PCT
from .facts import (
    CLAIM_TOLERANCE_PCT,
    earlier_linkedin_editions,
    exposure_figures,
    linkedin_matching_the_claim,
    matches_claim,
)
from .tables import BLOG_JANUARY, BLOG_JUNE, SDN_SUMMARY, SDN_VIA_AETHER


def rule_figures() -> dict[str, float]:
    """The rules' threshold under the glue key the chapter states it with (the same tolerance finds
    which LinkedIn figure is the article's, so it is defined in facts)."""
    return {"claim_tolerance_pct": CLAIM_TOLERANCE_PCT}


@assesses("C15", chapter="chapters/imf", section="imf-exposure", tables=("imf_ai_exposure",))
def c15(exposure: pd.DataFrame) -> tuple[str, str, str]:
    f = exposure_figures(exposure)
    matches_primary = matches_claim(f["world"], CLAIMED_WORLD_PCT) and matches_claim(
        f["advanced"], CLAIMED_ADVANCED_PCT
    )
    secondary = exposure.loc[exposure["status"] != "primary", "share_pct"]
    matches_secondary = any(matches_claim(v, CLAIMED_WORLD_PCT) for v in secondary) and any(
        matches_claim(v, CLAIMED_ADVANCED_PCT) for v in secondary
    )
    if matches_primary:
        verdict = "accurate"
    elif matches_secondary:
        verdict = "accurate but misleading"
    else:
        verdict = "wrong"
    evidence = gettext(
        # The shares are in percent points: the per cent sign is the message's, spaced as its language spaces it.
        "The IMF note's own summary puts {world}% of global employment and {advanced}% of employment in advanced "
        "economies in occupations highly exposed to AI ({emerging}% in emerging market economies, {low_income}% in "
        "low-income countries). Exposure is not job loss: by the note's split, as quoted by a third party, "
        "{advanced_high} of the {advanced} points in advanced economies are jobs where AI is more likely to "
        "complement workers and {advanced_low} are jobs where it may substitute for them."
    ).format(
        world=number(f["world"], ".0f"),
        advanced=number(f["advanced"], ".0f"),
        emerging=number(f["emerging"], ".0f"),
        low_income=number(f["low_income"], ".0f"),
        advanced_high=number(f["advanced_high"], ".0f"),
        advanced_low=number(f["advanced_low"], ".0f"),
    )
    return verdict, evidence, N_("IMF Staff Discussion Note SDN/2024/001 (January 2024); split quoted by a third party")


def c16_figures(exposure: pd.DataFrame, skills: pd.DataFrame) -> dict[str, Any]:
    """What C16's evidence cites: the IMF figures, any of them near 70%, and LinkedIn's quotations."""
    imf_rows = exposure.loc[exposure["document"].isin([SDN_SUMMARY, SDN_VIA_AETHER, BLOG_JANUARY, BLOG_JUNE])]
    return {
        "imf_figures": len(imf_rows),
        "imf_match": imf_rows.loc[matches_claim(imf_rows["share_pct"], CLAIMED_SKILLS_PCT)],
        "linkedin_match": linkedin_matching_the_claim(skills),
        "earlier": earlier_linkedin_editions(skills),
    }


@assesses("C16", chapter="chapters/imf", section="imf-skills", tables=("imf_ai_exposure", "imf_linkedin_skills_change"))
def c16(exposure: pd.DataFrame, skills: pd.DataFrame) -> tuple[str, str, str]:
    f = c16_figures(exposure, skills)
    # Every IMF figure in the material is a share of employment; a share of skills would have to
    # be in the LinkedIn table, whose unit is percent of skills.
    if not f["linkedin_match"].empty:
        verdict = "accurate but misleading"
    else:
        verdict = "not supported by the data"
    imf_70 = f["imf_match"]
    # The shares are in percent points: each message writes its per cent sign as its language spaces it.
    about_70 = (
        " "
        + gettext(
            "The only figure near {claimed}% in the IMF material is the share of employment exposed to AI in the "
            "{economy} ({share}%, quoted by a third party)."
        ).format(
            claimed=CLAIMED_SKILLS_PCT,
            economy=gettext(imf_70["economy"].iloc[0]),
            share=number(imf_70["share_pct"].iloc[0], ".0f"),
        )
        if not imf_70.empty
        else ""
    )
    if f["linkedin_match"].empty:
        source_sentence = gettext("No LinkedIn report in the material gives it either.")
    else:
        match = f["linkedin_match"]
        source_sentence = gettext(
            "LinkedIn's {report} projects that {share}% of the skills of a job will change by {horizon}, from the "
            "skills its members list for the same job ({pages} pages quote it)."
        ).format(
            report=match["report"].iloc[0].removeprefix("LinkedIn, "),
            share=number(match["share_pct"].iloc[0], ".0f"),
            horizon=match["horizon_year"].iloc[0],
            pages=len(match),
        )
        if not f["earlier"].empty:
            e = f["earlier"].iloc[0]
            source_sentence += " " + gettext("An earlier edition, the {report}, said at least {share}%.").format(
                report=e["report"].removeprefix("LinkedIn, "), share=number(e["share_pct"], ".0f")
            )
    attribution = (
        gettext(
            "Misattributed: the article credits the IMF with {claimed}% of skills changing, but the figure is "
            "LinkedIn's, not the IMF's."
        )
        if verdict == "accurate but misleading"
        else gettext("No source in the material gives {claimed}% of skills changing, the IMF's included.")
    ).format(claimed=CLAIMED_SKILLS_PCT)
    evidence = gettext(
        "{attribution} None of the {n} IMF figures in the material (the note and two blogs) is about skills: all are "
        "shares of employment in exposed occupations.{about_70} {source_sentence}"
    ).format(attribution=attribution, n=f["imf_figures"], about_70=about_70, source_sentence=source_sentence)
    source = N_("LinkedIn Work Change Report (January 2025), as quoted; IMF SDN/2024/001 and blogs")
    return verdict, evidence, source
