# The two commands a fresh machine needs: `make report` and `make test` (see README.md).
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install report html pdf validate execute test test-fast lint bench clean preview \
	review-setup check

# Create the virtual environment and install the package with its pinned dependencies.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

## The report: validate the data, execute the notebooks, build the HTML book and the PDF.
## Chromium (for the PDF) is installed first where it is missing and the user may install it;
## otherwise the HTML is built and the command to install Chromium is printed.
report: install
	-@tools/system-packages.sh --if-missing
	$(BIN)/nsc-report report

html: install
	$(BIN)/nsc-report build

pdf: install
	$(BIN)/nsc-report pdf

validate: install
	$(BIN)/nsc-report validate

execute: install
	$(BIN)/nsc-report execute

## What stands between the edition and its publication (exit 0 only when nothing does).
check: install
	$(BIN)/nsc-report check

## The whole test suite: unit, validation, nbval (every executed notebook re-executed), build,
## browser, accessibility and PDF tests, on every core (pytest-xdist; JOBS=1 runs them serially).
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
# loadscope: a test module's tests (and a notebook's cells, which share one kernel) stay in one
# test process, so a module's fixtures are made once.
XDIST = $(if $(filter 1,$(JOBS)),-p no:xdist,-n $(JOBS) --dist loadscope)

test: install
	$(BIN)/ruff check src tests bench conftest.py
	$(BIN)/lint-imports
	$(BIN)/python -m pytest $(XDIST)

## Without the build, browser and PDF tests; nbval only on the notebooks whose inputs changed
## since they were executed (the execution cache proves the others unchanged).
test-fast: install
	$(BIN)/python -m pytest $(XDIST) -m "not build and not browser" --nbval-changed-only

lint: install
	$(BIN)/ruff check src tests bench conftest.py
	$(BIN)/lint-imports

bench: install
	$(BIN)/python bench/build.py --repeat 3 --preview-repeat 5 --soak 200

## Live preview: rebuilds and reloads the page as you edit (http://127.0.0.1:8000).
preview: install
	$(BIN)/nsc-report preview

## Notebook diffs and merges as cells, not JSON (nbdime's git drivers, for this clone).
review-setup: install
	$(BIN)/nbdime config-git --enable

clean:
	rm -rf _build
