"""The book's benchmark (``make bench``): see :mod:`bench.run`."""
