# `make` sets up .venv and builds the pamphlet; `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: all build normalise check test bench clean

all: build

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --editable '.[test]'
	touch $(STAMP)

build: $(STAMP)
	$(BIN)/pamphleteer build

normalise: $(STAMP)
	$(BIN)/pamphleteer normalise

check: $(STAMP)
	$(BIN)/pamphleteer check

test: $(STAMP)
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/pip install --quiet --editable '.[test,bench]'
	$(BIN)/python bench/run.py

clean:
	rm -rf build
