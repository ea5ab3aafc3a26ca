"""The essay as a whole: the scorecard of verdicts, the claims no dataset here can test, the ledger's chart.

Pages: ``intro.md`` (what the book found, how to cite it), ``chapters/ledger.md`` (the ledger of
claims, its chart and the claims no data here can test) and ``chapters/conclusion.md`` (the
scorecard).

This topic has no dataset, so no ``raw`` or ``tables`` part: it reads no publisher's file, only the
verdicts that the other chapters compute (``aiparadox.ledger.assessments()``) and the book's own
``CITATION.cff``. The flow is claims -> facts -> charts:

* :mod:`.claims`: the forecasts, anecdotes and framings of the article that no data set in this
  book bears on, assessed "not checkable" with a sentence saying what kind of statement each is;
* :mod:`.facts`: the verdict counts and the citation, one function per page section;
* :mod:`.charts`: the ledger's chart of verdicts by page, and its description.
"""
