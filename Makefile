# Two entry points: `make run` and `make test`. Both create .venv when missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint fmt bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/pass-tui $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check pass_tui tests bench scripts
	$(BIN)/ruff format --check pass_tui tests bench scripts

test: lint
	$(BIN)/python -m pytest -q -p no:cacheprovider -n 2 --dist loadgroup $(PYTEST_ARGS)

fmt: $(STAMP)
	$(BIN)/ruff format pass_tui tests bench scripts
	$(BIN)/ruff check --fix pass_tui tests bench scripts

bench: $(STAMP)
	$(BIN)/python bench/run.py --offers 100000 --json bench/results.json

clean:
	rm -rf $(VENV) build dist *.egg-info
