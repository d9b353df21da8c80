# The two commands of the README: `make run` and `make test`. Everything else is a step of them.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
export DEBUG ?= 1

.PHONY: run test system-deps system-deps-test assets migrate demo lint pytest

run: system-deps $(VENV)/.installed assets migrate demo
	scripts/serve

test: system-deps-test $(VENV)/.installed-dev assets lint
	$(BIN)/pytest

system-deps:
	scripts/system-deps.sh runtime

system-deps-test:
	scripts/system-deps.sh test

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt | $(VENV)/bin/python
	$(BIN)/pip install --disable-pip-version-check -q -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(BIN)/pip install --disable-pip-version-check -q -r requirements-dev.txt
	touch $(VENV)/.installed $@

assets: static/vendor/.installed

# The source maps go with the minified files that name them: collectstatic's manifest storage
# follows every sourceMappingURL and fails on a missing one (every page then answers 500).
static/vendor/.installed: package.json package-lock.json Makefile
	npm ci --no-audit --no-fund --loglevel=error
	rm -rf static/vendor
	mkdir -p static/vendor/bootstrap static/vendor/bootstrap-icons static/vendor/htmx
	cp node_modules/bootstrap/dist/css/bootstrap.min.css node_modules/bootstrap/dist/css/bootstrap.min.css.map \
	  node_modules/bootstrap/dist/js/bootstrap.bundle.min.js node_modules/bootstrap/dist/js/bootstrap.bundle.min.js.map \
	  static/vendor/bootstrap/
	cp -r node_modules/bootstrap-icons/font/bootstrap-icons.min.css node_modules/bootstrap-icons/font/fonts static/vendor/bootstrap-icons/
	cp node_modules/htmx.org/dist/htmx.min.js static/vendor/htmx/
	touch $@

migrate:
	$(BIN)/python manage.py migrate --noinput

demo:
	$(BIN)/python manage.py load_demo

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/python manage.py makemigrations --check --dry-run

pytest:
	$(BIN)/pytest
