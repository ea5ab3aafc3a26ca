"""Command line: ``python -m aiparadox data build|check|list``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .datapackage import DataError, differences_from_code, read_descriptor, validate_package
from .paths import DATA_DIR, DEFAULT_RAW_DIR, ROOT


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m aiparadox", description=__doc__)
    sub = parser.add_subparsers(dest="group", required=True)
    data = sub.add_parser("data", help="the cached tables in data/").add_subparsers(dest="command", required=True)

    build = data.add_parser("build", help="derive the tidy tables from raw inputs and replace the cache if valid")
    build.add_argument(
        "--raw", type=Path, default=DEFAULT_RAW_DIR, help=f"folder of raw inputs (default {DEFAULT_RAW_DIR})"
    )
    build.add_argument("--dataset", action="append", help="only this dataset (repeatable); default all")
    accept = {
        "action": "append",
        "default": [],
        "metavar": "TABLE",
        "help": "accept a refresh of this table that loses rows, shortens a series or revises final figures "
        "of the committed copy (repeatable); refused otherwise",
    }
    build.add_argument("--accept", **accept)

    fetch = data.add_parser(
        "fetch", help="download the raw inputs from the publishers, re-derive, validate, then replace the cache"
    )
    fetch.add_argument(
        "--dataset", action="append", help="only this dataset (repeatable); default all that have a remote source"
    )
    fetch.add_argument(
        "--raw", type=Path, default=DEFAULT_RAW_DIR, help=f"where raw inputs are kept (default {DEFAULT_RAW_DIR})"
    )
    fetch.add_argument(
        "--folder",
        action="append",
        default=[],
        metavar="DATASET=DIR",
        help="files you downloaded by hand for a dataset whose publisher needs a login, e.g. top500=~/Downloads",
    )
    fetch.add_argument("--offline", action="store_true", help="no network: rebuild from the raw folder only")
    fetch.add_argument("--accept", **accept)
    fetch.add_argument(
        "--deadline", type=float, metavar="SECONDS", help="stop the whole fetch after this long (default 1800)"
    )

    data.add_parser(
        "check",
        help="validate data/datapackage.json and every table (hashes, schema, constraints, the code's declarations)",
    )
    data.add_parser("list", help="list the datasets and the tables each derives")

    notebooks = sub.add_parser(
        "notebooks", help="write each page as .ipynb, and each chapter's student copy: what may be published"
    )
    notebooks.add_argument(
        "--out", type=Path, default=Path("_build/notebooks"), help="output folder (default _build/notebooks/)"
    )
    assignments = sub.add_parser(
        "assignments",
        help="the same, and for teachers each chapter's answer key and otter-grader source notebook (never publish these)",
    )
    assignments.add_argument(
        "--out", type=Path, default=Path("assignments"), help="output folder (default assignments/)"
    )

    pdf = sub.add_parser("pdf", help="print the single-page build (make pdf builds it) to _build/pdf/ with Chromium")
    pdf.add_argument(
        "--edition", choices=["en", "fr"], default="en", help="the English book (default) or its French edition"
    )

    args = parser.parse_args(argv)
    if args.group == "pdf":
        from .pdf import print_pdf

        if args.edition == "fr":
            # `make pdf` builds the French edition's single page apart (its own execution cache).
            single_page = ROOT / "_build" / "pdf-fr" / "_build" / "singlehtml" / "intro.html"
            print(print_pdf(single_page, ROOT / "_build" / "pdf" / "qui-profite-de-l-ia.pdf"))
        else:
            print(print_pdf())
        return 0
    if args.group in ("notebooks", "assignments"):
        from .notebooks import write_editions

        for path in write_editions(args.out, teacher=args.group == "assignments"):
            print(path)
        if args.group == "assignments":
            print(
                f"For a student notebook and an autograder: .venv/bin/otter assign {args.out}/teacher/otter/CHAPTER.ipynb "
                f"{args.out}/otter/CHAPTER (the teacher's guide, 'Grading with otter-grader', says what follows)"
            )
        return 0
    try:
        if args.command == "build":
            from .datasets import build as build_data

            for result in build_data(args.raw, args.dataset, data_dir=DATA_DIR, accept=args.accept):
                print(f"{result.dataset}: {', '.join(result.tables)} derived in {result.seconds:.2f} s")
            print(f"data package written to {DATA_DIR / 'datapackage.json'}")
        elif args.command == "fetch":
            from .datasets import build as build_data
            from .fetch import Client
            from .fetch import fetch as fetch_data

            if args.offline:
                for result in build_data(args.raw, args.dataset, data_dir=DATA_DIR, accept=args.accept):
                    print(f"{result.dataset}: rebuilt from {args.raw} in {result.seconds:.2f} s")
            else:
                folders = dict(_pair(p) for p in args.folder)
                client = Client() if args.deadline is None else Client(deadline=args.deadline)
                for name in fetch_data(
                    args.dataset, args.raw, DATA_DIR, client, local_folders=folders, accept=args.accept
                ):
                    print(f"{name}: downloaded, derived, validated and replaced")
        elif args.command == "check":
            problems = check(DATA_DIR)
            if problems:
                print(one_line(problems), file=sys.stderr)
                return 1
            print(f"{DATA_DIR / 'datapackage.json'}: valid, and as the code declares it")
        elif args.command == "list":
            from .datasets import registry

            for name, ds in registry().items():
                print(f"{name}: {ds.title}")
                for t in ds.tables:
                    print(f"  {t.name}: {t.title}")
    except DataError as exc:
        print(f"error: {' '.join(str(exc).split())}", file=sys.stderr)
        return 2
    except OSError as exc:
        # Disk full, permissions: the file and the cause, not a traceback.
        print(f"error: {exc.filename or 'data/'}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    return 0


def check(data_dir: Path) -> list[str]:
    """``data check``: finish an interrupted refresh, then Frictionless validation (types,
    constraints, keys, bytes, hashes) and the comparison with the code's Table declarations."""
    from . import swap
    from .datasets import committed_problems, registry

    with swap.lock(data_dir):
        # data/raw/ too, where `data fetch` downloads by default: a killed fetch left its download folder there.
        for notice in swap.recover(data_dir, Path(data_dir) / "raw"):
            print(notice, file=sys.stderr)
    try:
        read_descriptor(data_dir)
    except DataError as exc:
        return [str(exc)]
    tables = {t.name: t for ds in registry().values() for t in ds.tables}
    path = data_dir / "datapackage.json"
    # The comparison with the code first: it names what was edited (a hash, a schema) where
    # validation reports its consequences, row by row.
    problems = differences_from_code(data_dir, tables)
    validation = [p if p.startswith(str(data_dir)) else f"{path}: {p}" for p in validate_package(data_dir)]
    problems += [p for p in validation if p not in problems]
    return problems + [p for p in committed_problems(data_dir) if p not in problems]


# How many further problems the one line of `data check` quotes after the first.
QUOTED_PROBLEMS = 2


def one_line(problems: list[str]) -> str:
    """Every fault ends in one line: one damaged file often breaks several checks (its hash, its
    rows, the descriptor beside it), so the first problem names the file and the cause and the
    others are counted, the next few quoted."""
    first, rest = problems[0], problems[1:]
    if rest:
        quoted = "; ".join(rest[:QUOTED_PROBLEMS]) + ("; ..." if len(rest) > QUOTED_PROBLEMS else "")
        first += f" (and {len(rest)} more problem{'s' if len(rest) > 1 else ''}: {quoted})"
    return " ".join(first.split())


def _pair(text: str) -> tuple[str, Path]:
    name, sep, folder = text.partition("=")
    if not sep:
        raise DataError(f"--folder expects DATASET=DIR, got {text!r}")
    return name, Path(folder).expanduser()


if __name__ == "__main__":
    sys.exit(main())
