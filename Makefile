# Focus: the two commands a newcomer needs are `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test check lint format typecheck pytest browser docs bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev,spark]"
	touch $(STAMP)

install: $(STAMP)  ## create .venv and install Focus with its development tools

demo: $(STAMP)  ## the main job: synthetic area -> ingest -> lake status, under FOCUS_HOME (default ./var)
	$(BIN)/focus demo

test: $(STAMP) check  ## install, then run every check and every test

check: lint typecheck pytest  ## ruff, ruff format --check, mypy strict, pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks examples
	$(BIN)/ruff format --check src tests benchmarks examples

typecheck: $(STAMP)
	$(BIN)/mypy

FOCUS_TEST_DATABASE_URL ?= postgresql://postgres@127.0.0.1:5432/postgres

pytest: $(STAMP) browser  ## every test on SQLite, then the web tests again on PostgreSQL
	$(BIN)/pytest -n auto
	FOCUS_TEST_DATABASE_URL=$(FOCUS_TEST_DATABASE_URL) $(BIN)/pytest -n auto tests/web tests/e2e

browser:  ## Debian's chromium for the browser tests, installed when missing and running as root
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && apt-get update -qq && apt-get install -y -qq chromium; } || echo "chromium is missing: browser tests will be skipped"

format: $(STAMP)  ## rewrite code in the house format and fix what ruff can
	$(BIN)/ruff format src tests benchmarks examples
	$(BIN)/ruff check --fix src tests benchmarks examples

docs: $(STAMP)  ## regenerate docs/data-model.md from the schema
	$(BIN)/focus schema docs

bench: $(STAMP)  ## every benchmark, each against its baseline in the same run
	$(BIN)/python benchmarks/bench_synth_ingest.py
	$(BIN)/python benchmarks/bench_identify.py
	$(BIN)/python benchmarks/bench_linkage.py
	$(BIN)/python benchmarks/bench_network.py
	$(BIN)/python benchmarks/bench_web.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
