"""The wheel carries what the pages read at run time (aiparadox.pages.ship): an installed package
has no clone around it. Everything else about the package is in pyproject.toml."""

import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildPyWithPages(build_py):
    """Copy the pages, _toc.yml, CITATION.cff, references.bib, data/datapackage.json and the commit
    into aiparadox/_book/ of the build. An editable install reads them from the clone instead."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        root = Path(__file__).resolve().parent
        sys.path.insert(0, str(root))
        from aiparadox.pages import ship

        ship(Path(self.build_lib) / "aiparadox" / "_book", root)


setup(cmdclass={"build_py": BuildPyWithPages})
