# The things people do. `make run` and `make test` work on a fresh clone: they install what they
# need (a virtualenv with pinned packages; Debian's PostgreSQL server and Chromium for the tests).

VENV   := .venv
PY     := $(VENV)/bin/python
UV     := python3 -m uv

.PHONY: run test lint fmt migrate install install-test system-deps bench clean

run: $(VENV)/.installed
	$(PY) -m infra.embedded

test: $(VENV)/.installed-test system-deps
	$(PY) -m pytest

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

fmt: $(VENV)/.installed-test
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Production: DATABASE_URL and friends come from the environment (README.md).
migrate: $(VENV)/.installed
	$(VENV)/bin/flask --app web tenants migrate

bench: $(VENV)/.installed-test
	$(PY) -m infra.bench.landing

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

$(VENV)/bin/python:
	python3 -m pip install --quiet --disable-pip-version-check uv
	$(UV) venv --quiet --python python3.11 $(VENV)

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(UV) pip install --quiet --python $(PY) -r pyproject.toml
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(VENV)/bin/python
	$(UV) pip install --quiet --python $(PY) -r pyproject.toml --extra test
	touch $@ $(VENV)/.installed

system-deps:
	bash infra/system-deps.sh

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
