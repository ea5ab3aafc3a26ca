"""Environment variables through which the Sphinx extension tells notebook kernels how they run.

They live apart from :mod:`aiparadox.book` and :mod:`aiparadox.charts` so that the extension,
which every build imports (a warm rebuild with nothing to do included), does not import pandas and
Altair: that import was most of the time a warm rebuild spent beyond the bare toolchain's.
"""

# Set inside the kernels of a book build (see aiparadox.book.in_book_build).
BUILD_ENV = "AIPARADOX_BOOK_BUILD"
# The language of the edition being built ("en", "fr"): the Sphinx extension sets it from the
# build's `language`, so that text made in Python (verdicts, chart text) comes out in the page's language.
LANGUAGE_ENV = "AIPARADOX_LANGUAGE"
