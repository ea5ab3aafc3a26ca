"""The French edition: the same numbers as the English one, in French typography; the same code cells;
the same verdicts; a record of the English commit each page follows; the language switch."""

from __future__ import annotations

import json
import re
import subprocess
import warnings
from decimal import Decimal
from pathlib import Path

import pytest

from aiparadox import i18n, ledger, translations
from aiparadox.paths import ROOT
from aiparadox.typography import NARROW_NO_BREAK_SPACE as NNBSP
from aiparadox.typography import format_number

from .conftest import FRENCH_BUILD, book_pages

FRENCH = ROOT / "fr"


# --- numbers in French typography ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("glued", "spec", "shown"),
    [
        ("0.29", ".1%", f"29,0{NNBSP}%"),
        ("4178.2", ",.0f", f"4{NNBSP}178"),
        ("1.8", ".1f", "1,8"),
        ("2025", "", "2025"),  # a year glued with no grouping spec is not grouped
        ("2025", "s", "2025"),
        ("1234567", ",d", f"1{NNBSP}234{NNBSP}567"),
        ("-0.05", ".0%", f"-5{NNBSP}%"),
        ("0.125", ".2f", "0,12"),  # an exact tie: half to even, as Python rounds
        ("2.675", ".2f", "2,67"),  # below the tie in binary: Python's 2.67, not Decimal('2.675')'s 2.68
        ("'2.5 times'", "s", "2.5 times"),  # a glued string is shown as it is
    ],
)
def test_french_numbers(glued, spec, shown):
    assert format_number(glued, spec, "fr") == shown


@pytest.mark.parametrize("spec", ["", "s", ".0f", ".1f", ".2f", ",.0f", ".0%", ".1%", ",d", ".3g"])
def test_the_english_text_is_myst_nbs_own_and_the_french_digits_are_the_same(spec):
    from myst_nb.core.variables import format_plain_text

    for value in (0.0, 0.285, 0.125, 2.675, 1e-7, 29.04, 4178.4999, 12345678.9, -0.3, 2025, 7):
        if spec.endswith("d") and isinstance(value, float):
            continue
        text = repr(value)
        english = format_number(text, spec, "en")
        assert english == format_plain_text(text, spec)
        french = format_number(text, spec, "fr")
        # The same digits in the same order: only the marks differ.
        assert re.sub(r"\D", "", french) == re.sub(r"\D", "", english), (value, spec, english, french)
        if spec in (".0f", ".1f", ".2f"):
            # Python rounds the exact binary value, as Decimal does.
            assert english == format(Decimal(value), spec)


def test_an_unknown_language_is_refused_in_one_line(monkeypatch):
    monkeypatch.setenv("AIPARADOX_LANGUAGE", "de")
    with pytest.raises(ValueError, match="AIPARADOX_LANGUAGE='de': the book is written in en, fr only"):
        i18n.language()


# --- the catalogue -----------------------------------------------------------------------------


def test_every_verdict_and_claim_summary_has_a_french_translation():
    catalogue = i18n.catalogue("fr")
    wanted = [*ledger.VERDICTS, *ledger.VERDICT_MEANING.values()]
    for claim in [*ledger.CLAIMS.values(), *ledger.ARGUMENTS.values()]:
        wanted += [claim.short, claim.attribution]
    missing = [m for m in wanted if not catalogue.get(m)]
    assert not missing, "untranslated (make messages, then translate fr/LC_MESSAGES/aiparadox.po):\n" + "\n".join(
        missing
    )
    french_verdicts = [catalogue[v] for v in ledger.VERDICTS]
    assert len(set(french_verdicts)) == len(ledger.VERDICTS), "two verdicts share a French word"


def test_the_catalogue_holds_what_the_package_marks():
    from babel.messages.extract import extract_from_dir

    marked = {message for _, _, message, _, _ in extract_from_dir(str(ROOT / "aiparadox")) if isinstance(message, str)}
    known = set(i18n.catalogue("fr"))
    assert marked - known == set(), "run `make messages` and translate the new entries"


def test_the_language_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("AIPARADOX_LANGUAGE", "fr")
    assert ledger.verdict_markdown(ledger.assess("C10")).startswith(
        "**C10, verdict\u00a0: [invérifiable]{.verdict .claim-C10}.**"
    )
    monkeypatch.delenv("AIPARADOX_LANGUAGE")
    assert ledger.verdict_markdown(ledger.assess("C10")).startswith(
        "**C10, verdict: [not checkable]{.verdict .claim-C10}.**"
    )


# --- the pages ---------------------------------------------------------------------------------


def french_pages() -> list[translations.Translation]:
    return translations.translations(ROOT, "fr")


def code_cells(page: Path) -> list[tuple[str, dict]]:
    import jupytext

    notebook = jupytext.read(page, fmt="md:myst")
    return [(cell.source, dict(cell.metadata)) for cell in notebook.cells if cell.cell_type == "code"]


@pytest.mark.parametrize("translation", french_pages(), ids=lambda t: t.page.relative_to(ROOT).as_posix())
def test_every_french_page_has_the_code_cells_of_its_english_twin(translation):
    assert translation.twin.exists(), f"{translation.page}: no English page {translation.twin}"
    assert code_cells(translation.page) == code_cells(translation.twin)


# French spacing: a narrow no-break space before ; ? !, a no-break space before : and inside « ».
PLAIN_SPACE_IN_FRENCH_PUNCTUATION = re.compile(r"(?<=\S) [;:?!»](?=\s|$|[)*_,.])|« ")
INLINE_CODE = re.compile(r"(`+).+?\1")


@pytest.mark.parametrize("translation", french_pages(), ids=lambda t: t.page.relative_to(ROOT).as_posix())
def test_french_prose_spaces_its_punctuation_the_french_way(translation):
    """In the prose (not code, not a directive's options), no plain space where French puts a no-break one."""
    import jupytext

    notebook = jupytext.read(translation.page, fmt="md:myst")
    found = []
    for cell in notebook.cells:
        if cell.cell_type != "markdown":
            continue
        for line in cell.source.splitlines():
            if line.lstrip().startswith(":"):
                continue
            prose = INLINE_CODE.sub("x", line)
            found += [f"{line.strip()!r}" for _ in PLAIN_SPACE_IN_FRENCH_PUNCTUATION.finditer(prose)][:1]
    assert not found, f"{translation.page.relative_to(ROOT)}: a plain space in French punctuation:\n" + "\n".join(found)


def test_every_french_page_records_the_english_commit_it_follows():
    for t in french_pages():
        assert t.translated_from, f"{t.page.relative_to(ROOT)}: no translated_from in its front matter"
        exists = subprocess.run(
            ["git", "cat-file", "-e", f"{t.translated_from}^{{commit}}"], cwd=ROOT, capture_output=True
        )
        assert exists.returncode == 0, (
            f"{t.page.relative_to(ROOT)}: translated_from {t.translated_from} is not a commit"
        )
    stale = translations.stale_pages()
    if stale:  # a report, not a failure: the code cells keep the numbers right
        warnings.warn("French pages behind their English twin:\n" + "\n".join(stale), stacklevel=1)


def test_a_french_page_whose_english_twin_changed_is_flagged(tmp_path: Path):
    def git(*args):
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    (tmp_path / "fr").mkdir()
    (tmp_path / "_toc.yml").write_text("format: jb-book\nroot: intro\n")
    (tmp_path / "fr" / "_toc.yml").write_text("format: jb-book\nroot: intro\n")
    (tmp_path / "intro.md").write_text("# Hello\n")
    git("init", "-q")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "add", "-A")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "English")
    sha = subprocess.run(["git", "rev-parse", "HEAD"], cwd=tmp_path, capture_output=True, text=True).stdout.strip()
    (tmp_path / "fr" / "intro.md").write_text(f"---\ntranslated_from: {sha}\n---\n# Bonjour\n")
    assert translations.stale_pages(tmp_path) == []
    (tmp_path / "intro.md").write_text("# Hello, world\n")
    assert translations.stale_pages(tmp_path) == [
        f"fr/intro.md: intro.md changed since {sha[:10]} (git diff {sha[:10]} -- intro.md)"
    ]


GLUE_REFERENCE = re.compile(r"\{glue:(?:text|md|any|)\}`([^`:]+)|```\{glue:figure\}\s+(\S+)")


def glued_names(executed: Path) -> set[str]:
    """The names a page's cells glued in the build, from myst-nb's record beside the executed notebook."""
    return set(json.loads(executed.with_suffix(".glue.json").read_text(encoding="utf-8")))


@pytest.mark.book
def test_every_glue_key_a_french_page_refers_to_exists(built_book: Path):
    missing = []
    for t in french_pages():
        name = t.page.relative_to(FRENCH).with_suffix("")
        referred = {a or b for a, b in GLUE_REFERENCE.findall(t.page.read_text(encoding="utf-8"))}
        if not referred:
            continue
        assert all("::" not in key for key in referred), f"{name}: a cross-document glue is formatted in English"
        glued = glued_names(FRENCH_BUILD / "jupyter_execute" / name.with_suffix(".ipynb"))
        missing += [f"{name}: {key}" for key in sorted(referred - glued)]
    assert not missing, "glue keys no cell of the page glues:\n" + "\n".join(missing)


def french_html(built_book: Path) -> list[Path]:
    return [p for p in book_pages(built_book) if p.relative_to(built_book).parts[0] == "fr"]


@pytest.mark.book
def test_every_french_page_is_in_french_and_links_its_english_twin(built_book: Path):
    pages = french_html(built_book)
    assert len(pages) == len(french_pages())
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert re.search(r'<html[^>]* lang="fr"', html), page
        name = page.relative_to(built_book / "fr")
        twin = built_book / name
        switch = re.search(r'<p class="aiparadox-language"><a href="([^"]+)" hreflang="en" lang="en"', html)
        assert switch, f"{name}: no link to the English page"
        assert (page.parent / switch.group(1)).resolve() == twin.resolve()
        english = twin.read_text(encoding="utf-8")
        back = re.search(r'<p class="aiparadox-language"><a href="([^"]+)" hreflang="fr" lang="fr"', english)
        assert back and (twin.parent / back.group(1)).resolve() == page.resolve(), (
            f"{name}: the English page does not link it"
        )


@pytest.mark.book
def test_english_pages_without_a_french_twin_have_no_language_switch(built_book: Path):
    translated = {t.twin.relative_to(ROOT).with_suffix(".html") for t in french_pages()}
    for page in book_pages(built_book):
        name = page.relative_to(built_book)
        if name.parts[0] != "fr" and name not in translated:
            assert 'class="aiparadox-language"' not in page.read_text(encoding="utf-8"), name


def pasted(page: Path) -> list[str]:
    return re.findall(r'<span class="pasted-text">([^<]*)</span>', page.read_text(encoding="utf-8"))


@pytest.mark.book
def test_glued_numbers_on_french_pages_are_in_french_typography(built_book: Path):
    seen = 0
    for page in french_html(built_book):
        for text in pasted(page):
            seen += 1
            # No English decimal point, nor commas between groups of thousands (U+202F joins them; a comma
            # before three digits alone is a French decimal comma, "1,309") ...
            assert not re.search(r"\d\.\d|\d,\d{3},\d{3}", text.replace(f"{NNBSP}", "")), f"{page.name}: {text!r}"
            # ... and no per cent sign without its narrow no-break space.
            assert not re.search(r"\d%", text), f"{page.name}: {text!r}"
            assert not re.search(r"\d %|\d\u00a0%", text), f"{page.name}: {text!r} (the space before % is U+202F)"
    assert seen


@pytest.mark.book
def test_the_french_and_english_ledgers_give_the_same_verdict_for_every_claim(built_book: Path):
    def verdicts(page: Path) -> dict[str, str]:
        found = re.findall(r'<span class="verdict claim-(C\d\d)">([^<]+)</span>', page.read_text(encoding="utf-8"))
        return {claim: " ".join(word.split()) for claim, word in found}

    english = verdicts(built_book / "chapters" / "ledger.html")
    french = verdicts(built_book / "fr" / "chapters" / "ledger.html")
    assert english and english.keys() == french.keys() == set(ledger.CLAIMS)
    disagree = [
        f"{c}: {english[c]!r} but {french[c]!r}" for c in english if i18n.gettext(english[c], "fr") != french[c]
    ]
    assert not disagree, "\n".join(disagree)
    assert all(french[c] != english[c] or english[c] == i18n.gettext(english[c], "fr") for c in english)


@pytest.mark.book
def test_the_french_search_index_is_built_from_french_text(built_book: Path):
    index = (built_book / "fr" / "searchindex.js").read_text(encoding="utf-8")
    terms = json.loads(index[index.index("(") + 1 : index.rindex(")")])["terms"]
    # The French stemmer: "affirmations" and "affirmation" share the stem "affirm".
    assert {"affirm", "verdict", "pouvoir"} <= set(terms) and "affirmations" not in terms
    # Sphinx's French stemmer serves the search box too, so that a query is stemmed as the index was.
    assert "FrenchStemmer" in (built_book / "fr" / "_static" / "language_data.js").read_text(encoding="utf-8")


# --- text made in Python, in French ------------------------------------------------------------


def test_numbers_days_plurals_and_countries_in_sentences_made_in_python():
    assert i18n.number(4178.2, ",.0f", "fr") == f"4{NNBSP}178" and i18n.number(4178.2, ",.0f", "en") == "4,178"
    assert i18n.number(-0.093, "+.1%", "fr") == f"-9,3{NNBSP}%"
    assert i18n.day("2025-09-29", "fr") == "29 septembre 2025" and i18n.day("2025-10-01", "fr") == "1er octobre 2025"
    assert i18n.day("2025-09-29", "en") == "2025-09-29"  # the English edition shows ISO dates
    # French counts 1.25 billion in the singular, as the whole part is 1; English has one form here.
    forms = [i18n.ngettext("{count} billion", "{count} billion", n, "fr").format(count=n) for n in (1, 1.25, 2, 200)]
    assert forms == ["1 milliard", "1.25 milliard", "2 milliards", "200 milliards"]
    assert i18n.ngettext("{count} billion", "{count} billion", 2, "en") == "{count} billion"
    assert [i18n.country(c, "fr") for c in ("Belgium", "United States", "World", "Old World")] == [
        "Belgique",
        "États-Unis",
        "Monde",
        "Ancien Monde",
    ]
    assert i18n.country("Belgium", "en") == "Belgium"


@pytest.mark.parametrize("claim_id", ["C02", "C06", "C11", "C12", "C13", "C14", "C17", "T1"])
def test_the_evidence_of_the_chapters_claims_is_written_in_french(monkeypatch, claim_id):
    english = ledger.assess(claim_id)
    monkeypatch.setenv("AIPARADOX_LANGUAGE", "fr")
    french = ledger.assess(claim_id)
    assert french.verdict == english.verdict  # the rule does not depend on the language
    assert french.evidence != english.evidence and french.source != english.source
    # French typography: no English decimal point or thousands comma between digits, a space before %.
    assert not re.search(r"\d\.\d|\d,\d{3}\b|\d%", french.evidence), french.evidence
    assert not re.search(r"\b(the|and|with|from|between)\b", french.evidence), french.evidence


def figure_texts(page: Path) -> list[str]:
    """The source lines and notes a page's cells pass to book.figure as literal strings."""
    import ast

    texts = []
    for source, _metadata in code_cells(page):
        try:
            tree = ast.parse(source)
        except SyntaxError:  # a cell with IPython magic
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "figure":
                texts += [
                    k.value.value
                    for k in node.keywords
                    if k.arg in ("source", "note") and isinstance(k.value, ast.Constant)
                ]
    return texts


@pytest.mark.parametrize("translation", french_pages(), ids=lambda t: t.page.relative_to(ROOT).as_posix())
def test_every_figure_source_and_note_of_a_french_page_is_translated(translation):
    catalogue = i18n.catalogue("fr")
    missing = [text for text in figure_texts(translation.twin) if not catalogue.get(text)]
    assert not missing, "mark them with N_ in the topic's charts.py, run `make messages` and translate:\n" + "\n".join(
        missing
    )


def glued_text(executed: Path) -> dict[str, str]:
    """The strings a page's cells glued for {glue:md}, from myst-nb's record beside the executed notebook."""
    record = json.loads(executed.with_suffix(".glue.json").read_text(encoding="utf-8"))
    return {
        name: output["data"]["text/markdown"]
        for name, output in record.items()
        if "text/markdown" in output.get("data", {})
    }


# Glued strings that are the same in both editions because they are names or codes, not words.
SAME_IN_BOTH = re.compile(r"^[\d\\\-–Q ]+$")


@pytest.mark.book
@pytest.mark.parametrize("page", ["radiology", "scale", "gains"])
def test_every_glued_phrase_on_a_french_chapter_is_french(built_book: Path, page: str):
    english = glued_text(ROOT / "_build" / "jupyter_execute" / "chapters" / f"{page}.ipynb")
    french = glued_text(FRENCH_BUILD / "jupyter_execute" / "chapters" / f"{page}.ipynb")
    assert english.keys() == french.keys()
    words = {name for name, text in english.items() if not SAME_IN_BOTH.match(text)}
    untranslated = sorted(name for name in words if french[name] == english[name])
    assert words and not untranslated, f"{page}: glued in English on the French page: {untranslated}"


@pytest.mark.book
def test_french_chapters_show_only_french_verdict_words(built_book: Path):
    french_words = {i18n.gettext(v, "fr") for v in ledger.VERDICTS}
    seen = 0
    for page in french_html(built_book):
        for word in re.findall(r'<span class="verdict claim-\w+">([^<]+)</span>', page.read_text(encoding="utf-8")):
            seen += 1
            assert " ".join(word.split()) in french_words, f"{page.name}: verdict {word!r}"
    assert seen


# --- the texts made in Python for the data page, the guide and the notebooks -------------------


def test_every_translation_keeps_the_placeholders_of_its_message():
    """A translation that drops or renames a {placeholder} would fail on .format() or lose a number."""
    from babel.messages.pofile import read_po

    placeholder = re.compile(r"\{(\w*)[^{}]*\}")
    with i18n.catalogue_path("fr").open("rb") as handle:
        entries = [m for m in read_po(handle, locale="fr") if m.id and m.string and isinstance(m.id, str)]
    differ = [m.id for m in entries if sorted(placeholder.findall(m.id)) != sorted(placeholder.findall(m.string))]
    assert entries and not differ, "translations whose placeholders differ from the English:\n" + "\n".join(differ)


def test_the_data_page_speaks_french_and_links_the_tables_from_the_french_folder(monkeypatch):
    from aiparadox import sources_page

    english = sources_page.markdown()
    monkeypatch.setenv("AIPARADOX_LANGUAGE", "fr")
    french = sources_page.markdown()
    assert "\nPublisher\n: " in english and "\nFields:\n" in english
    assert "\nÉditeur\n: " in french and "\nChamps\u00a0:\n" in french
    assert "\nPublisher\n" not in french and "\nFields:" not in french and " KB;" not in french
    # The size in French typography: "4,7 Ko ;" where English writes "4.7 KB;".
    assert re.search(r"\n\d+\.\d KB; SHA-256", english) and re.search(rf"\n\d+,\d{NNBSP}Ko{NNBSP}; SHA-256", french)
    for edition, page_folder, text in (("en", ROOT / "chapters", english), ("fr", FRENCH / "chapters", french)):
        targets = re.findall(r"\{download\}`[^<`]+<([^>]+)>`", text)
        assert targets, edition
        missing = [t for t in targets if not (page_folder / t).resolve().is_file()]
        assert not missing, f"{edition}: download links that reach no file: {missing}"


def test_the_guides_tables_speak_french(monkeypatch):
    from aiparadox import guide

    monkeypatch.setenv("AIPARADOX_LANGUAGE", "fr")
    overview = guide.overview_markdown()
    assert overview.startswith("| Chapitre | Initiation | Intermédiaire | Avancé | Rédigée |")
    assert "| aucun |" in overview and "none" not in overview
    hints = guide.hints_markdown()
    assert hints.startswith("| Exercice | Niveau | Points | L'indice (replié) |")
    assert re.search(r"\| (initiation|intermédiaire|avancé) \| \d \|", hints) and "| introductory |" not in hints
    assert guide.feedback_markdown().startswith("| Exercice | Erreur | Ce que dit la vérification |")


def test_the_check_speaks_the_language_of_the_notebook_that_runs_it(monkeypatch):
    from aiparadox import answer_key, exercises

    label = next(iter(exercises.registered()))
    key = answer_key.key(label)
    assert exercises.assess(label, None, name="Exercise 1.1", key=key)[1].startswith("Exercise 1.1: no answer yet.")
    monkeypatch.setenv("AIPARADOX_LANGUAGE", "fr")
    right, said = exercises.assess(label, object(), name="Exercice 1.1", key=key)
    assert not right and said.startswith("Exercice 1.1\u00a0: pas encore")
    assert exercises.assess(label, None, name="Exercice 1.1", key=key)[1].startswith(
        "Exercice 1.1\u00a0: pas encore de réponse."
    )


def test_a_french_notebook_says_its_first_lines_in_french_and_keeps_its_language(monkeypatch):
    from aiparadox import notebooks

    english = notebooks.bootstrap("abc1234")
    assert english.startswith("# Run this cell first.") and "os.environ" not in english
    with i18n.speaking("fr"):
        french = notebooks.bootstrap("abc1234")
        names = notebooks.exercise_names(FRENCH)
    assert french.startswith("# Exécutez d'abord cette cellule.")
    assert 'os.environ["AIPARADOX_LANGUAGE"] = "fr"\n\nfrom aiparadox import copies' in french
    assert "ModuleNotFoundError(\"aiparadox n'est pas installé" in french

    # The same code as the English cell's, but for the comment, the message and the language.
    def code(cell: str) -> list[str]:
        return [
            line
            for line in cell.splitlines()
            if line.strip() and not line.startswith("#") and "ModuleNotFound" not in line
        ]

    assert code(english) == [line for line in code(french) if not line.startswith(("import os", "os.environ"))]
    assert all(name.startswith("Exercice ") for name in names.values())
    assert "AIPARADOX_LANGUAGE" not in __import__("os").environ


# --- the chapters' own text made in Python ----------------------------------------------------

# The chapters whose facts, evidence, hints and feedback are translated (the other chapters add
# themselves here once their topic's messages are in the catalogue).
TRANSLATED_CHAPTERS = ("top500", "bls", "imf")
# Words that only an English sentence has, and an English month with its year: none may reach a
# translated chapter's French page through a glued string (names such as "Future of Work Report" or
# "Software Company" have none; a report's date in its title, "(January 2025)", is part of its name).
ENGLISH_WORDS = re.compile(
    r"\b(the|and|was|were|which|that|thousand)\b|(?<!\()\b(January|February|March|April|May|June|July|August"
    r"|September|October|November|December) \d{4}"
)


def chart_words(spec) -> list[str]:
    """What a chart says in words: its description and every title (axes, legends, tooltips)."""
    if isinstance(spec, dict):
        found = [spec[key] for key in ("description", "title") if isinstance(spec.get(key), str)]
        # A title of several lines is a list of them.
        if isinstance(spec.get("title"), list):
            found += [line for line in spec["title"] if isinstance(line, str)]
        return found + [word for value in spec.values() for word in chart_words(value)]
    return [word for value in spec for word in chart_words(value)] if isinstance(spec, list) else []


def glued_texts(executed: Path) -> dict[str, str]:
    """The strings a page's cells glued in the build (Markdown or text), and what each figure says in
    words (its description and titles), by name; numbers left out."""
    record = json.loads(executed.with_suffix(".glue.json").read_text(encoding="utf-8"))
    texts = {}
    for name, output in record.items():
        data = output.get("data", {})
        if "text/markdown" in data:
            markdown = data["text/markdown"]
            texts[name] = "".join(markdown) if isinstance(markdown, list) else markdown
        for mime, spec in data.items():
            if "vegalite" in mime:
                texts[name] = " | ".join(chart_words(spec))
    return texts


@pytest.mark.book
@pytest.mark.parametrize("chapter", TRANSLATED_CHAPTERS)
def test_a_translated_chapter_glues_no_english_sentence(built_book: Path, chapter: str):
    glued = glued_texts(FRENCH_BUILD / "jupyter_execute" / "chapters" / f"{chapter}.ipynb")
    assert glued, f"{chapter}: the French build glued no text"
    english = {name: text for name, text in glued.items() if ENGLISH_WORDS.search(text)}
    assert not english, f"{chapter}: English text glued on the French page:\n" + "\n".join(
        f"{name}: {text[:200]}" for name, text in english.items()
    )


@pytest.mark.book
@pytest.mark.parametrize("chapter", TRANSLATED_CHAPTERS)
def test_a_translated_chapter_shows_french_verdicts_only(built_book: Path, chapter: str):
    html = (built_book / "fr" / "chapters" / f"{chapter}.html").read_text(encoding="utf-8")
    shown = re.findall(r'<span class="verdict claim-C\d\d">([^<]+)</span>', html)
    assert shown, f"{chapter}: no verdict on the French page"
    french = {i18n.gettext(v, "fr") for v in ledger.VERDICTS}
    assert {" ".join(v.split()) for v in shown} <= french, shown


def test_numbers_inside_python_made_text_follow_the_editions_typography():
    import numpy as np

    assert i18n.number(np.float64(0.2904), ".1%", "fr") == f"29,0{NNBSP}%"
    assert i18n.number(np.float64(0.2904), ".1%", "en") == "29.0%"
    assert i18n.number(np.int64(4178), ",d", "fr") == f"4{NNBSP}178"
    assert i18n.number(54.0, "+.0f", "fr") == "+54"


def test_the_chapters_name_months_editions_and_countries_in_the_editions_language(monkeypatch):
    from aiparadox.topics.bls import facts as bls
    from aiparadox.topics.imf import facts as imf
    from aiparadox.topics.top500 import facts as top500

    monkeypatch.setenv("AIPARADOX_LANGUAGE", "en")
    english = (bls.from_to(bls.month_name("2023-12"), bls.month_name("2024-01")), top500.edition_name("2025-11"))
    assert english == ("December 2023 to January 2024", "2025-11")  # the English edition's own forms
    assert imf.country_name("CHN", "China") == "China"
    assert bls.day_in_words("19 November 2025") == "19 November 2025"
    monkeypatch.setenv("AIPARADOX_LANGUAGE", "fr")
    french = (bls.from_to(bls.month_name("2023-12"), bls.month_name("2024-01")), top500.edition_name("2025-11"))
    assert french == ("entre décembre 2023 et janvier 2024", "novembre 2025")
    assert imf.country_name("CHN", "China") == "Chine"
    assert bls.day_in_words("19 November 2025") == "19 novembre 2025"
