"""What a plausible refresh of a table looks like, checked before anything in ``data/`` is replaced.

A schema says what a valid table is; it cannot say that a new copy lost half its rows, that one
list's performance is a thousand times the previous one's, or that a final figure changed. Each
:class:`~aiparadox.datapackage.Table` declares, in ``checks``, small named rules about the new
table alone or about the new table beside the committed one. ``datasets.build`` runs them, with
the one rule every table obeys: a refresh may add rows, but every key of the committed table must
still be there. A refresh that means to lose rows or revise final figures says so
(``--accept TABLE``): that waives the rules that compare the new copy with the committed one
(``compares_with_committed``), never those about the new copy alone.

Each rule's ``problem(new, old, key)`` is given the new frame, the committed one (None on a first
build) and the table's primary key, and returns None or the problem as a short phrase; the build
puts the table and file in front.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import pandas as pd

# How many offending keys a message quotes.
EXAMPLES = 3


def _keys(frame: pd.DataFrame, columns: tuple[str, ...]) -> pd.Series:
    """Each row's key as one string, comparable between two copies of a table."""
    return frame[list(columns)].astype(str).agg(" / ".join, axis=1)


def _examples(values) -> str:
    values = list(values)
    shown = ", ".join(str(v) for v in values[:EXAMPLES])
    return shown + (f" and {len(values) - EXAMPLES} more" if len(values) > EXAMPLES else "")


def lost_keys(new: pd.DataFrame, old: pd.DataFrame, key: tuple[str, ...]) -> str | None:
    """The rule every table obeys: a refresh may add rows, not lose them. (A key whose columns
    the committed copy does not have is a change of schema, which the build says nothing about.)"""
    if not set(key) <= set(old.columns):
        return None
    gone = sorted(set(_keys(old, key)) - set(_keys(new, key)))
    if not gone:
        return None
    return (
        f"{len(gone)} of the {len(old)} rows of the committed table are gone ({'/'.join(key)} {_examples(gone)}); "
        "if that is intended, say so with --accept TABLE"
    )


def no_rows(new: pd.DataFrame) -> str | None:
    """The rule every table obeys alone: it has rows (a file emptied down to its header is valid CSV)."""
    return None if len(new) else "the table has no rows"


@dataclass(frozen=True)
class MinRows:
    """At least ``count`` rows in all (or in each group of ``per``)."""

    compares_with_committed: ClassVar[bool] = False
    count: int
    per: tuple[str, ...] = ()

    def problem(self, new: pd.DataFrame, old: pd.DataFrame | None, key: tuple[str, ...]) -> str | None:
        if not self.per:
            return None if len(new) >= self.count else f"{len(new)} rows, fewer than the {self.count} expected"
        sizes = new.groupby(list(self.per), dropna=False).size()
        small = sizes[sizes < self.count]
        if small.empty:
            return None
        groups = [f"{k} ({n} rows)" for k, n in small.items()]
        return f"fewer than {self.count} rows for {'/'.join(self.per)} {_examples(groups)}"


@dataclass(frozen=True)
class Within:
    """Every value of ``column`` lies in the plausible range [``low``, ``high``] (narrower than the
    schema's constraints, which say what is valid, not what is likely)."""

    compares_with_committed: ClassVar[bool] = False
    column: str
    low: float
    high: float

    def problem(self, new: pd.DataFrame, old: pd.DataFrame | None, key: tuple[str, ...]) -> str | None:
        values = pd.to_numeric(new[self.column], errors="coerce")
        outside = new.loc[values.notna() & ((values < self.low) | (values > self.high))]
        if outside.empty:
            return None
        shown = [f"{v:g}" for v in pd.to_numeric(outside[self.column]).head(EXAMPLES)]
        return (
            f"'{self.column}' has {len(outside)} value(s) outside the plausible {self.low:g} to {self.high:g}, "
            f"e.g. {_examples(shown)}"
        )


@dataclass(frozen=True)
class Increasing:
    """Within each group of ``within``, ordered by ``along``, ``column`` never decreases (ranks,
    cumulative counts, a top 10 inside a top 100)."""

    compares_with_committed: ClassVar[bool] = False
    column: str
    along: str
    within: tuple[str, ...] = ()

    def problem(self, new: pd.DataFrame, old: pd.DataFrame | None, key: tuple[str, ...]) -> str | None:
        ordered = new.sort_values([*self.within, self.along])
        groups = ordered.groupby(list(self.within), dropna=False) if self.within else [((), ordered)]
        broken = []
        for name, group in groups:
            values = pd.to_numeric(group[self.column], errors="coerce")
            falls = values.diff() < 0
            if falls.any():
                broken.append(
                    f"{name if self.within else ''} at {self.along} {group.loc[falls, self.along].iloc[0]}".strip()
                )
        return f"'{self.column}' decreases along '{self.along}': {_examples(broken)}" if broken else None


@dataclass(frozen=True)
class NoJump:
    """Along the periods of ``along`` (within each series of ``within``), ``column`` never changes by
    more than ``factor`` times from one period to the next: a unit slip (GFlop/s read as TFlop/s,
    thousands as units) or a value typed a thousand times too large shows as such a jump."""

    compares_with_committed: ClassVar[bool] = False
    column: str
    along: str
    factor: float
    within: tuple[str, ...] = ()

    def problem(self, new: pd.DataFrame, old: pd.DataFrame | None, key: tuple[str, ...]) -> str | None:
        ordered = new.sort_values([*self.within, self.along])
        groups = ordered.groupby(list(self.within), dropna=False) if self.within else [((), ordered)]
        jumps = []
        for name, group in groups:
            values = pd.to_numeric(group[self.column], errors="coerce").where(lambda v: v > 0)
            ratio = values / values.shift()
            wild = (ratio > self.factor) | (ratio < 1 / self.factor)
            for at, r in zip(group.loc[wild, self.along], ratio[wild], strict=True):
                jumps.append(f"{name if self.within else ''} {at} (x{r:.3g})".strip())
        if not jumps:
            return None
        return (
            f"'{self.column}' jumps more than {self.factor:g} times from one '{self.along}' to the next: "
            f"{_examples(jumps)}"
        )


@dataclass(frozen=True)
class Distinct:
    """No two periods of ``along`` hold exactly the same ``columns`` for the same series (``within``):
    a publisher's file saved under a second name (last year's under this year's, or an earlier one's)
    shows as two periods alike, where real estimates always differ somewhere."""

    compares_with_committed: ClassVar[bool] = False
    columns: tuple[str, ...]
    along: str
    within: tuple[str, ...] = ()

    def problem(self, new: pd.DataFrame, old: pd.DataFrame | None, key: tuple[str, ...]) -> str | None:
        seen: dict[tuple, object] = {}
        for period, group in new.groupby(self.along):
            rows = group[[*self.within, *self.columns]].astype(str).itertuples(index=False, name=None)
            signature = tuple(sorted(rows))
            if signature in seen:
                return (
                    f"'{self.along}' {seen[signature]} and {period} hold exactly the same {', '.join(self.columns)}: "
                    "the same file under two names?"
                )
            seen[signature] = period
        return None


@dataclass(frozen=True)
class SpanKept:
    """No series (a group of ``series``) starts later or ends earlier in ``period`` than in the
    committed table: a file cut short would otherwise remove its first or last years."""

    compares_with_committed: ClassVar[bool] = True
    period: str
    series: tuple[str, ...] = ()

    def problem(self, new: pd.DataFrame, old: pd.DataFrame | None, key: tuple[str, ...]) -> str | None:
        if old is None or not {self.period, *self.series} <= set(old.columns):
            return None

        def spans(frame: pd.DataFrame) -> pd.DataFrame:
            grouped = (
                frame.groupby(list(self.series), dropna=False)
                if self.series
                else frame.assign(_all="all").groupby("_all")
            )
            return grouped[self.period].agg(["min", "max"]).astype(str)

        before, after = spans(old), spans(new)
        shrunk = []
        for name, row in before.iterrows():
            if name not in after.index:
                shrunk.append(f"{name}: gone (was {row['min']} to {row['max']})")
            elif after.loc[name, "min"] > row["min"] or after.loc[name, "max"] < row["max"]:
                shrunk.append(
                    f"{name}: {after.loc[name, 'min']} to {after.loc[name, 'max']}, was {row['min']} to {row['max']}"
                )
        return f"the span of '{self.period}' shrinks: {_examples(shrunk)}" if shrunk else None


@dataclass(frozen=True)
class Revised:
    """For rows whose key the committed table has, each of the numeric ``columns`` changes by at
    most ``at_most`` (a fraction of the committed value; 0: never, for figures that are final),
    and a value never becomes missing."""

    compares_with_committed: ClassVar[bool] = True
    columns: tuple[str, ...]
    at_most: float = 0.0

    def problem(self, new: pd.DataFrame, old: pd.DataFrame | None, key: tuple[str, ...]) -> str | None:
        if old is None or not set(key) <= set(old.columns):
            return None
        both = old.assign(_key=_keys(old, key)).merge(
            new.assign(_key=_keys(new, key)), on="_key", suffixes=("_old", "_new")
        )
        changed = []
        for column in [c for c in self.columns if c in old.columns and c in new.columns]:
            before = pd.to_numeric(both[f"{column}_old"], errors="coerce")
            after = pd.to_numeric(both[f"{column}_new"], errors="coerce")
            lost = before.notna() & after.isna()
            moved = (after - before).abs() > self.at_most * before.abs() + 1e-12
            for key, b, a in zip(
                both.loc[lost | moved, "_key"], before[lost | moved], after[lost | moved], strict=True
            ):
                changed.append(f"{column} of {key}: {b:g} -> {a:g}")
        if not changed:
            return None
        allowed = "may not change" if self.at_most == 0 else f"may change by at most {self.at_most:.0%}"
        return f"committed values that {allowed} did: {_examples(changed)}"


Check = MinRows | Within | Increasing | NoJump | Distinct | SpanKept | Revised
