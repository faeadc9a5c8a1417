# Focus: the two commands a newcomer needs are `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test check lint format typecheck pytest docs bench clean

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
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/pytest -n auto

format: $(STAMP)  ## rewrite code in the house format and fix what ruff can
	$(BIN)/ruff format src tests benchmarks
	$(BIN)/ruff check --fix src tests benchmarks

docs: $(STAMP)  ## regenerate docs/data-model.md from the schema
	$(BIN)/focus schema docs

bench: $(STAMP)  ## benchmarks of synth and ingest against baselines
	$(BIN)/python benchmarks/bench_synth_ingest.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
