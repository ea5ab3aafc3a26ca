"""MyST as a notebook shows it: numbers written in, links to the online book, figures as captions,
and the glue helpers working where myst-nb is not installed."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from aiparadox.jupyter_markdown import Figure, Page, convert, leftovers
from aiparadox.paths import PAGES_URL, REPOSITORY, ROOT

GLUED = {
    "share": 0.8712,
    "count": 1234567,
    "edition": "2025-11",
    "verdict": "**C08, verdict: [wrong]{.verdict .claim-C08}.** It cost $20,000, see {ref}`top500-claim`.",
    "fig-top500-shares": Figure("fig-top500-shares", "TOP500 list exports", "Grey: third-party figures."),
}


def page(docname: str = "chapters/radiology") -> Page:
    return Page(docname, GLUED, commit="0" * 40)


def test_glued_numbers_are_written_in_with_the_format_the_role_gives():
    text = "A share of {glue:text}`share:.1%`, {glue:text}`count:,` systems, in {glue:md}`edition`; raw {glue:text}`share`."
    assert convert(text, page()) == "A share of 87.1%, 1,234,567 systems, in 2025-11; raw 0.8712."


def test_a_glued_phrase_is_converted_too_and_prices_stay_text():
    out = convert("{glue:md}`verdict:myst`", page())
    assert out.startswith("**C08, verdict: wrong.** It cost \\$20,000, see [")
    assert f"]({PAGES_URL}chapters/top500.html#top500-claim)." in out
    assert not leftovers(out)


def test_cross_references_become_links_to_the_online_book_with_the_books_own_words():
    text = (
        "See {ref}`radiology-jobs`, {ref}`the ledger <ledger>`, {numref}`fig-radiology-employment`, "
        "{doc}`ledger` and {doc}`supercomputers <top500>`."
    )
    out = convert(text, page())
    radiology = f"{PAGES_URL}chapters/radiology.html"
    assert f"[Did radiologists lose their jobs?]({radiology}#radiology-jobs)" in out
    assert f"[the ledger]({PAGES_URL}chapters/ledger.html#ledger)" in out
    assert f"[Fig. 4.1]({radiology}#fig-radiology-employment)" in out
    assert f"[The ledger of claims]({PAGES_URL}chapters/ledger.html)" in out
    assert f"[supercomputers]({PAGES_URL}chapters/top500.html)" in out
    assert f"[1. Did supercomputing flip to accelerators?]({PAGES_URL}chapters/top500.html)" in convert(
        "{doc}`chapters/top500`", page("intro")
    )


def test_citations_name_the_source_and_link_the_references_page():
    out = convert("as the OEWS {cite}`bls_oews` and {cite}`imf2024sdn,huberman2007` say", page())
    references = f"{PAGES_URL}chapters/references.html"
    assert f"[U.S. Bureau of Labor Statistics (2025)]({references})" in out
    assert f"[Cazzaniga et al. (2024)]({references}); [Huberman and Minns (2007)]({references})" in out


def test_a_glued_figure_becomes_its_number_caption_source_and_note_once():
    fence = "```{glue:figure} fig-top500-shares\n:name: fig-top500-shares\n\nAccelerators took over.\n```"
    out = convert(f"(top500-intro)=\n{fence}\n\nAfter.", page("chapters/top500"))
    assert out == (
        "**Fig. 1.1.** Accelerators took over.\n\n*Source: TOP500 list exports.*\n\n*Grey: third-party figures.*\n\nAfter."
    )


def test_targets_exercise_fences_footnotes_and_downloads_have_plain_forms():
    text = (
        "(x-label)=\n## A section\n\nA claim.[^why]\n\n[^why]: Because.\n\n"
        "```{exercise-start}\n:label: radiology-supply-growth\n```\nDo it.\n```{exercise-end}\n```\n\n"
        "{download}`data/x.csv <../data/x.csv>`"
    )
    out = convert(text, page())
    assert "## A section\n\nA claim.<sup>1</sup>\n\n<sup>1</sup> Because." in out
    assert "**Exercise 4.3** (`radiology-supply-growth`)\nDo it." in out
    assert f"[data/x.csv]({REPOSITORY}/blob/{'0' * 40}/data/x.csv)" in out
    assert not leftovers(out)


def test_code_is_left_as_it_is():
    text = "Run `load(\"x\")`, which costs $0.\n\n```python\nprice = '$5 {ref}`x`'\n```"
    assert convert(text, page()) == "Run `load(\"x\")`, which costs \\$0.\n\n```python\nprice = '$5 {ref}`x`'\n```"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{eq}`x`", r"the role \{eq\} has no plain Markdown form"),
        ("```{math}\nx^2\n```", r"the directive \{math\} has no plain Markdown form"),
        ("{glue:text}`nothing`", "nothing is glued as 'nothing'"),
        ("{ref}`no-such-label`", "no label 'no-such-label'"),
    ],
)
def test_what_has_no_plain_form_is_an_error_not_left_for_the_reader(text, message):
    with pytest.raises((ValueError, KeyError), match=message):
        convert(text, page())


def test_a_hint_stays_folded_and_a_styling_wrapper_shows_its_content():
    hint = ":::{admonition} Hint\n:class: dropdown\nLook at **2019**.\n:::"
    assert convert(hint, page()) == "<details>\n<summary>Hint</summary>\n\nLook at **2019**.\n\n</details>"
    assert convert(":::{admonition} Note\nText\n:::", page()) == "**Note.** Text"
    assert convert(":::{div} wide\nA *table*\n:::", page()) == "A *table*"
    # The ledger's table sits in a docutils container, for its styles.
    assert convert(":::{container} aiparadox-ledger\n| a | b |\n|---|---|\n:::", page()) == "| a | b |\n|---|---|"


def test_the_glue_helpers_work_without_myst_nb_and_show_each_value_labelled_once():
    """As in Colab: myst-nb absent, an IPython shell; a cell's glued values come as one table under it."""
    code = r"""
import sys, json
sys.modules["myst_nb"] = None  # importing it fails, as where it is not installed
from IPython.core.interactiveshell import InteractiveShell
from IPython.core.displaypub import DisplayPublisher

shown = []
class Capture(DisplayPublisher):
    def publish(self, data, metadata=None, **kwargs):
        shown.append(data)

shell = InteractiveShell.instance()
shell.display_pub = Capture()
cell = '''
from aiparadox import book
import altair as alt, pandas as pd
book.setup()
book.facts({"share_now": 0.8712, "claim_now": "2025-11"})
book.number("n_claims", 17)
book.figure("fig-x", alt.Chart(pd.DataFrame({"x": [1]})).mark_point().encode(x="x"), description="d", source="s", tables=())
'''
result = shell.run_cell(cell)
assert result.success, result.error_in_exec
print(json.dumps([sorted(d) for d in shown] + [d.get("text/markdown", "") for d in shown]))
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout.strip().splitlines()[-1])
    kinds, markdowns = shown[: len(shown) // 2], shown[len(shown) // 2 :]
    assert len(kinds) == 2, "one chart, then one table of values"
    assert any(k.startswith("application/vnd.vegalite") for k in kinds[0])
    table = markdowns[1]
    assert (
        "| `share_now` | 0.8712 |" in table
        and "| `claim_now` | 2025\\-11 |" in table
        and "| `n_claims` | 17 |" in table
    )


def test_pages_show_myst_through_book_markdown_which_jupyter_can_read():
    """IPython's Markdown would show a notebook reader the roles raw ({ref}`...`)."""
    from aiparadox import notebooks

    offenders = [
        f"{page.relative_to(ROOT)}: {line.strip()}"
        for page in notebooks.chapters()
        for line in page.read_text(encoding="utf-8").splitlines()
        if line.lstrip().startswith(("Markdown(", "display(Markdown(")) or "import Markdown" in line
    ]
    assert not offenders, "use book.markdown(...):\n" + "\n".join(offenders)


def test_a_student_copy_withholds_a_glued_value_that_is_an_exercises_answer():
    student = Page("chapters/top500", GLUED, withheld=frozenset({"2025-11"}))
    assert convert("In {glue:md}`edition`, {glue:text}`share:.1%`.", student) == "In ▢ *(an exercise's answer)*, 87.1%."
    glued = {**GLUED, "evidence": "From 2019-11 to 2025-11, up.", "escaped": "2025\\-11", "in-text": "to 2025\\-11\\."}
    withheld = Page("x", glued, withheld=frozenset({"2025-11"}))
    assert convert("{glue:md}`evidence`", withheld) == "From 2019-11 to ▢, up."
    assert convert("{glue:md}`escaped` {glue:md}`in-text`", withheld) == "▢ *(an exercise's answer)* to ▢\\."
