"""Command line: ``python -m aiparadox data build|check|list``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .datapackage import DataError, validate_package
from .paths import DATA_DIR, DEFAULT_RAW_DIR


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m aiparadox", description=__doc__)
    sub = parser.add_subparsers(dest="group", required=True)
    data = sub.add_parser("data", help="the cached tables in data/").add_subparsers(dest="command", required=True)

    build = data.add_parser("build", help="derive the tidy tables from raw inputs and replace the cache if valid")
    build.add_argument("--raw", type=Path, default=DEFAULT_RAW_DIR, help=f"folder of raw inputs (default {DEFAULT_RAW_DIR})")
    build.add_argument("--dataset", action="append", help="only this dataset (repeatable); default all")

    fetch = data.add_parser(
        "fetch", help="download the raw inputs from the publishers, re-derive, validate, then replace the cache"
    )
    fetch.add_argument("--dataset", action="append", help="only this dataset (repeatable); default all that have a remote source")
    fetch.add_argument("--raw", type=Path, default=DEFAULT_RAW_DIR, help=f"where raw inputs are kept (default {DEFAULT_RAW_DIR})")
    fetch.add_argument(
        "--folder",
        action="append",
        default=[],
        metavar="DATASET=DIR",
        help="files you downloaded by hand for a dataset whose publisher needs a login, e.g. top500=~/Downloads",
    )
    fetch.add_argument("--offline", action="store_true", help="no network: rebuild from the raw folder only")

    data.add_parser("check", help="validate data/datapackage.json and every table (hashes, schema, constraints)")
    data.add_parser("list", help="list the datasets and the tables each derives")

    notebooks = sub.add_parser(
        "notebooks", help="write each page as .ipynb, and each chapter's student copy: what may be published"
    )
    notebooks.add_argument("--out", type=Path, default=Path("_build/notebooks"), help="output folder (default _build/notebooks/)")
    assignments = sub.add_parser(
        "assignments",
        help="the same, and for teachers each chapter's answer key and otter-grader source notebook (never publish these)",
    )
    assignments.add_argument("--out", type=Path, default=Path("assignments"), help="output folder (default assignments/)")

    sub.add_parser("pdf", help="print the single-page build (make pdf builds it) to _build/pdf/ with Chromium")

    args = parser.parse_args(argv)
    if args.group == "pdf":
        from .pdf import print_pdf

        print(print_pdf())
        return 0
    if args.group in ("notebooks", "assignments"):
        from .notebooks import write

        for path in write(args.out, teacher=args.group == "assignments"):
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

            for result in build_data(args.raw, args.dataset):
                print(f"{result.dataset}: {', '.join(result.tables)} derived in {result.seconds:.2f} s")
            print(f"data package written to {DATA_DIR / 'datapackage.json'}")
        elif args.command == "fetch":
            from .datasets import build as build_data
            from .fetch import fetch as fetch_data

            if args.offline:
                for result in build_data(args.raw, args.dataset):
                    print(f"{result.dataset}: rebuilt from {args.raw} in {result.seconds:.2f} s")
            else:
                folders = dict(_pair(p) for p in args.folder)
                for name in fetch_data(args.dataset, raw_root=args.raw, local_folders=folders):
                    print(f"{name}: downloaded, derived, validated and replaced")
        elif args.command == "check":
            problems = validate_package(DATA_DIR)
            for p in problems:
                print(p, file=sys.stderr)
            if problems:
                return 1
            print(f"{DATA_DIR / 'datapackage.json'}: valid")
        elif args.command == "list":
            from .datasets import registry

            for name, ds in registry().items():
                print(f"{name}: {ds.title}")
                for t in ds.tables:
                    print(f"  {t.name}: {t.title}")
    except DataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


def _pair(text: str) -> tuple[str, Path]:
    name, sep, folder = text.partition("=")
    if not sep:
        raise DataError(f"--folder expects DATASET=DIR, got {text!r}")
    return name, Path(folder).expanduser()


if __name__ == "__main__":
    sys.exit(main())
