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
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from aiparadox import toc

from .pages import THROTTLE, measure_pages, median, page_weights, transfer_bytes

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_RAW = ROOT.parent / "shared" / "sources"
DEFAULT_JSON = ROOT / "_build" / "bench.json"
# The Makefile passes its own BOOK_FLAGS; this default is for running the module by hand.
DEFAULT_BUILD_FLAGS = "-W --keep-going -n"
# The book's own Sphinx extensions: what the bare book leaves out, so the ratio measures them.
BOOK_PACKAGE = "aiparadox"
DRAWING_CACHE = "_build/aiparadox-charts"  # under a build's output folder (aiparadox.sphinxext)

KB = 1024
TARGETS = {
    "warm_ratio": 1.5,  # warm rebuild of the book / warm rebuild of the bare book
    "warm_drawings": 0,  # chart drawings made by warm rebuilds (nothing changed: nothing to draw)
    "notebook_seconds": 5.0,
    "page_kb": 120.0,  # every page's HTML
    "spec_kb": 50.0,  # the spec a chart fetches when it becomes interactive
    "transfer_kb": 300.0,  # heaviest chapter, everything before the first interaction, gzipped
    "visible_after_fcp_ms": 100.0,  # every chart of the heaviest chapter visible, after first contentful paint
    "throttled_visible_ms": 1000.0,  # the same from navigation, CPU slowed 4x
    "derive_seconds": 30.0,  # every dataset, one after the other
}

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


def paired_ratio(book: Sequence[float], bare: Sequence[float]) -> float:
    """Median of book/bare over builds made one after the other: a load spike slows both
    builds of a pair, so it moves their ratio less than it moves either median."""
    if not book or len(book) != len(bare):
        raise ValueError(f"paired samples needed, got {len(book)} and {len(bare)}")
    return float(statistics.median(b / r for b, r in zip(book, bare, strict=True)))


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
# Targets and the report


def _ms(values: Sequence[float]) -> int | None:
    """Median milliseconds, whole: the browser's clock is coarser than a tenth of one."""
    return None if not values else round(statistics.median(values))


def evaluate_targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target with the measured figure, where it comes from, and met (True, False, or None
    when it could not be measured in this run)."""
    targets = []

    def add(name: str, limit: float, measured: float | None, where: str, unit: str, why_missing: str = "") -> None:
        met = None if measured is None else measured <= limit
        targets.append(
            {
                "target": name,
                "limit": limit,
                "measured": measured,
                "unit": unit,
                "where": where or why_missing,
                "met": met,
            }
        )

    builds = results.get("builds")
    if builds:
        warm = builds["samples"]["book"]["warm"], builds["samples"]["bare"]["warm"]
        add(
            "warm rebuild / bare book's",
            TARGETS["warm_ratio"],
            paired_ratio(*warm),
            f"median of {len(warm[0])} pairs",
            "x",
        )
        drawn = builds.get("warm_drawings")
        add(
            "chart drawings made by warm rebuilds", TARGETS["warm_drawings"], drawn, f"{len(warm[0])} warm rebuilds", ""
        )
        slowest = max(builds["notebooks"].items(), key=lambda kv: median(kv[1]), default=None)
        add(
            "slowest notebook execution",
            TARGETS["notebook_seconds"],
            slowest and median(slowest[1]),
            slowest[0] if slowest else "",
            "s",
            "no notebook executed",
        )
    else:
        add("warm rebuild / bare book's", TARGETS["warm_ratio"], None, "", "x", "builds skipped")
        add("chart drawings made by warm rebuilds", TARGETS["warm_drawings"], None, "", "", "builds skipped")
        add("slowest notebook execution", TARGETS["notebook_seconds"], None, "", "s", "builds skipped")

    weights = results.get("pages", {})
    heaviest = max(weights, key=lambda d: weights[d]["bytes"], default=None)
    add("heaviest page's HTML", TARGETS["page_kb"], heaviest and weights[heaviest]["bytes"] / KB, heaviest or "", "KB")
    largest = max(weights, key=lambda d: weights[d]["largest_spec_bytes"], default=None)
    add(
        "largest chart spec",
        TARGETS["spec_kb"],
        largest and weights[largest]["largest_spec_bytes"] / KB,
        largest or "",
        "KB",
    )

    visits = results.get("visits")
    why = visits if isinstance(visits, str) else "no page measured in a browser"
    measured = visits if isinstance(visits, dict) else {}
    heaviest_sent = max(measured, key=lambda d: transfer_bytes(measured[d]["files"]), default=None)
    add(
        "heaviest chapter, sent before any interaction",
        TARGETS["transfer_kb"],
        heaviest_sent and transfer_bytes(measured[heaviest_sent]["files"]) / KB,
        heaviest_sent or "",
        "KB",
        why,
    )
    charted = [d for d in measured if weights.get(d, {}).get("charts")]
    heaviest_charted = max(charted, key=lambda d: transfer_bytes(measured[d]["files"]), default=None)
    entry = measured.get(heaviest_charted, {})
    add(
        "charts visible after first paint, heaviest chapter",
        TARGETS["visible_after_fcp_ms"],
        median(entry.get("after_fcp_ms", [])),
        heaviest_charted or "",
        "ms",
        why,
    )
    add(
        f"charts visible from navigation, CPU {THROTTLE}x slower",
        TARGETS["throttled_visible_ms"],
        median(entry.get("throttled_visible_ms", [])),
        heaviest_charted or "",
        "ms",
        why,
    )

    derivations = results.get("datasets", {})
    skipped = sorted(n for n, d in derivations.items() if "skipped" in d)
    total = sum(median(d["seconds"]) for d in derivations.values() if "seconds" in d)
    if derivations and not skipped:
        add("deriving every dataset", TARGETS["derive_seconds"], total, f"{len(derivations)} datasets", "s")
    else:
        add(
            "deriving every dataset",
            TARGETS["derive_seconds"],
            None,
            "",
            "s",
            f"skipped: {', '.join(skipped) or 'no dataset'}",
        )
    return targets


def format_table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """A plain-text table: text columns left-aligned, numbers right-aligned, ``None`` as a dash."""
    cells = [[_cell(v) for v in row] for row in rows]
    numeric = [all(isinstance(row[i], (int, float)) or row[i] is None for row in rows) for i in range(len(headers))]
    widths = [max([len(h)] + [len(row[i]) for row in cells]) for i, h in enumerate(headers)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(
            v.rjust(w) if num else v.ljust(w) for v, w, num in zip(values, widths, numeric, strict=True)
        ).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths]), *(line(row) for row in cells)])


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:,.2f}" if abs(value) < 10 else f"{value:,.1f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def _spread(values: Sequence[float]) -> str:
    return f"{min(values):.1f}-{max(values):.1f}" if values else "-"


def report(results: dict[str, Any]) -> str:
    machine = results["machine"]
    parts = [
        f"aiparadox benchmark, {machine['date']}: {machine['cores']} cores, load average {machine['load_average']} "
        f"at the start, {results['settings']['runs']} runs per build and dataset, {results['settings']['loads']} "
        "loads per page; medians",
    ]
    builds = results.get("builds")
    if builds:
        s = builds["samples"]
        rows = []
        for phase, label in (
            ("cold", "cold build (fresh output, every notebook run)"),
            ("warm", "warm rebuild (nothing changed)"),
        ):
            book, bare = s["book"][phase], s["bare"][phase]
            rows.append([label, median(book), _spread(book), median(bare), _spread(bare), paired_ratio(book, bare)])
        parts += [
            "",
            "Builds, seconds (ratio: median of book/bare over builds made one after the other)",
            format_table(["", "book", "range", "bare book", "range", "ratio"], rows),
        ]
        executing = sum(median(v) for v in builds["notebooks"].values())
        parts.append(
            f"notebook execution: {executing:.1f} s of the book's cold build "
            f"({executing / median(s['book']['cold']):.0%}); notebooks executed by a warm rebuild: "
            f"{', '.join(builds['warm_executed']) or 'none'}"
        )
        rows = [[d, median(v), _spread(v)] for d, v in builds["notebooks"].items()]
        rows += [[label, median(v), _spread(v)] for label, v in builds["reference_notebooks"].items()]
        parts += [
            "",
            "Notebook execution (myst-nb, kernel start included), seconds",
            format_table(["page", "median", "range"], rows),
        ]

    rows = []
    for name, d in results.get("datasets", {}).items():
        rows.append(
            [name, median(d["seconds"]), _spread(d["seconds"]), ""]
            if "seconds" in d
            else [name, None, "-", d["skipped"]]
        )
    parts += [
        "",
        f"Deriving each dataset from {results['settings']['raw']}, seconds",
        format_table(["dataset", "median", "range", "note"], rows),
    ]

    visits = results.get("visits")
    measured = visits if isinstance(visits, dict) else {}
    rows = []
    for docname, w in results.get("pages", {}).items():
        v = measured.get(docname, {})
        sent = transfer_bytes(v["files"]) / KB if "files" in v else None
        bare_sent = transfer_bytes(v["bare_files"]) / KB if "bare_files" in v else None
        rows.append(
            [
                docname,
                round(w["bytes"] / KB, 1),
                w["charts"],
                sent and round(sent, 1),
                bare_sent and round(bare_sent, 1),
                _ms(v.get("fcp_ms", [])),
                _ms(v.get("after_fcp_ms", [])),
                _ms(v.get("load_ms", [])),
                _ms(v.get("throttled_fcp_ms", [])),
                _ms(v.get("throttled_visible_ms", [])),
                _ms(v.get("bare_fcp_ms", [])),
                _ms(v.get("throttled_bare_fcp_ms", [])),
            ]
        )
    parts += [
        "",
        "Pages: HTML in KB; KB sent before any interaction (gzipped as a static host sends it), book and bare book;",
        "ms from navigation on a first visit (fresh cache): first contentful paint (FCP), every chart visible after FCP,",
        f"load event; with the CPU {THROTTLE}x slower: FCP and every chart visible; the bare book's FCP at both speeds",
        format_table(
            [
                "page",
                "HTML KB",
                "charts",
                "sent KB",
                "bare sent KB",
                "FCP",
                "charts +",
                "load",
                f"FCP {THROTTLE}x",
                f"charts {THROTTLE}x",
                "bare FCP",
                f"bare FCP {THROTTLE}x",
            ],
            rows,
        ),
    ]
    heaviest = max(measured, key=lambda d: transfer_bytes(measured[d]["files"]), default=None)
    if heaviest:
        files = sorted(measured[heaviest]["files"], key=lambda f: -f[1])
        largest = ", ".join(f"{name.split('/')[-1]} {size / KB:.1f}" for name, size in files[:8])
        parts.append(f"sent for {heaviest}, largest first: {largest}")
    if isinstance(visits, str):
        parts.append(f"browser: {visits}")

    rows = [
        [
            t["target"],
            t["limit"],
            t["measured"],
            t["unit"],
            {True: "met", False: "MISSED", None: "not measured"}[t["met"]],
            t["where"],
        ]
        for t in results["targets"]
    ]
    parts += ["", "Targets", format_table(["target", "limit", "measured", "unit", "status", "where"], rows)]
    return "\n".join(parts)


# ---------------------------------------------------------------------------------------------


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
