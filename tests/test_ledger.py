"""The ledger: every claim of the article is assessed, on the one scale, by exactly one page."""

from __future__ import annotations

import pytest

from aiparadox import ledger
from aiparadox.topics.essay import facts as essay_facts


def test_every_claim_of_the_article_is_assessed():
    assessed = {a.claim.id for a in ledger.assessments()}
    assert assessed == set(ledger.CLAIMS)


def test_every_assessment_links_to_a_labelled_section_of_its_page():
    from aiparadox.paths import ROOT

    for a in ledger.assessments():
        page = (ROOT / f"{a.chapter}.md").read_text(encoding="utf-8")
        assert f"({a.section})=" in page, f"{a.claim.id}: no label ({a.section})= in {a.chapter}.md"
        assert a.evidence.strip() and a.source.strip()


def test_a_verdict_off_the_scale_is_refused():
    with pytest.raises(ValueError, match="not on the scale"):
        ledger.Assessment(ledger.CLAIMS["C01"], "mostly true", "e", "s", "chapters/ledger", "ledger")


def test_verdict_totals_count_every_verdict_once():
    assessments = ledger.assessments()
    totals = essay_facts.verdict_totals(assessments)
    assert list(totals) == list(ledger.VERDICTS)
    assert sum(totals.values()) == len(assessments)


def test_claim_lists_read_as_a_phrase():
    a = ledger.assessments()
    wrong = [x.claim.id for x in a if x.verdict == "wrong"]
    phrase = essay_facts.claims_with(a, "wrong")
    assert all(cid in phrase for cid in wrong) and phrase.count(" and ") == (1 if len(wrong) > 1 else 0)


def test_the_citation_comes_from_citation_cff():
    import yaml

    from aiparadox.paths import ROOT

    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    text = essay_facts.citation()
    assert cff["title"] in text and cff["url"] in text and str(cff["version"]) in text
