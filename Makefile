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

# Two runs: the suite on two workers, then the end-to-end tests alone. They drive real
# terminals and a real screen reader, whose speech follows how frames arrive: with the
# rest of the suite loading both cores beside them, a frame now and then came in pieces.
test: lint
	$(BIN)/python -m pytest -q -p no:cacheprovider -n 2 --ignore=tests/e2e $(PYTEST_ARGS)
	$(BIN)/python -m pytest -q -p no:cacheprovider tests/e2e $(PYTEST_ARGS)

fmt: $(STAMP)
	$(BIN)/ruff format pass_tui tests bench scripts
	$(BIN)/ruff check --fix pass_tui tests bench scripts

bench: $(STAMP)
	$(BIN)/python bench/run.py --offers 100000 --json bench/results.json

clean:
	rm -rf $(VENV) build dist *.egg-info
