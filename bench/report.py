"""What ``make bench`` reports: the project's targets, the figures checked against them (a
report, not a test), and the table it prints. The measurements themselves are bench.run's
(builds, notebooks, derivations) and bench.pages' (page weight and chart drawing)."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from typing import Any

from .pages import THROTTLE, median, transfer_bytes

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


def paired_ratio(book: Sequence[float], bare: Sequence[float]) -> float:
    """Median of book/bare over builds made one after the other: a load spike slows both
    builds of a pair, so it moves their ratio less than it moves either median."""
    if not book or len(book) != len(bare):
        raise ValueError(f"paired samples needed, got {len(book)} and {len(bare)}")
    return float(statistics.median(b / r for b, r in zip(book, bare, strict=True)))


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
