"""The verdicts -> the named numbers of the intro, the ledger page and the conclusion.

One function per page section; each returns a dict whose keys are the page's glue keys, spelled
out here, and the page glues it with ``book.facts(...)``.
"""

from __future__ import annotations

import pandas as pd

from ...i18n import conjunction
from ...ledger import CLAIMS, VERDICTS, Assessment
from ...markup import Markdown
from ...pages import book_root


def verdict_totals(assessments: list[Assessment]) -> dict[str, int]:
    """How many claims received each verdict, every verdict of the scale included (zeros too)."""
    counts = pd.Series([a.verdict for a in assessments]).value_counts()
    return {verdict: int(counts.get(verdict, 0)) for verdict in VERDICTS}


def claims_with(assessments: list[Assessment], verdict: str) -> str:
    """The ids of the claims with a verdict, as a phrase ("C08, C11 and C12")."""
    ids = [a.claim.id for a in assessments if a.verdict == verdict]
    return conjunction(ids)


def citation(path=None) -> Markdown:
    """How to cite the book, in words, from CITATION.cff (the one place that says it): the book's
    own metadata, written as markup (the title in italics, the address a link)."""
    import yaml

    cff = yaml.safe_load(((path or book_root()) / "CITATION.cff").read_text(encoding="utf-8"))
    authors = ", ".join(
        a.get("name") or f"{a.get('given-names', '')} {a.get('family-names', '')}".strip() for a in cff["authors"]
    )
    year = str(cff["date-released"])[:4]
    return Markdown(f"{authors} ({year}). *{cff['title']}*. Version {cff['version']}. <{cff['url']}>")


def what_the_book_found(assessments: list[Assessment]) -> dict[str, int]:
    """intro.md, "What the book found, in two minutes": the claims by verdict."""
    totals = verdict_totals(assessments)
    return {
        "n_claims": len(assessments),
        "n_accurate": totals["accurate"],
        "n_accurate_but_misleading": totals["accurate but misleading"],
        "n_wrong": totals["wrong"],
        "n_not_supported_by_the_data": totals["not supported by the data"],
        "n_not_checkable": totals["not checkable"],
        "n_testable": len(assessments) - totals["not checkable"],
    }


def how_to_cite() -> dict[str, str]:
    """intro.md, "How to cite"."""
    return {"citation": citation()}


def the_ledger(assessments: list[Assessment]) -> dict[str, int]:
    """chapters/ledger.md, its opening: the claims, those assessed, and those that hold."""
    checkable = [a for a in assessments if a.verdict != "not checkable"]
    return {
        "n_claims": len(CLAIMS),
        "n_assessed": len(assessments),
        "n_checkable": len(checkable),
        "n_hold": sum(a.verdict == "accurate" for a in checkable),
    }


def the_scorecard(assessments: list[Assessment]) -> dict[str, int | str]:
    """chapters/conclusion.md, "The scorecard": the counts and ids of the wrong, misleading and accurate claims."""
    totals = verdict_totals(assessments)
    return {
        "n_claims": len(assessments),
        "n_wrong": totals["wrong"],
        "n_misleading": totals["accurate but misleading"],
        "n_accurate": totals["accurate"],
        "wrong_ids": claims_with(assessments, "wrong"),
        "misleading_ids": claims_with(assessments, "accurate but misleading"),
        "accurate_ids": claims_with(assessments, "accurate"),
    }
