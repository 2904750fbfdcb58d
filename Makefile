# khabar: `make run` analyses the bundled examples and shows them; `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: install run test lint format bench clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "khabar needs Python 3.11 or newer (set PYTHON=...)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	@mkdir -p build
	$(BIN)/khabar analyze examples/articles.jsonl --out build/examples.jsonl
	$(BIN)/khabar show build/examples.jsonl
	@echo "khabar/1 JSONL written to build/examples.jsonl"

lint: $(STAMP)
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts

format: $(STAMP)
	$(BIN)/ruff format src tests bench scripts
	$(BIN)/ruff check --fix src tests bench scripts

test: lint
	$(BIN)/python scripts/build_charmaps.py --check
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python bench/text_layer.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache .hypothesis
