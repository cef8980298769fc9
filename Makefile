# Newsroom: `make run` to set up and serve, `make test` to set up and run the test suite.

SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

# The newest Python 3.12+ on PATH or under pyenv; PYTHON=/path/to/python overrides it.
PYTHON ?= $(shell for candidate in python3.14 python3.13 python3.12 \
	$$(ls -d $$(pyenv root 2>/dev/null)/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -rV) python3; do \
	command -v $$candidate >/dev/null 2>&1 \
	&& $$candidate -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null \
	&& { command -v $$candidate; break; }; done)

MANAGE := $(BIN)/python manage.py

.PHONY: help install run serve setup migrate seed admin test lint format lock messages compilemessages backup restore clean

help:
	@echo "make run      set up (virtualenv, dependencies, database, seed data) and serve on http://$(HOST):$(PORT)/"
	@echo "make serve    production: migrate, collect static files, serve with gunicorn (see README, Deploying)"
	@echo "make test     set up and run the whole test suite"
	@echo "make lint     ruff check and ruff format --check"
	@echo "make format   apply ruff's fixes and formatting"
	@echo "make lock     re-pin dependencies into requirements.lock after editing pyproject.toml"
	@echo "make messages   update locale/fr/LC_MESSAGES/django.po after changing interface strings"
	@echo "make compilemessages   compile the .po catalogs into the .mo files Django reads"
	@echo "make backup   back up the site's data to backups/newsroom-YYYYmmdd-HHMMSS.jsonl.gz"
	@echo "make restore FILE=backups/...jsonl.gz   restore a backup into an empty database (REPLACE=1 replaces its data)"
	@echo "make clean    remove the virtualenv and the local SQLite database"

$(STAMP): requirements.lock
	@if [ -z "$(PYTHON)" ]; then \
		echo "Newsroom needs Python 3.12 or newer (Django 6.1 requires it); none was found on PATH or under pyenv." >&2; \
		echo "Install Python 3.12+, or name one: make $(or $(MAKECMDGOALS),install) PYTHON=/path/to/python3.12" >&2; \
		exit 1; \
	fi
	@if ! "$(PYTHON)" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then \
		echo "Newsroom needs Python 3.12 or newer (Django 6.1 requires it); PYTHON=$(PYTHON) is $$("$(PYTHON)" --version 2>/dev/null || echo 'not a working Python')." >&2; \
		exit 1; \
	fi
	@if ! [ -x $(BIN)/python ] || ! $(BIN)/python -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then \
		rm -rf $(VENV) && echo "Creating $(VENV) with $(PYTHON)" && "$(PYTHON)" -m venv $(VENV); \
	fi
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	@touch $(STAMP)

install: $(STAMP)

migrate: install
	$(MANAGE) migrate --no-input

seed: migrate
	$(MANAGE) loaddata seed
	$(MANAGE) build_archive

admin: migrate
	@$(MANAGE) ensure_local_admin

setup: seed admin

run: setup
	$(MANAGE) runserver $(HOST):$(PORT)

# Production: DJANGO_DEBUG defaults to 0 here, so DJANGO_SECRET_KEY must be set.
serve: export DJANGO_DEBUG ?= 0
serve: install
	$(MANAGE) check --deploy --fail-level WARNING
	$(MANAGE) migrate --no-input
	$(MANAGE) collectstatic --no-input --verbosity 0
	$(BIN)/gunicorn --config python:newsroom.gunicorn

# The suite runs on every core (pytest-xdist); TEST_WORKERS=0 runs it in one process.
# Items go to the workers in collection order, so each still runs pytest-django's
# transactional tests after the others (they empty the tables the others rely on).
TEST_WORKERS ?= auto
test: install
	$(BIN)/pytest --numprocesses $(TEST_WORKERS) --dist load

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

lock: install
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.12 --generate-hashes -o requirements.lock
	$(BIN)/python -m pip uninstall --quiet --yes uv

messages: install
	$(MANAGE) makemessages --locale fr --ignore '.venv/*' --ignore 'tests/*' --ignore 'bench/*' --ignore 'staticfiles/*' --no-obsolete

compilemessages: install
	$(MANAGE) compilemessages --ignore '.venv/*'

backup: install
	$(MANAGE) backup_site

restore: install
	@if [ -z "$(FILE)" ]; then echo "Name the backup to restore: make restore FILE=backups/newsroom-YYYYmmdd-HHMMSS.jsonl.gz" >&2; exit 2; fi
	$(MANAGE) restore_site "$(FILE)" $(if $(REPLACE),--replace)

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache .ruff_cache
