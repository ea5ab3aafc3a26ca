"""Sphinx extension: the book's charts drawn at build time, and its pages light before any interaction.

* turns each chart the notebooks left on a page into its static-first block (SVG drawings, table,
  sources, files in ``_charts/``: :mod:`aiparadox.static_charts`), for every builder, the
  single page that becomes the PDF included;
* writes the vega + vega-lite + vega-embed bundle produced by vl-convert (pinned in
  requirements.txt) into the build's static files, so no script is fetched from another host
  and no third-party JavaScript is committed; ``aiparadox-charts.js`` (a module script: as a
  classic script the bundle's top-level names would collide with the theme's) loads it only when
  a reader first interacts with a page that has a chart;
* replaces the theme's 1.5 MB ``fontawesome.js`` and its fonts by a stylesheet of the few icons
  it draws (:mod:`aiparadox.icons`), defers the scripts that held up the first paint, and cuts
  the theme's stylesheets to the rules a page can match (:mod:`aiparadox.theme_css`);
* tells the notebook kernels they run inside a book build (see :func:`aiparadox.book.in_book_build`),
  and in which language (see :mod:`aiparadox.i18n`);
* in the French edition (``language: fr``, built from ``fr/``), shows ``{glue:text}`` numbers in
  French typography (:mod:`aiparadox.typography`) and copies the built pages into the English
  edition's ``fr/`` folder; in both, links each page to its twin in the other language.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

from sphinx.application import Sphinx

from .environment import BUILD_ENV, LANGUAGE_ENV
from .paths import ROOT

STATIC_DIR = Path(__file__).parent / "static"
TEMPLATES_DIR = Path(__file__).parent / "templates"
BUNDLE_NAME = "vega-bundle.js"
BLOCKING_SCRIPT = re.compile(r"<script (src=\"[^\"]+\"></script>)")
FONTAWESOME_SCRIPT = re.compile(r'\s*<script\b[^>]*\bsrc="[^"]*/fontawesome\.js[^"]*"[^>]*>\s*</script>')
# What the theme's head loads on every page for its search-as-you-type: the whole search index.
INLINE_SEARCH_SCRIPT = re.compile(
    r'\s*<script\b[^>]*\bsrc="[^"]*(?:_static/searchtools|_static/language_data|searchindex)\.js[^"]*"[^>]*>\s*</script>'
)


def vega_bundle(cache_dir: Path) -> Path:
    """The bundle for the installed vl-convert, generated once per version and reused."""
    import vl_convert

    folder = cache_dir / f"vl-convert-{vl_convert.__version__}"
    bundle = folder / BUNDLE_NAME
    if not bundle.exists():
        folder.mkdir(parents=True, exist_ok=True)
        partial = bundle.with_suffix(".partial")
        partial.write_text(vl_convert.javascript_bundle(), encoding="utf-8")
        os.replace(partial, bundle)
    return folder


def _builder_inited(app: Sphinx) -> None:
    app.aiparadox_written_pages = set()
    if app.builder.format == "html":
        cache = Path(app.doctreedir).parent / "aiparadox-static"
        from . import icons

        static = [STATIC_DIR, vega_bundle(cache), icons.write_stylesheet(cache)]
        app.config.html_static_path.extend(str(folder) for folder in static)
        if not app.config.html_favicon:
            app.config.html_favicon = str(STATIC_DIR / "favicon.svg")
        filters = app.builder.templates.environment.filters
        filters["aiparadox_without_fontawesome"] = without_fontawesome
        filters["aiparadox_deferred"] = deferred
        filters["aiparadox_without_inline_search"] = without_inline_search


def deferred(markup: str) -> str:
    """The theme's search scripts (templates/layout.html applies this) run after the page is parsed,
    instead of holding up its first paint: searching needs them only once the reader searches."""
    from markupsafe import Markup

    def defer(script: re.Match) -> str:
        immediate = script.group(1).split('"')[1].split("?")[0].endswith(IMMEDIATE_SCRIPTS)
        return script.group(0) if immediate else f"<script defer {script.group(1)}"

    return Markup(BLOCKING_SCRIPT.sub(defer, str(markup)))


def without_inline_search(markup: str, search_as_you_type: object) -> str:
    """The theme's head (templates/layout.html applies this) without the search scripts it loads on
    every page for search-as-you-type, which is off: the search index (65 KB, parsed and run on
    every visit) is used only by the search page, which loads its own. With it on, they are deferred."""
    from markupsafe import Markup

    if str(search_as_you_type).lower() in ("true", "1"):
        return deferred(markup)
    return Markup(INLINE_SEARCH_SCRIPT.sub("", str(markup)))


# Scripts that the page's inline scripts use as they run ("DOCUMENTATION_OPTIONS.pagename = ...").
IMMEDIATE_SCRIPTS = ("documentation_options.js",)


def _deferred_scripts(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """Sphinx and the theme's extensions load their scripts in <head>: each one stops the page from
    being parsed and painted until it has run, though none draws anything the first paint needs
    (they wait for DOMContentLoaded, which deferred scripts still precede, in their order)."""
    from sphinx.builders.html._assets import _JavaScript

    scripts = []
    for script in context.get("script_files", []):
        attributes = dict(getattr(script, "attributes", {}))
        filename = str(getattr(script, "filename", "") or "")
        blocking = filename and not ({"defer", "async"} & set(attributes)) and attributes.get("type") != "module"
        if blocking and not filename.endswith(IMMEDIATE_SCRIPTS):
            script = _JavaScript(filename, priority=script.priority, **attributes, defer="defer")
        scripts.append(script)
    context["script_files"] = scripts


def without_fontawesome(markup: str) -> str:
    """The theme's head without its Font Awesome script (templates/layout.html applies this): the
    icons it would draw are in aiparadox-icons.css."""
    from markupsafe import Markup

    return Markup(FONTAWESOME_SCRIPT.sub("", str(markup)))


def _book(app: Sphinx):
    """Title, address and data package of the book, read once per build process."""
    if getattr(app, "aiparadox_book", None) is None:
        from . import static_charts
        from .paths import DATA_DIR

        descriptor = json.loads((DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))
        url = app.config.html_baseurl or ""
        app.aiparadox_book = static_charts.Book(
            title=app.config.html_title or app.config.project,
            url=url if not url or url.endswith("/") else url + "/",
            resources={r["name"]: r for r in descriptor["resources"]},
            language=app.config.language or "en",
        )
    return app.aiparadox_book


def _static_charts(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """Every chart placeholder of the page becomes its drawn, tabbed, sourced block."""
    body = context.get("body")
    if not body or 'class="aiparadox-chart-spec"' not in body:
        return
    from . import static_charts

    pathto = context["pathto"]
    place = static_charts.Placement(
        pagename=pagename,
        outdir=Path(app.outdir),
        cache_dir=Path(app.doctreedir).parent / "aiparadox-charts",
        link=lambda target: pathto(target, 1),
    )
    context["body"] = static_charts.rewrite(body, _book(app), place)


def _drop_thebe_scripts(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """sphinx-thebe (always loaded by Jupyter Book) declares its configuration, including a CDN URL
    for thebe, in an inline script that Jupyter Book adds twice: "Identifier 'THEBE_JS_URL' has
    already been declared". The book does not offer live code, so the scripts go."""
    scripts = context.get("script_files", [])
    context["script_files"] = [
        s
        for s in scripts
        if "sphinx-thebe" not in str(s) and "THEBE_JS_URL" not in getattr(s, "attributes", {}).get("body", "")
    ]


def inputs_fingerprint(language: str = "en") -> str:
    """SHA-256 over what notebook outputs depend on besides their own text: data, package code, its
    message catalogues, and the edition's language."""
    import hashlib

    from .paths import DATA_DIR

    package = Path(__file__).parent
    digest = hashlib.sha256(f"language={language}\n".encode())
    for path in sorted(
        [*DATA_DIR.glob("*.csv"), DATA_DIR / "datapackage.json", *package.rglob("*.py"), *package.rglob("*.po")]
    ):
        if path.exists():
            digest.update(path.relative_to(path.parents[1]).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def static_fingerprint() -> str:
    """SHA-256 over the static files the extension serves: its own (aiparadox/static/) and the vega
    bundle's version (the bundle is generated from it). A changed file changes the HTML builder's
    configuration hash (``aiparadox_static_fingerprint``), so every page is written again: with no
    page to write, Sphinx would copy no static file, and each page's ``?v=`` checksum of a file is
    computed as the page is written."""
    import hashlib

    import vl_convert

    digest = hashlib.sha256(f"vl-convert={vl_convert.__version__}\n".encode())
    for path in sorted(p for p in STATIC_DIR.rglob("*") if p.is_file()):
        digest.update(path.relative_to(STATIC_DIR).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


# Beside the execution cache in _build/. A warm start needs both: without this stamp, the restored
# cache is taken for stale and deleted (the CI workflow caches the two together).
FINGERPRINT_NAME = "aiparadox-inputs.sha256"


def _fingerprint_file(app: Sphinx) -> Path:
    return Path(app.outdir).parent / FINGERPRINT_NAME


def _config_inited(app: Sphinx, config) -> None:
    """Jupyter Book caches executed notebooks by their own text only; when the data or the package
    change, the cached outputs (numbers, charts) are stale. Then the cache goes and every page is
    read again.

    First, one build at a time: a second ``make book`` in the same folder waits for the lock of
    ``_build/`` (it would otherwise delete or lock the execution cache under the first). And the
    data are checked once here, so that a damaged ``data/`` stops the build with one line naming
    the file instead of a failing cell on every page."""
    import shutil
    from contextlib import ExitStack

    from . import swap
    from .datapackage import DataError, finish_interrupted_refresh, verify
    from .paths import DATA_DIR

    build_dir = Path(app.outdir).parent
    app.aiparadox_lock = ExitStack()
    waiting = "another build of this book is running (pid {pid}); waiting"
    app.aiparadox_lock.enter_context(swap.lock(build_dir, wait_message=waiting))
    language = config.language or "en"
    stamp = _fingerprint_file(app)
    try:
        # Without any data/ (a chapter built outside the repository) the loader has its own way.
        if DATA_DIR.exists():
            finish_interrupted_refresh(DATA_DIR)  # it can change data/: before the fingerprint
        try:
            fingerprint = inputs_fingerprint(language)
        except OSError:
            fingerprint = None  # a file that cannot be read: the full check names it
        # The stamp is written only by a build that passed this check, over these very bytes (data,
        # descriptor and package code): then the check is not made again, which was a third of a
        # warm rebuild. Any change to them, one byte of a table included, makes the full check.
        verified = fingerprint is not None and stamp.exists() and stamp.read_text().strip() == fingerprint
        if DATA_DIR.exists() and not verified:
            verify(DATA_DIR)
        if fingerprint is None:
            try:
                fingerprint = inputs_fingerprint(language)
            except OSError as exc:
                raise DataError(f"{exc.filename}: cannot be read ({exc.strerror or exc})") from None
    except DataError as exc:
        # An ExtensionError would come back wrapped in two tracebacks by Jupyter Book: one line, exit.
        print(f"aiparadox: the book's data cannot be used: {' '.join(str(exc).split())}", file=sys.stderr)
        raise SystemExit(2) from None
    shutil.rmtree(Path(app.outdir) / REPORTS, ignore_errors=True)

    os.environ[LANGUAGE_ENV] = language
    if language == "fr":
        app.add_role_to_domain("glue", "text", _french_paste_text_role(), override=True)
    # Read by the HTML builder when it starts, after this event.
    config.aiparadox_static_fingerprint = static_fingerprint()
    app.aiparadox_fingerprint = fingerprint
    app.aiparadox_inputs_changed = not verified
    if app.aiparadox_inputs_changed:
        shutil.rmtree(Path(app.outdir).parent / ".jupyter_cache", ignore_errors=True)


def _templates(app: Sphinx, config) -> None:
    """The book's layout.html (the theme's, less its Font Awesome script); Sphinx reads the
    templates path when the builder starts, so it is set when the configuration is read."""
    if str(TEMPLATES_DIR) not in config.templates_path:
        config.templates_path.append(str(TEMPLATES_DIR))


def _outdated(app: Sphinx, env, added, changed, removed) -> list[str]:
    return sorted(env.found_docs) if app.aiparadox_inputs_changed else []


def _build_finished(app: Sphinx, exception) -> None:
    try:
        for line in data_errors(Path(app.outdir) / REPORTS):
            print(line, file=sys.stderr)
        if exception is None:
            _fingerprint_file(app).write_text(app.aiparadox_fingerprint + "\n")
            if app.builder.format == "html":
                _downloadable_notebooks(app)
                from . import theme_css

                theme_css.cut_theme_stylesheets(
                    Path(app.outdir), Path(app.doctreedir).parent / "aiparadox-static" / "theme-css"
                )
            if app.builder.name == "html" and app.config.aiparadox_edition_dir:
                _publish_edition(app)
    finally:
        app.aiparadox_lock.close()


# Where myst-nb writes the traceback of a notebook that failed (one <page>.err.log each).
REPORTS = "reports"
DATA_ERROR = re.compile(r"^(?:\x1b\[[0-9;]*m)*(?:aiparadox\.\w+\.)?(?:DataError|FetchError)(?:\x1b\[[0-9;]*m)*: (.+)$")
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def data_errors(reports: Path) -> list[str]:
    """One line per page whose notebook stopped on a DataError: the page and the error's message.
    The build's warnings only say that a notebook failed; the cause is in the report."""
    lines = []
    for report in sorted(reports.rglob("*.err.log")) if reports.is_dir() else []:
        for text in report.read_text(encoding="utf-8", errors="replace").splitlines():
            match = DATA_ERROR.match(text.strip())
            if match:
                page = report.relative_to(reports).as_posix().removesuffix(".err.log")
                lines.append(f"aiparadox: {page} stopped on a data error: {ANSI.sub('', match.group(1)).strip()}")
                break
    return lines


def _record_written_page(app: Sphinx, pagename, templatename, context, doctree) -> None:
    app.aiparadox_written_pages.add(pagename)


def _downloadable_notebooks(app: Sphinx) -> None:
    """The theme's "download .ipynb" offers the executed notebook, which needs this repository
    around it and shows raw MyST. Offer instead the copy that runs anywhere and reads like the page
    (aiparadox.notebooks: numbers written in, links to the online book, installs its commit).

    Sphinx copies a page's source into _sources/ only when it writes the page, so only the pages
    written by this build need a new copy: converting every chapter on a warm rebuild that writes
    nothing was most of what that rebuild cost beyond the bare toolchain (make bench). Parallel
    writers record pages in other processes, so then every chapter is converted."""
    written = app.aiparadox_written_pages
    if not written and app.parallel <= 1:
        return
    import nbformat

    from .notebooks import chapters, launch_notebook
    from .pages import git_commit

    # The edition's own pages: the French edition's notebooks are its French pages.
    source = Path(app.srcdir)
    commit = git_commit(ROOT)
    for page in chapters(source):
        if app.parallel <= 1 and page.relative_to(source).with_suffix("").as_posix() not in written:
            continue
        target = Path(app.outdir) / "_sources" / page.relative_to(source).with_suffix(".ipynb")
        if target.exists():
            nbformat.write(launch_notebook(page, source, commit), target)


NOTEBOOKS_BRANCH = "notebooks"


def _launch_to_notebooks(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """Colab cannot open MyST Markdown, so launch buttons open the .ipynb copies that the Pages
    workflow publishes on the `notebooks` branch (`python -m aiparadox notebooks`), which also
    install the book's package when it is missing. Binder builds that branch from requirements.txt.
    A translated edition's pages open that edition's copies, which the branch holds under the
    edition's folder (``fr/chapters/top500.ipynb``: :func:`aiparadox.notebooks.write_editions`)."""
    from .paths import REPOSITORY
    from .translations import EDITIONS

    owner_repo = REPOSITORY.removeprefix("https://github.com/")
    language = app.config.language or "en"
    edition = f"{EDITIONS[language]}/" if language in EDITIONS else ""
    for group in context.get("header_buttons", []):
        if group.get("label") != "launch-buttons":
            continue
        notebook = f"{edition}{pagename}.ipynb"
        for button in group["buttons"]:
            if button.get("text") == "Colab":
                button["url"] = (
                    f"https://colab.research.google.com/github/{owner_repo}/blob/{NOTEBOOKS_BRANCH}/{notebook}"
                )
            elif button.get("text") == "Binder":
                button["url"] = (
                    f"https://mybinder.org/v2/gh/{owner_repo}/{NOTEBOOKS_BRANCH}?urlpath=lab/tree/{notebook}"
                )


def _bibliography_roles(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """docutils marks a bibliography as role="list" but its entries as role="doc-biblioentry",
    which is not a list item: assistive technology is told of a list with no items (axe-core:
    aria-required-children, critical). The entries are notes, so the list role goes."""
    body = context.get("body")
    if body and 'role="list" class="citation-list"' in body:
        context["body"] = body.replace('<div role="list" class="citation-list">', '<div class="citation-list">')


def _french_paste_text_role():
    """``{glue:text}`` for the French edition: the same value, formatted with the same spec, in French
    typography. Cross-document pastes (``doc::key``) are not used by the French pages (a test checks)."""
    from docutils import nodes
    from myst_nb.core.variables import RetrievalError
    from myst_nb.ext.glue.roles import PasteTextRole
    from myst_nb.ext.glue.utils import glue_warning, retrieve_glue_data

    from .typography import format_number

    class FrenchPasteTextRole(PasteTextRole):
        def run(self):
            key, _, spec = self.text.rpartition(":") if ":" in self.text else (self.text, "", "s")
            if "::" in key:
                return super().run()
            try:
                result = retrieve_glue_data(self.document, key)
            except RetrievalError as exc:
                return [], [glue_warning(str(exc), self.document, self.line)]
            if "text/plain" not in result.data:
                return [], [glue_warning(f"No text/plain found in {key!r} data", self.document, self.line)]
            try:
                text = format_number(result.data["text/plain"], spec, "fr")
            except (TypeError, ValueError) as exc:
                return [], [glue_warning(f"Failed to format text/plain data: {exc}", self.document, self.line)]
            node = nodes.inline(text, text, classes=["pasted-text"])
            self.set_source_info(node)
            return [node], []

    return FrenchPasteTextRole()


def _publish_edition(app: Sphinx) -> None:
    """The French edition is built on its own (its own execution cache: jupyter-cache keys on the code,
    which is the English pages' code) and then served at ``fr/`` of the same site."""
    import shutil

    target = (Path(app.confdir) / app.config.aiparadox_edition_dir).resolve()
    if target.parent.resolve() == Path(app.outdir).resolve() or not target.parent.is_dir():
        raise RuntimeError(f"aiparadox_edition_dir: {target.parent} is not the English edition's built site")
    partial = target.with_name(target.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    shutil.copytree(app.outdir, partial, ignore=shutil.ignore_patterns(".buildinfo", "reports"))
    shutil.rmtree(target, ignore_errors=True)
    os.replace(partial, target)


# The language of each edition, and the folder of the other edition relative to a page's root.
LANGUAGE_NAMES = {"en": "English", "fr": "Français"}
SWITCH_LABELS = {"en": "Read this page in English", "fr": "Lire cette page en français"}


def _twins(app: Sphinx) -> tuple[str, set[str], str]:
    """(the other language, the pages it has, the path from this edition's root to the other's)."""
    if not hasattr(app, "aiparadox_twins"):
        from .toc import docnames

        if (app.config.language or "en") == "fr":
            app.aiparadox_twins = ("en", set(docnames(ROOT)), "../")
        else:
            french = ROOT / "fr"
            pages = set(docnames(french)) if (french / "_toc.yml").exists() else set()
            app.aiparadox_twins = ("fr", pages, "fr/")
    return app.aiparadox_twins


def _language_switch(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """A link to the same page in the other language, where it exists, and its hreflang alternate."""
    other, pages, prefix = _twins(app)
    if pagename not in pages or "body" not in context:
        return
    href = "../" * pagename.count("/") + prefix + pagename + ".html"
    switch = (
        f'<p class="aiparadox-language"><a href="{href}" hreflang="{other}" lang="{other}" rel="alternate">'
        f"{SWITCH_LABELS[other]}</a></p>\n"
    )
    context["body"] = switch + context["body"]
    context["metatags"] = context.get("metatags", "") + f'\n<link rel="alternate" hreflang="{other}" href="{href}" />'


def _doc_reference_from_root(app: Sphinx, env, node, contnode):
    """Intersphinx looks a ``{doc}`` target up as written; a page not translated yet is linked in the
    English edition under its name from the root, so a relative target ("gains", from chapters/) is
    made absolute first ("chapters/gains"). Returns nothing: intersphinx then resolves the node."""
    from sphinx.util import docname_join

    if node.get("reftype") == "doc" and node.get("refdoc"):
        node["reftarget"] = docname_join(node["refdoc"], node["reftarget"]).lstrip("/")


def setup(app: Sphinx) -> dict:
    os.environ[BUILD_ENV] = "1"
    # Set in fr/_config.yml: where the French edition's pages are served, relative to fr/.
    app.add_config_value("aiparadox_edition_dir", "", "html")
    # Set when the configuration is read (static_fingerprint); "html": its change rewrites every page.
    app.add_config_value("aiparadox_static_fingerprint", "", "html")
    app.connect("config-inited", _config_inited)
    app.connect("config-inited", _templates)
    app.connect("env-get-outdated", _outdated)
    # After the other extensions' own build-finished work: sphinx-exercise copies exercise.css then,
    # and the French edition's copy into fr/ (_publish_edition) must include it.
    app.connect("build-finished", _build_finished, priority=900)
    app.connect("builder-inited", _builder_inited)
    app.connect("html-page-context", _drop_thebe_scripts, priority=900)
    app.connect("html-page-context", _deferred_scripts, priority=910)
    app.connect("html-page-context", _launch_to_notebooks, priority=900)
    app.connect("html-page-context", _bibliography_roles)
    app.connect("html-page-context", _static_charts)
    app.connect("html-page-context", _record_written_page)
    app.connect("html-page-context", _language_switch)
    app.connect("missing-reference", _doc_reference_from_root, priority=400)
    app.add_js_file("aiparadox-charts.js", type="module")
    app.add_js_file("aiparadox-a11y.js", type="module")
    app.add_css_file("aiparadox.css")
    app.add_css_file("aiparadox-icons.css")
    return {"parallel_read_safe": True, "parallel_write_safe": True}


class VegaLiteMimeRenderer:
    """myst-nb plugin (entry point in pyproject.toml) for the Vega-Lite mimetype.

    The renderer's output carries the spec twice: as the Vega-Lite mimetype, which Jupyter draws
    natively, and inside the HTML the book draws. The book keeps the HTML and drops the former
    silently, instead of warning about a mimetype it does not know.
    """

    mime_priority_overrides = ()

    @staticmethod
    def handle_mime(renderer, data, inline):
        return [] if data.mime_type.startswith("application/vnd.vegalite.") else None
