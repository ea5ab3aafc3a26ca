"""Environment variables through which the Sphinx extension tells notebook kernels how they run.

They live apart from :mod:`aiparadox.book` and :mod:`aiparadox.charts` so that the extension,
which every build imports (a warm rebuild with nothing to do included), does not import pandas and
Altair: that import was most of the time a warm rebuild spent beyond the bare toolchain's.
"""

# Set inside the kernels of a book build (see aiparadox.book.in_book_build).
BUILD_ENV = "AIPARADOX_BOOK_BUILD"
