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
from .i18n import N_, gettext
from .markup import plain_text

# One fixed scale, from best to worst supported. The order is the order of the ledger's chart.
VERDICTS = (
    N_("accurate"),
    N_("accurate but misleading"),
    N_("wrong"),
    N_("not supported by the data"),
    N_("not checkable"),
)
VERDICT_MEANING = {
    "accurate": N_("the data say what the article says"),
    "accurate but misleading": N_("the numbers are right but they do not measure what the article says they do"),
    "wrong": N_("the data contradict the claim"),
    "not supported by the data": N_("the data available do not bear the claim out"),
    "not checkable": N_("a forecast, an anecdote or a framing that no data set here can test"),
}


# --- The rule for a claim about a period of time -------------------------------------------------
# One rule for every claim that names a period (the teacher's guide states it in the same words):
# a claim is judged only on data from the period it names. No data from any of that period: "not
# checkable". Data from only part of it: the data cannot confirm or refute the claim for the whole
# period, whatever that part shows, so "not supported by the data" (the evidence says what the
# covered part shows). Data from the whole period: the claim's own rule decides.
NO_COVERAGE, PART_COVERAGE, FULL_COVERAGE = "none", "part", "all"


@dataclass(frozen=True)
class Period:
    """A period a claim names, with the first and last year (or month, as "YYYY-MM") the book takes
    for it; a claims module says where the dating comes from."""

    name: str
    first: int | str
    last: int | str


def coverage(period: Period, observed) -> str:
    """How much of ``period`` the years (or months) with a value reach: none of it (no value inside
    the period), all of it (values inside, and the series starts no later than the period and ends no
    earlier, as a series observed every ten years can), or part of it."""
    observed = sorted(observed)
    if not any(period.first <= value <= period.last for value in observed):
        return NO_COVERAGE
    return FULL_COVERAGE if observed[0] <= period.first and observed[-1] >= period.last else PART_COVERAGE


def joint_coverage(*coverages: str) -> str:
    """The coverage of a claim about several periods or dates: all only if every one is covered."""
    if all(c == FULL_COVERAGE for c in coverages):
        return FULL_COVERAGE
    return NO_COVERAGE if all(c == NO_COVERAGE for c in coverages) else PART_COVERAGE


def period_verdict(covered: str, verdict_on_the_data: str) -> str:
    """The verdict on a claim about a period, given how much of it the data cover (:func:`coverage`)
    and what the claim's own rule says on the data there."""
    if covered == NO_COVERAGE:
        return "not checkable"
    if covered == PART_COVERAGE:
        return "not supported by the data"
    if covered != FULL_COVERAGE:
        raise ValueError(f"coverage must be one of {(NO_COVERAGE, PART_COVERAGE, FULL_COVERAGE)}, not {covered!r}")
    return verdict_on_the_data


@dataclass(frozen=True)
class Claim:
    id: str
    short: str
    attribution: str


CLAIMS: dict[str, Claim] = {
    c.id: c
    for c in (
        Claim("C01", N_("In 10 to 20 years AI and robots end poverty and work becomes optional"), N_("Elon Musk")),
        Claim("C02", N_("Radiologists did not lose their jobs to AI; demand for them rose"), N_("Jensen Huang")),
        Claim(
            "C03",
            N_("US tech unemployment rose from 98,000 in December to 152,000 in January"),
            N_("the article, citing the US Department of Labor"),
        ),
        Claim(
            "C04",
            N_("37% of leaders say AI replaced workers in 2023; 44% laid off staff in 2024 because of AI"),
            N_("the article, citing a ResumeBuilder survey of 750 leaders"),
        ),
        Claim(
            "C05",
            N_(
                "Lawyers doubled their caseloads, developers were asked for more features, designers deliver 20 versions a week"
            ),
            N_("the article"),
        ),
        Claim("C06", N_("Workers in the industrial revolution worked 16 hours a day on average"), N_("the article")),
        Claim("C07", N_("Email made workers available around the clock"), N_("the article")),
        Claim(
            "C08",
            N_(
                "Six years ago 90% of TOP500 supercomputers were CPU-based, now 15%; accelerated computing went from 10% to 90%"
            ),
            N_("Jensen Huang, as reported by the article"),
        ),
        Claim(
            "C09", N_("Hundreds of billions of dollars of computing are owned by a few companies"), N_("the article")
        ),
        Claim(
            "C10",
            N_("The last 15 years were the era of recommender systems"),
            N_("Jensen Huang, as reported by the article"),
        ),
        Claim(
            "C11",
            N_("A 500-terawatt AI data centre in Saudi Arabia, first phase 50 terawatts"),
            N_("the article, on the xAI, NVIDIA and Humain announcement"),
        ),
        Claim(
            "C12",
            N_(
                "Demand for 100-200 billion humanoid robots; Tesla to make 1 billion a year (over 10% of the market) at $20,000, a $25-30 trillion industry"
            ),
            N_("Elon Musk, as reported by the article"),
        ),
        Claim(
            "C13",
            N_("Earth receives only one twentieth of the sun's radiation"),
            N_("Elon Musk, as reported by the article"),
        ),
        Claim(
            "C14",
            N_("US annual electricity production is about 460 GW, so 300 GW for AI would be two thirds of it"),
            N_("the article"),
        ),
        Claim(
            "C15",
            N_("The IMF expects AI to affect almost 40% of jobs worldwide, up to 60% in advanced economies"),
            N_("the article, citing the IMF"),
        ),
        Claim("C16", N_("70% of professional skills will change"), N_("the article, attributed to the IMF")),
        Claim(
            "C17",
            N_("Machines were to free people from toil, and email was to shorten working hours"),
            N_("the article"),
        ),
    )
}

# The article's argument itself, apart from the seventeen figures: assessed on the same scale, from
# predictions fixed before the data (chapters/gains), and shown in the ledger's own section.
ARGUMENTS: dict[str, Claim] = {
    c.id: c
    for c in (
        Claim(
            "T1",
            N_(
                "The gains of AI go to those who own the computing power, the models and the platforms, not to the "
                "workers who use the tools, whose bargaining power erodes"
            ),
            N_("the article's thesis"),
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

    def _ipython_display_(self) -> None:
        # In a notebook book.claim() lists the verdict under its cell; a cell that ends with
        # `book.claim("C02")` would otherwise show it a second time, as this object's repr.
        pass


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
    """One claim's verdict and evidence, as chapters and the ledger show it, in the edition's language.

    The verdict's span keeps the English verdict's claim class, so that a test can compare editions."""
    verdict, evidence = gettext(a.verdict), gettext(a.evidence)
    label = gettext("{claim}, verdict:").format(claim=a.claim.id)
    return f"**{label} [{verdict}]{{.verdict .claim-{a.claim.id}}}.** {plain_text(evidence)}"


def scale_markdown() -> str:
    """The verdict scale, one item per verdict with what it means (the ledger's "The scale")."""
    return "\n".join(f"* **{gettext(v)}**: {gettext(VERDICT_MEANING[v])}." for v in VERDICTS)


def markdown_table(rows: list[Assessment] | None = None) -> str:
    """The ledger as a MyST table whose last column links to the section with the evidence.

    On a phone each row is laid out as a card, its cells one under the other (four columns in a
    phone's width are a word wide): the table is wrapped in a ``div.aiparadox-ledger`` (a docutils
    container), and the cells whose content does not say what it is start with their column's
    name, shown only there (``span.aiparadox-card-label``, static/aiparadox.css)."""
    rows = assessments() if rows is None else rows
    header = [gettext("Claim"), gettext("Verdict"), gettext("What the data show"), gettext("Where")]
    lines = [":::{container} aiparadox-ledger", "| " + " | ".join(header) + " |", "|---|---|---|---|"]
    for a in rows:
        # Every text goes through plain_text (a "|" would end the cell, a "$" start maths); the
        # markup around it is the page's own.
        source = plain_text(gettext("Source: {source}.").format(source=gettext(a.source)))
        cells = [
            f"**{a.claim.id}** {plain_text(gettext(a.claim.short))} ({plain_text(gettext(a.claim.attribution))})",
            f"{_card_label(header[1])}**[{gettext(a.verdict)}]{{.verdict .claim-{a.claim.id}}}**",
            f"{plain_text(gettext(a.evidence))} *{source}*",
            f"{_card_label(header[3])}{{ref}}`{a.section}`",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    lines.append(":::")
    return "\n".join(lines)


def _card_label(column: str) -> str:
    return f"[{plain_text(column)}:]{{.aiparadox-card-label}} "
