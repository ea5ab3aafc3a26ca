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

    data.add_parser("check", help="validate data/datapackage.json and every table (hashes, schema, constraints)")
    data.add_parser("list", help="list the datasets and the tables each derives")

    args = parser.parse_args(argv)
    try:
        if args.command == "build":
            from .datasets import build as build_data

            for result in build_data(args.raw, args.dataset):
                print(f"{result.dataset}: {', '.join(result.tables)} derived in {result.seconds:.2f} s")
            print(f"data package written to {DATA_DIR / 'datapackage.json'}")
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


if __name__ == "__main__":
    sys.exit(main())
