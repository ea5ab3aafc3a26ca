# One command builds the book, one tests it. Everything runs in .venv, created from the pins.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.package-lock.json
RAW ?= data/raw
BOOK_FLAGS := -W --keep-going -n
RUNS ?= 3
LOADS ?= 5

.PHONY: book test pdf bench notebooks assignments data data-build data-check clean clean-all

book: $(STAMP) ## build the book into _build/html
	$(BIN)/jupyter-book build . $(BOOK_FLAGS)

test: $(STAMP) $(NODE_STAMP) ## run the whole test suite (builds the book first if needed)
	$(BIN)/python -m pytest

bench: $(STAMP) ## measure builds, notebooks, derivations, page weight and chart drawing beside a bare book (RUNS=3 LOADS=5 BENCH_ARGS="--raw DIR")
	$(BIN)/python -m bench.run --runs $(RUNS) --loads $(LOADS) --build-flags="$(BOOK_FLAGS)" $(BENCH_ARGS)

data-build: $(STAMP) ## re-derive data/ from raw inputs in $(RAW) (e.g. make data-build RAW=../shared/sources)
	$(BIN)/python -m aiparadox data build --raw $(RAW)

pdf: $(STAMP) ## the whole book as one PDF, charts as images: _build/pdf/who-gains-from-ai.pdf
	$(BIN)/jupyter-book build . --builder singlehtml --path-output _build/pdf $(BOOK_FLAGS)
	$(BIN)/python -m aiparadox pdf

notebooks: $(STAMP) ## write _build/notebooks/: each page as .ipynb and each chapter's student copy (what the notebooks branch publishes)
	$(BIN)/python -m aiparadox notebooks --out _build/notebooks

assignments: $(STAMP) ## write assignments/ for teachers: the student copies, answer keys and otter-grader sources (never publish)
	$(BIN)/python -m aiparadox assignments --out assignments

data: $(STAMP) ## download fresh raw inputs into $(RAW), re-derive, validate, replace (FETCH="--dataset bls --folder top500=DIR"); README: what each dataset needs
	$(BIN)/python -m aiparadox data fetch --raw $(RAW) $(FETCH)

data-check: $(STAMP) ## validate data/datapackage.json and every table
	$(BIN)/python -m aiparadox data check

$(STAMP): requirements.txt constraints.txt pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt -c constraints.txt
	touch $@

# Test-only JavaScript (axe-core for the accessibility checks), pinned in package-lock.json.
$(NODE_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --silent; \
	else echo "npm not found: the accessibility tests will be skipped"; fi

clean: ## remove the built book (keeps the execution cache's neighbour, the venv)
	rm -rf _build

clean-all: clean
	rm -rf $(VENV)
