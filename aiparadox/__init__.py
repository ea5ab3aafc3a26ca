"""Shared code of the data essay 'Who gains from AI?'.

* :mod:`aiparadox.datapackage`: table specifications, loading and validating the cache;
* :mod:`aiparadox.datasets`: deriving tidy tables from raw inputs, replacing the cache safely;
* :mod:`aiparadox.topics`: one module per chapter (derivation, analysis, charts, claims);
* :mod:`aiparadox.ledger`: the article's claims and the verdicts the chapters compute;
* :mod:`aiparadox.charts` and :mod:`aiparadox.book`: chart theme, offline renderer, glue helpers.
"""

__all__ = ["DataError", "load"]


def __getattr__(name: str):
    # Imported on first use: the Sphinx extension imports this package in every build, and
    # aiparadox.datapackage imports pandas, which a build that executes nothing does not need.
    if name in __all__:
        from . import datapackage

        return getattr(datapackage, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
