# khabar: `make run` ingests the bundled examples into a store and serves the web page; `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: install run serve test lint format bench quality fuzz clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "khabar needs Python 3.11 or newer (set PYTHON=...)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

DB := build/khabar.db

examples/jawharafm.jsonl:
	$(BIN)/python scripts/build_examples.py

# Ingesting again changes nothing, so `make run` can be repeated; Ctrl-C stops the server.
run: $(STAMP) examples/jawharafm.jsonl
	@mkdir -p build
	$(BIN)/khabar analyze examples/articles.jsonl --out build/examples.jsonl --quiet
	$(BIN)/khabar ingest examples/articles.jsonl examples/jawharafm.jsonl --db $(DB)
	@echo "serving on http://127.0.0.1:8000"
	$(BIN)/khabar serve --db $(DB) --host 127.0.0.1 --port 8000

serve: $(STAMP)
	@echo "serving on http://127.0.0.1:8000"
	$(BIN)/khabar serve --db $(DB) --host 127.0.0.1 --port 8000

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
	$(BIN)/python bench/store.py --limit 3000

# The quality gate alone: every `khabar eval` against the floors of tests/quality/baseline.toml.
quality: $(STAMP)
	$(BIN)/pytest tests/quality

# The long fuzz run (the fuzz tests run a few hundred examples in `make test`).
fuzz: $(STAMP)
	$(BIN)/python bench/fuzz.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache .hypothesis
