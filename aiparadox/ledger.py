"""The claim ledger: the article's checkable claims and the verdicts the chapters compute.

The claims themselves (C01-C17, from ``../shared/article/claims.md``) are listed once, in
:data:`CLAIMS`. A topic module registers the function that assesses a claim from the tidy
tables with :func:`assesses`; the chapter glues that function's verdict and evidence, and the
ledger page calls the very same functions, so the two cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from . import topics

# One fixed scale, from best to worst supported. The order is the order of the ledger's chart.
VERDICTS = (
    "accurate",
    "accurate but misleading",
    "wrong",
    "not supported by the data",
    "not checkable",
)
VERDICT_MEANING = {
    "accurate": "the data say what the article says",
    "accurate but misleading": "the numbers are right but they do not measure what the article says they do",
    "wrong": "the data contradict the claim",
    "not supported by the data": "the data available do not bear the claim out",
    "not checkable": "a forecast, an anecdote or a framing that no data set here can test",
}


@dataclass(frozen=True)
class Claim:
    id: str
    short: str
    attribution: str


CLAIMS: dict[str, Claim] = {
    c.id: c
    for c in (
        Claim("C01", "In 10 to 20 years AI and robots end poverty and work becomes optional", "Elon Musk"),
        Claim("C02", "Radiologists did not lose their jobs to AI; demand for them rose", "Jensen Huang"),
        Claim("C03", "US tech unemployment rose from 98,000 in December to 152,000 in January", "the article, citing the US Department of Labor"),
        Claim("C04", "37% of leaders say AI replaced workers in 2023; 44% laid off staff in 2024 because of AI", "the article, citing a ResumeBuilder survey of 750 leaders"),
        Claim("C05", "Lawyers doubled their caseloads, developers were asked for more features, designers deliver 20 versions a week", "the article"),
        Claim("C06", "Workers in the industrial revolution worked 16 hours a day on average", "the article"),
        Claim("C07", "Email made workers available around the clock", "the article"),
        Claim("C08", "Six years ago 90% of TOP500 supercomputers were CPU-based, now 15%; accelerated computing went from 10% to 90%", "Jensen Huang, as reported by the article"),
        Claim("C09", "Hundreds of billions of dollars of computing are owned by a few companies", "the article"),
        Claim("C10", "The last 15 years were the era of recommender systems", "Jensen Huang, as reported by the article"),
        Claim("C11", "A 500-terawatt AI data centre in Saudi Arabia, first phase 50 terawatts", "the article, on the xAI, NVIDIA and Humain announcement"),
        Claim("C12", "Demand for 100-200 billion humanoid robots; Tesla to make 1 billion a year (over 10% of the market) at $20,000, a $25-30 trillion industry", "Elon Musk, as reported by the article"),
        Claim("C13", "Earth receives only one twentieth of the sun's radiation", "Elon Musk, as reported by the article"),
        Claim("C14", "US annual electricity production is about 460 GW, so 300 GW for AI would be two thirds of it", "the article"),
        Claim("C15", "The IMF expects AI to affect almost 40% of jobs worldwide, up to 60% in advanced economies", "the article, citing the IMF"),
        Claim("C16", "70% of professional skills will change", "the article, attributed to the IMF"),
        Claim("C17", "Machines were to free people from toil, and email was to shorten working hours", "the article"),
    )
}

# The article's argument itself, apart from the seventeen figures: assessed on the same scale, from
# predictions fixed before the data (chapters/gains), and shown in the ledger's own section.
ARGUMENTS: dict[str, Claim] = {
    c.id: c
    for c in (
        Claim(
            "T1",
            "The gains of AI go to those who own the computing power, the models and the platforms, not to the "
            "workers who use the tools, whose bargaining power erodes",
            "the article's thesis",
        ),
    )
}


@dataclass(frozen=True)
class Assessment:
    claim: Claim
    verdict: str
    evidence: str
    source: str
    chapter: str
    section: str

    def __post_init__(self) -> None:
        if self.verdict not in VERDICTS:
            raise ValueError(f"{self.claim.id}: verdict {self.verdict!r} is not on the scale {VERDICTS}")


@dataclass(frozen=True)
class _Assessor:
    chapter: str
    section: str
    tables: tuple[str, ...]
    compute: Callable[..., tuple[str, str, str]]

    def run(self) -> tuple[str, str, str]:
        from .datapackage import load

        return self.compute(*(load(name) for name in self.tables))


_ASSESSORS: dict[str, _Assessor] = {}


def assesses(claim_id: str, *, chapter: str, section: str, tables: tuple[str, ...] = ()):
    """Register the function that assesses a claim: it returns ``(verdict, evidence, source)``.

    ``chapter`` is the chapter's document name (e.g. ``chapters/top500``) and ``section`` the MyST
    label of the section that shows the evidence (e.g. ``top500-claim``). ``tables`` names the
    tables the function is given, in the order of its parameters: the verdict is a pure function
    of them, so a test can hand it any table.
    """
    if claim_id not in CLAIMS and claim_id not in ARGUMENTS:
        raise KeyError(f"unknown claim {claim_id!r}")

    def register(compute: Callable[..., tuple[str, str, str]]):
        if claim_id in _ASSESSORS and _ASSESSORS[claim_id].compute.__qualname__ != compute.__qualname__:
            raise RuntimeError(f"{claim_id} is already assessed by {_ASSESSORS[claim_id].compute.__qualname__}")
        _ASSESSORS[claim_id] = _Assessor(chapter, section, tuple(tables), compute)
        return compute

    return register


def _discover() -> None:
    topics.parts("claims")


def assess(claim_id: str) -> Assessment:
    _discover()
    if claim_id not in _ASSESSORS:
        raise KeyError(f"no chapter assesses {claim_id} yet")
    assessor = _ASSESSORS[claim_id]
    verdict, evidence, source = assessor.run()
    claim = CLAIMS[claim_id] if claim_id in CLAIMS else ARGUMENTS[claim_id]
    return Assessment(claim, verdict, evidence, source, assessor.chapter, assessor.section)


def assessments() -> list[Assessment]:
    """Every claim that a chapter assesses, in claim order."""
    _discover()
    return [assess(cid) for cid in CLAIMS if cid in _ASSESSORS]


def arguments() -> list[Assessment]:
    """The assessments of the article's argument (:data:`ARGUMENTS`), apart from its figures."""
    _discover()
    return [assess(aid) for aid in ARGUMENTS if aid in _ASSESSORS]


def table() -> pd.DataFrame:
    rows = [
        {
            "id": a.claim.id,
            "claim": a.claim.short,
            "attribution": a.claim.attribution,
            "verdict": a.verdict,
            "evidence": a.evidence,
            "source": a.source,
            "chapter": a.chapter,
            "section": a.section,
        }
        for a in assessments()
    ]
    return pd.DataFrame(rows)


def verdict_markdown(a: Assessment) -> str:
    """One claim's verdict and evidence, as chapters and the ledger show it."""
    return f"**{a.claim.id}, verdict: [{a.verdict}]{{.verdict .claim-{a.claim.id}}}.** {_no_maths(a.evidence)}"


def markdown_table(rows: list[Assessment] | None = None) -> str:
    """The ledger as a MyST table whose last column links to the section with the evidence.

    The table is wrapped in a ``div.aiparadox-ledger``: on a phone, each row is laid out as a card
    (static/aiparadox.css), since four columns in a phone's width are one word wide."""
    rows = assessments() if rows is None else rows
    lines = [":::{div} aiparadox-ledger", "| Claim | Verdict | What the data show | Where |", "|---|---|---|---|"]
    for a in rows:
        cells = [
            f"**{a.claim.id}** {a.claim.short} ({a.claim.attribution})",
            f"**[{a.verdict}]{{.verdict .claim-{a.claim.id}}}**",
            f"{a.evidence} *Source: {a.source}.*",
            f"{{ref}}`{a.section}`",
        ]
        lines.append("| " + " | ".join(_table_cell(c) for c in cells) + " |")
    lines.append(":::")
    return "\n".join(lines)


def _no_maths(text: str) -> str:
    # With dollarmath, two prices in one paragraph ("$20,000 ... $25 trillion") would be typeset as maths.
    return text.replace("$", "\\$")


def _table_cell(text: str) -> str:
    # "|" would end the cell.
    return _no_maths(text.replace("|", "\\|").replace("\n", " "))
