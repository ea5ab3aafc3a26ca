"""Shared code of the data essay 'Who gains from AI?'.

* :mod:`aiparadox.datapackage`: table specifications, loading and validating the cache;
* :mod:`aiparadox.datasets`: deriving tidy tables from raw inputs, replacing the cache safely;
* :mod:`aiparadox.topics`: one module per chapter (derivation, analysis, charts, claims);
* :mod:`aiparadox.ledger`: the article's claims and the verdicts the chapters compute;
* :mod:`aiparadox.charts` and :mod:`aiparadox.book`: chart theme, offline renderer, glue helpers.
"""

from .datapackage import DataError, load

__all__ = ["DataError", "load"]
