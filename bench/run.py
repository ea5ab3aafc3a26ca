"""Measure the book beside a bare book built by the same toolchain in the same run.

    .venv/bin/python -m bench.run [--runs 3] [--loads 5] [--raw ../shared/sources] [--json _build/bench.json]
    .venv/bin/python -m bench.run --skip-builds [--html DIR]     # the pages of a book already built

What it measures (several runs each, medians reported):

* cold build (fresh output folder, every notebook executed) and warm rebuild (nothing changed) of
  the book, and the same for a *bare book*: the same pages (from ``_toc.yml``), the same
  ``_config.yml`` less the book's own Sphinx extension, no code cells. Both run on the same
  machine in the same run, alternately, so the ratio holds on a busy machine when the seconds do
  not. (Both use the same venv, where myst-nb also loads the package's mime-renderer entry point
  for the bare book: one more reason for ``aiparadox.sphinxext`` to stay light to import.) Also
  how many chart drawings the warm rebuilds made (they should draw none: drawings are cached by
  the hash of their spec);
* the execution time of each notebook, as myst-nb reports it during the cold builds, beside two
  reference notebooks (an empty one, and the chapter preamble alone);
* the time to derive each dataset from its raw inputs (``aiparadox.datasets`` registry);
* each built page (:mod:`bench.pages`): its HTML; what a first visit transfers before any
  interaction, gzipped as a static host sends it; the time from navigation to first contentful
  paint and until every chart is visible, at full speed and with the CPU slowed four times; each
  beside the bare book's page of the same name.

It prints a table, checks the figures against the project's targets (a report, not a test) and
writes everything, every sample included, as JSON.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from aiparadox import toc

from .pages import measure_pages, page_weights
from .report import evaluate_targets, report

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_RAW = ROOT.parent / "shared" / "sources"
DEFAULT_JSON = ROOT / "_build" / "bench.json"
# The Makefile passes its own BOOK_FLAGS; this default is for running the module by hand.
DEFAULT_BUILD_FLAGS = "-W --keep-going -n"
# The book's own Sphinx extensions: what the bare book leaves out, so the ratio measures them.
BOOK_PACKAGE = "aiparadox"
DRAWING_CACHE = "_build/aiparadox-charts"  # under a build's output folder (aiparadox.sphinxext)


EXECUTED = re.compile(r"^(?P<path>\S.*?): Executed notebook in (?P<seconds>\d+(?:\.\d+)?) seconds", re.M)


# ---------------------------------------------------------------------------------------------
# The pages, and the bare book made of them


def source_of(root: Path, docname: str) -> Path:
    for suffix in (".md", ".ipynb", ".rst"):
        if (root / f"{docname}{suffix}").exists():
            return root / f"{docname}{suffix}"
    raise FileNotFoundError(f"{root / '_toc.yml'} lists {docname!r}, but there is no {docname}.md, .ipynb or .rst")


def page_title(text: str, fallback: str) -> str:
    """The first level-one heading of a MyST page (outside its front matter)."""
    body = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    match = re.search(r"^# +(.+?)\s*$", body, re.M)
    return match.group(1) if match else fallback


def bare_config(config: dict) -> dict:
    """The book's configuration less its own extensions; everything else (execution mode, MyST
    extensions, numbering, third-party extensions such as sphinx-exercise) stays as it is."""
    bare = json.loads(json.dumps(config))  # a deep copy of plain YAML data
    sphinx = bare.get("sphinx", {})
    extensions = sphinx.get("extra_extensions") or []
    sphinx["extra_extensions"] = [e for e in extensions if e.split(".")[0] != BOOK_PACKAGE]
    bare["title"] = f"Bare baseline of: {config.get('title', 'the book')}"
    return bare


BARE_PAGE = """\
# {title}

A page of the bare baseline book. It has prose, a list and a cross-reference, but no code cell,
so building it measures the toolchain alone.

* one item;
* another item.

See {{doc}}`/{root}`.
"""


def make_bare_book(root: Path, dest: Path) -> list[str]:
    """Write a bare book mirroring the book at ``root`` into ``dest``; return its docnames."""
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    toc_text = (root / "_toc.yml").read_text(encoding="utf-8")
    docnames = toc.docnames(root)
    dest.mkdir(parents=True, exist_ok=True)
    (dest / "_config.yml").write_text(yaml.safe_dump(bare_config(config), sort_keys=False), encoding="utf-8")
    (dest / "_toc.yml").write_text(toc_text, encoding="utf-8")
    # Files the configuration names (a bibliography) must exist for the bare book to build.
    for extra in config.get("bibtex_bibfiles", []) or []:
        shutil.copy(root / extra, dest / extra)
    for docname in docnames:
        source = source_of(root, docname)
        title = page_title(source.read_text(encoding="utf-8"), docname) if source.suffix == ".md" else docname
        page = dest / f"{docname}.md"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(BARE_PAGE.format(title=title, root=docnames[0]), encoding="utf-8")
    return docnames


# ---------------------------------------------------------------------------------------------
# Builds


def executed_notebooks(log: str, source_root: Path) -> dict[str, float]:
    """Seconds per executed notebook, by docname, from myst-nb's log of a build."""
    found = {}
    for match in EXECUTED.finditer(log):
        path = Path(match.group("path"))
        try:
            relative = path.resolve().relative_to(source_root.resolve())
        except ValueError:
            relative = Path(path.name)
        found[toc.SOURCE_SUFFIX.sub("", relative.as_posix())] = float(match.group("seconds"))
    return found


def build(source: Path, output: Path, flags: Sequence[str]) -> tuple[float, dict[str, float]]:
    """Build one book into ``output``; return wall seconds and the notebooks it executed."""
    command = [
        str(Path(sys.executable).parent / "jupyter-book"),
        "build",
        str(source),
        *flags,
        "--path-output",
        str(output),
    ]
    start = time.perf_counter()
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"the build of {source} failed ({' '.join(command)}):\n{result.stdout[-4000:]}")
    return seconds, executed_notebooks(result.stdout, source)


# What every chapter pays before its own work: the kernel's start, then the preamble (pandas and
# Altair). Timed beside the chapters, they show how much of a chapter's time is its own.
REFERENCE_NOTEBOOKS = {
    "(reference: an empty notebook)": "pass",
    "(reference: the preamble alone)": "from aiparadox import book\nbook.setup()",
}


def notebook_seconds(code: str) -> float:
    """Seconds to execute a one-cell notebook, as myst-nb does, with nbclient."""
    import nbclient
    import nbformat

    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
    start = time.perf_counter()
    # The kernel warns on stderr that it runs over TCP; the table is what this run prints.
    nbclient.NotebookClient(notebook, timeout=120, kernel_name="python3").execute(stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


# Warm rebuilds take seconds, and a busy machine can double one of them: several pairs per run.
WARM_PAIRS = 3


def drawings_since(cache: Path, started: float) -> int:
    """Chart drawings (SVG files) that a build wrote into its drawing cache after ``started``."""
    return sum(1 for svg in cache.rglob("*.svg") if svg.stat().st_mtime >= started) if cache.is_dir() else 0


def measure_builds(runs: int, flags: Sequence[str], workdir: Path) -> dict[str, Any]:
    """``runs`` times: the reference notebooks, then a cold build of each book, then
    ``WARM_PAIRS`` warm rebuilds of each, one book after the other. Which book goes first
    alternates from run to run, so that neither always follows the heavier build."""
    bare_source = workdir / "bare"
    docnames = make_bare_book(ROOT, bare_source)
    samples: dict[str, dict[str, list[float]]] = {k: {"cold": [], "warm": []} for k in ("book", "bare")}
    notebooks: dict[str, list[float]] = {}
    references: dict[str, list[float]] = {label: [] for label in REFERENCE_NOTEBOOKS}
    warm_executed: list[str] = []
    warm_drawings = 0
    for run in range(runs):
        for label, code in REFERENCE_NOTEBOOKS.items():
            references[label].append(notebook_seconds(code))
        order = [("book", ROOT), ("bare", bare_source)][:: 1 if run % 2 == 0 else -1]
        for phase in ["cold"] + ["warm"] * WARM_PAIRS:
            for kind, source in order:
                output = workdir / f"{kind}-out"
                if phase == "cold":
                    shutil.rmtree(output, ignore_errors=True)
                started = time.time()
                seconds, executed = build(source, output, flags)
                samples[kind][phase].append(seconds)
                if kind == "book" and phase == "warm":
                    warm_drawings += drawings_since(output / DRAWING_CACHE, started)
                print(f"  run {run + 1}/{runs}: {kind} {phase} build {seconds:.1f} s", flush=True)
                if kind == "book" and phase == "cold":
                    for docname, secs in executed.items():
                        notebooks.setdefault(docname, []).append(secs)
                if phase == "warm":
                    warm_executed += [f"{kind}:{d}" for d in executed]
    return {
        "pages": docnames,
        "samples": samples,
        "notebooks": notebooks,
        "reference_notebooks": references,
        "warm_executed": sorted(set(warm_executed)),
        "warm_drawings": warm_drawings,
        "html": {kind: str(workdir / f"{kind}-out" / "_build" / "html") for kind in ("book", "bare")},
    }


# ---------------------------------------------------------------------------------------------
# Data derivation


def measure_derivations(raw_root: Path, runs: int) -> dict[str, dict[str, Any]]:
    from aiparadox import datasets

    results: dict[str, dict[str, Any]] = {}
    for name, dataset in datasets.registry().items():
        folder = datasets.raw_folder(raw_root, name)
        if not folder.is_dir():
            results[name] = {"skipped": f"no raw inputs at {folder}"}
            continue
        seconds = []
        for _ in range(runs):
            start = time.perf_counter()
            datasets.derive(dataset, raw_root)
            seconds.append(time.perf_counter() - start)
        results[name] = {"seconds": seconds}
    return results


# ---------------------------------------------------------------------------------------------
# The run: every measurement, then the report (bench.report)


def machine() -> dict[str, Any]:
    import jupyter_book

    return {
        "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "cores": os.cpu_count(),
        "load_average": round(os.getloadavg()[0], 2),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "jupyter_book": jupyter_book.__version__,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.run", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=3, help="builds and derivations per measurement (default 3)")
    parser.add_argument("--loads", type=int, default=5, help="browser loads per page (default 5)")
    parser.add_argument("--raw", type=Path, default=DEFAULT_RAW, help=f"raw inputs (default {DEFAULT_RAW})")
    parser.add_argument(
        "--json", type=Path, default=DEFAULT_JSON, help=f"where to write the results (default {DEFAULT_JSON})"
    )
    parser.add_argument(
        "--build-flags", default=DEFAULT_BUILD_FLAGS, help=f"jupyter-book build flags (default {DEFAULT_BUILD_FLAGS!r})"
    )
    parser.add_argument(
        "--skip-builds",
        action="store_true",
        help="measure the pages of a book already built (--html, default _build/html) instead of building",
    )
    parser.add_argument(
        "--html", type=Path, default=ROOT / "_build" / "html", help="with --skip-builds: the built book to measure"
    )
    args = parser.parse_args(argv)
    if args.runs < 1 or args.loads < 1:
        parser.error("--runs and --loads must be at least 1")

    results: dict[str, Any] = {
        "machine": machine(),
        "settings": {"runs": args.runs, "loads": args.loads, "raw": str(args.raw), "build_flags": args.build_flags},
    }
    print(f"Deriving datasets from {args.raw} ...", flush=True)
    results["datasets"] = measure_derivations(args.raw, args.runs)

    with tempfile.TemporaryDirectory(prefix="bench-", dir=_scratch()) as scratch:
        if args.skip_builds:
            html_root = args.html
            if not (html_root / "index.html").exists():
                raise SystemExit(f"--skip-builds needs a built book in {html_root}: run `make book` first")
            bare_root = None
            # A book built from another version (--html) may lack a page the table of contents has now.
            pages = [d for d in toc.docnames(ROOT) if (html_root / f"{d}.html").exists()]
            missing = sorted(set(toc.docnames(ROOT)) - set(pages))
            if missing:
                print(f"not in {html_root}, so not measured: {', '.join(missing)}", flush=True)
        else:
            print(f"Building the book and a bare book, {args.runs} times each ...", flush=True)
            results["builds"] = measure_builds(args.runs, args.build_flags.split(), Path(scratch))
            pages = results["builds"]["pages"]
            html_root, bare_root = (Path(results["builds"]["html"][kind]) for kind in ("book", "bare"))
        results["pages"] = page_weights(html_root, pages)
        print(
            f"Loading {len(pages)} pages {args.loads} times each at two CPU speeds in headless Chromium ...", flush=True
        )
        results["visits"] = measure_pages(html_root, pages, args.loads, bare_root)
    results.get("builds", {}).pop("html", None)  # a temporary folder, gone now

    results["targets"] = evaluate_targets(results)
    print()
    print(report(results))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"\nwritten: {args.json}")
    return 0


def _scratch() -> Path:
    """Scratch space on the same disk as the book's own _build (excluded from the book's sources)."""
    folder = ROOT / "_build"
    folder.mkdir(exist_ok=True)
    return folder


if __name__ == "__main__":
    sys.exit(main())
