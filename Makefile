# Two commands on a fresh machine: `make build` (the site, into site/) and `make test`.
# Both create .venv and install the locked dependencies first.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: build test check serve export lint clean lock browser

$(VENV)/.runtime-installed: requirements.lock pyproject.toml devstore/pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e ./devstore  # make serve's store
	@touch $@

$(VENV)/.dev-installed: $(VENV)/.runtime-installed requirements-dev.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.lock
	@touch $@

## build: validate the content and build the site into site/ (the old site stays if anything fails)
build: $(VENV)/.runtime-installed
	$(BIN)/helpcenter build

## check: validate the content only
check: $(VENV)/.runtime-installed
	$(BIN)/helpcenter check

## serve: preview on http://127.0.0.1:8000 with live reload and a development store for the widgets
serve: $(VENV)/.runtime-installed
	$(BIN)/helpcenter serve --demo-store

## test: the whole test suite (unit, golden, build, real-browser), then ruff and mypy
test: $(VENV)/.dev-installed browser
	$(BIN)/python -m pytest
	$(BIN)/ruff check generator devstore tests benchmarks
	$(BIN)/mypy

## lint: ruff and mypy only
lint: $(VENV)/.dev-installed
	$(BIN)/ruff check generator devstore tests benchmarks
	$(BIN)/mypy

## browser: make sure Debian's Chromium is there for the browser tests
browser:
	@scripts/ensure-chromium

## lock: re-resolve the dependencies from pyproject.toml into the lock files
lock:
	scripts/lock

clean:
	rm -rf site $(VENV) .pytest_cache .mypy_cache .ruff_cache
