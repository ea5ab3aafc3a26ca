"""Toy datasets for the reliability tests, and a command that runs a refresh in its own process, so
that a test can kill it at a chosen step or run two at once:

    python -m tests.reliability_toys build DATA RAW DATASET [--crash-at N]
    python -m tests.reliability_toys fetch DATA RAW [--crash-at N]

``--crash-at N`` ends the process (as ``kill -9`` would: no cleanup, no ``finally``) on its N-th
``os.replace``; ``--crash-at 0`` runs to the end and prints how many there were."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import pandas as pd

from aiparadox import datasets, fetch
from aiparadox.datapackage import DataError, Field, Source, Table

# A licence the package knows an identifier for (datapackage.LICENCE_IDENTIFIERS).
PUBLIC_DOMAIN = "Public domain (work of the U.S. federal government, 17 U.S.C. 105)"
SOURCE = Source("Nobody", "Toy", "toy-1", "https://example.org/toy", "2026-01-01", PUBLIC_DOMAIN, "made in a test")
CSV_URL = "https://stats.example.org/files/a.csv"
# Seconds each derivation waits, so that two builds started together overlap.
PAUSE_VARIABLE = "TOY_DERIVE_PAUSE"


def _table(name: str) -> Table:
    return Table(
        name=name,
        title=f"Toy {name}",
        description="Counts for the reliability tests",
        fields=(
            Field("year", "year", "Year", constraints={"required": True}),
            Field("count", "integer", "A count", unit="things", constraints={"minimum": 0}),
        ),
        primary_key=("year",),
        sources=(SOURCE,),
    )


A_COUNTS, A_TOTALS, B_COUNTS = _table("toy_a_counts"), _table("toy_a_totals"), _table("toy_b_counts")


def _derive_from(filename: str, *tables: Table):
    def derive(folder: Path) -> dict[str, pd.DataFrame]:
        time.sleep(float(os.environ.get(PAUSE_VARIABLE, "0")))
        frame = pd.read_csv(folder / filename)
        if frame.empty:
            raise DataError(f"{filename}: no rows")
        return {t.name: frame for t in tables}

    return derive


def _remote(environ) -> list:
    return [fetch.Download(CSV_URL, "a.csv"), fetch.Keep("notes/*.txt", "transcribed notes are carried over")]


def registry() -> dict[str, datasets.Dataset]:
    return {
        "toy_a": datasets.Dataset(
            "toy_a", "Toy A", (A_COUNTS, A_TOTALS), _derive_from("a.csv", A_COUNTS, A_TOTALS), remote=_remote
        ),
        "toy_b": datasets.Dataset("toy_b", "Toy B", (B_COUNTS,), _derive_from("b.csv", B_COUNTS)),
    }


def write_raw(raw_root: Path, dataset: str, text: str) -> None:
    folder = Path(raw_root) / dataset
    (folder / "notes").mkdir(parents=True, exist_ok=True)
    (folder / "notes" / "note.txt").write_text("a transcribed note\n")
    (folder / ("a.csv" if dataset == "toy_a" else "b.csv")).write_text(text)


def _crash_at(step: int) -> list[int]:
    """Count os.replace calls; on call number ``step``, die before doing it."""
    real, calls = os.replace, [0]

    def replace(src, dst, *args, **kwargs):
        calls[0] += 1
        if calls[0] == step:
            os._exit(9)
        return real(src, dst, *args, **kwargs)

    os.replace = replace
    return calls


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=["build", "fetch"])
    parser.add_argument("data", type=Path)
    parser.add_argument("raw", type=Path)
    parser.add_argument("dataset", nargs="?", default="toy_a")
    parser.add_argument("--crash-at", type=int, default=0)
    parser.add_argument("--csv", default="year,count\n2024,30\n2025,50\n2026,70\n")
    args = parser.parse_args(argv)
    datasets.registry = registry
    calls = _crash_at(args.crash_at)
    if args.command == "build":
        datasets.build(args.raw, [args.dataset], data_dir=args.data)
    else:
        import responses

        with responses.RequestsMock() as mock:
            mock.get(CSV_URL, body=args.csv)
            fetch.fetch(["toy_a"], raw_root=args.raw, data_dir=args.data, client=fetch.Client(retries=0))
    print(json.dumps({"replaces": calls[0]}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
