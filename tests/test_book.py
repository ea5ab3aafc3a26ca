"""The built book: strict build, no broken internal link, nothing loaded from another host, and
the size budgets (every page's HTML at most 120 KB, every chart's spec at most 50 KB)."""

from __future__ import annotations

import re
import shutil
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from aiparadox.paths import ROOT

from .conftest import BUILD_COMMAND, book_pages, jupyter_book

pytestmark = pytest.mark.book

PAGE_BUDGET = 120 * 1024
SPEC_BUDGET = 50 * 1024


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[tuple[str, str]] = []  # (tag/attribute, url)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and "name" in attrs:
            self.ids.add(attrs["name"])
        for attribute in ("href", "src"):
            if attrs.get(attribute):
                self.links.append((f"{tag}[{attribute}]", attrs[attribute]))


def _parse(page: Path) -> _Collector:
    collector = _Collector()
    collector.feed(page.read_text(encoding="utf-8"))
    return collector


def test_the_book_has_its_pages(built_book: Path):
    names = {p.relative_to(built_book).as_posix() for p in book_pages(built_book)}
    assert {"intro.html", "chapters/top500.html", "chapters/data-and-sources.html"} <= names


def test_no_broken_internal_link(built_book: Path):
    parsed = {page: _parse(page) for page in book_pages(built_book)}
    broken = []
    for page, collector in parsed.items():
        for where, url in collector.links:
            parts = urlsplit(url)
            if parts.scheme or url.startswith(("//", "data:")):
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if not target.exists():
                broken.append(f"{page.relative_to(built_book)}: {where} {url} (no such file)")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else _parse(target).ids
                if parts.fragment not in ids:
                    broken.append(f"{page.relative_to(built_book)}: {url} (no anchor #{parts.fragment})")
    assert not broken, "\n".join(broken)


def test_nothing_is_loaded_from_another_host(built_book: Path):
    external = []
    for page in book_pages(built_book):
        html = page.read_text(encoding="utf-8")
        for tag in re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", html):
            if re.search(r"""\b(?:src|href)=["'](?:https?:)?//""", tag) and 'rel="canonical"' not in tag:
                external.append(f"{page.relative_to(built_book)}: {tag}")
    assert not external, "\n".join(external)


# Hosts on which the stored material found copies of a publisher's page, as its notes say: the
# Christian Post's article ("mirror"), CNBC's ("reproduced at"), NVIDIA's blog post ("as
# reproduced at"), the article itself, the Works in Progress essay ("re-post") and a Mint report
# ("Mint-syndicated"). A reader is sent to the publisher, or given no link; the data's provenance
# may still name the copy it read, as text.
MIRROR_HOSTS = (
    "b5iptu270.asia",
    "dunyanews.tv",
    "vainsoftgames.com",
    "smartappnet.net",
    "sipoch.com",
    "gokawiil.com",
    "kaik.ai",
)


def _on_mirror(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return any(host == mirror or host.endswith("." + mirror) for mirror in MIRROR_HOSTS)


def test_no_link_points_at_a_copy_of_a_publishers_page(built_book: Path):
    found = []
    for page in book_pages(built_book):
        html = page.read_text(encoding="utf-8")
        links = [url for _, url in _parse(page).links]
        # Addresses inside chart specs and their data (tooltips, downloads) are links a reader can follow too.
        links += re.findall(r"https?(?::|%3A)(?://|%2F%2F)[^\s\"'<>,)]+", html, re.I)
        found += [f"{page.relative_to(built_book)}: {url}" for url in links if _on_mirror(unquote(url))]
    assert not found, "\n".join(found)


def test_the_mirror_check_recognises_a_mirror_and_spares_the_publisher():
    assert _on_mirror("https://245798.b5iptu270.asia/news/at-least-a-third.html?mobile=true")
    assert _on_mirror("https://vainsoftgames.com/article/18042")
    assert not _on_mirror("https://www.christianpost.example/news/at-least-a-third.html")
    assert not _on_mirror("https://www.bls.gov/oes/")


def test_pages_and_chart_specs_stay_within_budget(built_book: Path):
    over = []
    for page in book_pages(built_book):
        size = len(page.read_bytes())
        if size > PAGE_BUDGET:
            over.append(f"{page.relative_to(built_book)}: {size / 1024:.1f} KB")
    # The spec a chart fetches when it becomes interactive (aiparadox.static_charts).
    specs = sorted((built_book / "_charts").glob("*.json"))
    for spec in specs:
        if spec.stat().st_size > SPEC_BUDGET:
            over.append(f"{spec.relative_to(built_book)}: a chart spec of {spec.stat().st_size / 1024:.0f} KB")
    assert specs
    assert not over, "\n".join(over)


def test_the_vega_bundle_is_served_by_the_book(built_book: Path):
    bundle = built_book / "_static" / "vega-bundle.js"
    assert bundle.stat().st_size > 100_000
    assert "vegaEmbed" in bundle.read_text(encoding="utf-8")[-2000:]


def test_a_changed_static_file_reaches_a_warm_rebuild_and_its_checksum(tmp_path: Path, monkeypatch):
    """Sphinx copies static files, and writes each page's ``?v=`` checksum of them, only when it writes
    a page: a warm rebuild after a change to aiparadox/static/ alone left the old file. A small site
    with the book's extension and a copy of its static folder is built, warm-built, changed, built."""
    from sphinx.application import Sphinx
    from sphinx.builders.html._assets import _file_checksum

    from aiparadox import sphinxext
    from aiparadox.environment import BUILD_ENV, LANGUAGE_ENV

    # The extension tells notebook kernels they run in a build: this process is one only meanwhile.
    monkeypatch.setenv(BUILD_ENV, "")
    monkeypatch.setenv(LANGUAGE_ENV, "")
    static = tmp_path / "static"
    shutil.copytree(sphinxext.STATIC_DIR, static)
    monkeypatch.setattr(sphinxext, "STATIC_DIR", static)
    source = tmp_path / "site"
    source.mkdir()
    (source / "conf.py").write_text('extensions = ["aiparadox.sphinxext"]\n', encoding="utf-8")
    (source / "index.rst").write_text("A page\n======\n\nIts text.\n", encoding="utf-8")
    out, page = tmp_path / "_build" / "html", tmp_path / "_build" / "html" / "index.html"

    def build() -> None:
        Sphinx(source, source, out, tmp_path / "_build" / "doctrees", "html", status=None, warning=None).build()

    def checksum_on_page() -> str:
        return re.search(r'_static/aiparadox\.css\?v=(\w+)"', page.read_text(encoding="utf-8")).group(1)

    build()
    first = page.stat().st_mtime_ns
    build()
    assert page.stat().st_mtime_ns == first, "a rebuild that changed nothing wrote the page again"
    before = checksum_on_page()
    changed = (static / "aiparadox.css").read_text(encoding="utf-8") + "\n.aiparadox-test-rule { color: red; }\n"
    (static / "aiparadox.css").write_text(changed, encoding="utf-8")
    build()
    assert (out / "_static" / "aiparadox.css").read_text(encoding="utf-8") == changed
    assert checksum_on_page() == _file_checksum(out, "_static/aiparadox.css") != before


# Identifiers that contain digits but are names, not numbers.
NAMES_WITH_DIGITS = r"A-\d+|TOP500|TOP100|SHA-256|C\d\d|A64FX|LX2|SW26010|MI\d+A?|[GH]B?\d00|H\d00|A\d00|V100|P100|3\.11|AI_PI|29-1224|29-1210|LNU\d+|CES\d+"


def prose_lines(page: Path):
    """(line number, text) of the prose of a MyST notebook: outside code cells and front matter,
    with roles, inline code, links and directive options removed."""
    stack: list[str] = []
    lines = page.read_text(encoding="utf-8").splitlines()
    start = 0
    if lines and lines[0] == "---":
        start = lines.index("---", 1) + 1
    for number, line in enumerate(lines[start:], start + 1):
        fence = re.match(r"^(`{3,}|~{3,})\s*(\{([\w:-]+)\})?", line)
        if fence:
            if fence.group(2):
                stack.append(fence.group(3))
            elif stack:
                stack.pop()
            continue
        # Code, target labels "(name)=" and directive options ":name: value" are not prose.
        if "code-cell" in stack or re.match(r"^\([\w-]+\)=\s*$", line) or re.match(r"^:[\w-]+:", line):
            continue
        prose = re.sub(r"\{[\w:-]+\}`[^`]*`", "", line)
        prose = re.sub(r"`[^`]*`", "", prose)
        prose = re.sub(r"\[[^\]]*\]\([^)]*\)|<https?://[^>]+>", "", prose)
        prose = re.sub(rf"\b(?:{NAMES_WITH_DIGITS})\b", "", prose)
        yield number, prose


def test_every_number_in_the_prose_is_glued_not_typed():
    """A digit left in the prose is a typed number. Years that name an event ("the forum of
    November 2025") are allowed; quantities are not."""
    offenders = []
    french = [ROOT / "fr" / "intro.md", *sorted((ROOT / "fr" / "chapters").glob("*.md"))]
    for page in [ROOT / "intro.md", *sorted((ROOT / "chapters").glob("*.md")), *french]:
        for number, prose in prose_lines(page):
            prose = re.sub(r"\b(?:19|20)\d\d\b", "", prose)
            if re.search(r"\d", prose):
                offenders.append(f"{page.relative_to(ROOT)}:{number}: {prose.strip()}")
    assert not offenders, "numbers typed into prose:\n" + "\n".join(offenders)


def test_a_failing_cell_fails_the_build(tmp_path: Path):
    book = tmp_path / "book"
    book.mkdir()
    shutil.copy(ROOT / "_config.yml", book / "_config.yml")
    (book / "_toc.yml").write_text("format: jb-book\nroot: intro\n")
    (book / "intro.md").write_text(
        "---\njupytext:\n  text_representation:\n    format_name: myst\n"
        "kernelspec:\n  display_name: Python 3\n  language: python\n  name: python3\n---\n\n"
        "# A page\n\n```{code-cell} ipython3\nraise RuntimeError('this cell fails on purpose')\n```\n"
    )
    result = jupyter_book(*BUILD_COMMAND[1:], cwd=book)
    assert result.returncode != 0
    assert "Executing notebook failed" in result.stdout + result.stderr
    log = (book / "_build" / "html" / "reports" / "intro.err.log").read_text()
    assert "this cell fails on purpose" in log


def test_launch_buttons_open_the_published_notebooks_of_the_pages_edition(built_book: Path):
    """An English page opens notebooks/chapters/x.ipynb; its French twin, notebooks/fr/chapters/x.ipynb
    (the French copy make notebooks writes), never the English one; its download is the French copy."""
    import nbformat

    from aiparadox.environment import LANGUAGE_ENV
    from aiparadox.notebooks import chapters
    from aiparadox.paths import REPOSITORY

    owner_repo = REPOSITORY.removeprefix("https://github.com/")
    for edition, root in (("", ROOT), ("fr/", ROOT / "fr")):
        for page in chapters(root):
            name = page.relative_to(root).with_suffix("")
            html = (built_book / edition / name.with_suffix(".html")).read_text(encoding="utf-8")
            notebook = f"{edition}{name}.ipynb"
            assert f"https://colab.research.google.com/github/{owner_repo}/blob/notebooks/{notebook}" in html, notebook
            assert f"https://mybinder.org/v2/gh/{owner_repo}/notebooks?urlpath=lab/tree/{notebook}" in html, notebook
            if edition:
                assert f"/blob/notebooks/{name}.ipynb" not in html and f"lab/tree/{name}.ipynb" not in html, notebook
                # The download button's copy is the French page's: its first cell sets the French language.
                download = nbformat.read(built_book / edition / "_sources" / name.with_suffix(".ipynb"), as_version=4)
                assert f'os.environ["{LANGUAGE_ENV}"] = "fr"' in download.cells[0].source, notebook


def test_the_repository_address_is_the_same_everywhere():
    import yaml

    from aiparadox.paths import BRANCH, PAGES_URL, REPOSITORY

    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    assert config["repository"]["url"] == REPOSITORY and config["repository"]["branch"] == BRANCH
    assert config["html"]["baseurl"] == PAGES_URL == config["sphinx"]["config"]["ogp_site_url"]
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    assert citation["repository-code"] == REPOSITORY and citation["url"] == PAGES_URL
    book = citation["preferred-citation"]
    assert book["repository-code"] == REPOSITORY and book["url"] == PAGES_URL
    footer_links = re.findall(r'href="([^"]+)"', config["html"]["extra_footer"])
    assert f"{REPOSITORY}/blob/{BRANCH}/LICENSE" in footer_links
    assert (
        f"{PAGES_URL}chapters/data-and-sources.html" in footer_links
        and (ROOT / "chapters/data-and-sources.md").exists()
    )


def test_every_page_states_the_licences_in_its_footer(built_book: Path):
    for page in book_pages(built_book):
        footer = page.read_text(encoding="utf-8").partition('<div class="extra_footer">')[2].partition("</div>")[0]
        text = " ".join(unescape(re.sub(r"<[^>]+>", " ", footer)).split())
        if page.relative_to(built_book).parts[0] == "fr":
            assert "Texte et figures : CC BY 4.0" in text and "Code : MIT" in text, f"{page.name}: {text!r}"
            assert 'rel="license" href="https://creativecommons.org/licenses/by/4.0/deed.fr"' in footer
        else:
            assert "Text and figures: CC BY 4.0" in text and "Code: MIT" in text, f"{page.name}: {text!r}"
            assert 'rel="license" href="https://creativecommons.org/licenses/by/4.0/"' in footer


def verdicts_shown(page: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    html = page.read_text(encoding="utf-8")
    for claim, verdict in re.findall(r'<span class="verdict claim-(C\d\d)">([^<]+)</span>', html):
        found.setdefault(claim, []).append(" ".join(verdict.split()))
    return found


def test_chapters_and_ledger_show_the_verdicts_the_chapters_computed(built_book: Path):
    from aiparadox import ledger

    computed = {a.claim.id: a for a in ledger.assessments()}
    # The English edition; the French one is compared with it in test_french.py.
    shown = {
        page: verdicts_shown(page) for page in book_pages(built_book) if page.relative_to(built_book).parts[0] != "fr"
    }
    problems = []
    for claim, assessment in computed.items():
        chapter_page = built_book / f"{assessment.chapter}.html"
        on_chapter = shown.get(chapter_page, {}).get(claim)
        if on_chapter != [assessment.verdict]:
            problems.append(
                f"{claim}: its chapter {assessment.chapter} shows {on_chapter}, computed {assessment.verdict!r}"
            )
        everywhere = {v for page in shown.values() for v in page.get(claim, [])}
        if everywhere != {assessment.verdict}:
            problems.append(f"{claim}: pages disagree: {sorted(everywhere)}")
        if shown.get(built_book / "chapters" / "ledger.html", {}).get(claim) != [assessment.verdict]:
            problems.append(f"{claim}: the ledger page does not show {assessment.verdict!r}")
    assert computed and not problems, "\n".join(problems)


def test_the_downloadable_notebooks_run_on_their_own(built_book: Path):
    import nbformat

    from aiparadox.jupyter_markdown import leftovers
    from aiparadox.notebooks import bootstrap, chapters

    for page in chapters():
        path = built_book / "_sources" / page.relative_to(ROOT).with_suffix(".ipynb")
        notebook = nbformat.read(path, as_version=4)
        # The commit the page was last written at (a warm rebuild that writes nothing keeps it).
        made_from = re.search(r'made_from="([0-9a-f]{40})"', notebook.cells[0].source)
        assert made_from and notebook.cells[0].source == bootstrap(made_from[1]), path
        # Only the cells whose output is all the page shows (their code folded) come rendered.
        for cell in notebook.cells:
            if cell.cell_type == "code" and cell.get("outputs"):
                assert cell.metadata["jupyter"]["source_hidden"], (path, cell.source)
            if cell.cell_type == "markdown":
                assert not leftovers(cell.source), (path, leftovers(cell.source))
