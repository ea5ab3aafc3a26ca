"""One module per topic of the book (a chapter's data, analysis, charts and claims).

Each module may declare ``DATASET`` (see :class:`aiparadox.datasets.Dataset`) and register the
article's claims it tests with :func:`aiparadox.ledger.assesses`. Modules are discovered, so a
new chapter adds a module here and touches no list elsewhere.
"""
