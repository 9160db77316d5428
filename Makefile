# The verbs a newcomer looks for. `make run` and `make test` do all the set-up on a fresh machine
# that has Python 3.11+ and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run migrate seed test lint format migrations-check check-deploy messages clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

migrate: install
	$(BIN)/python manage.py migrate --no-input

# The one place that loads content on a fresh site: the press releases in seeds/.
seed: migrate
	$(BIN)/python manage.py import_articles seeds/

run: seed
	$(BIN)/python manage.py ensure_editor --site-url http://$(HOST):$(PORT)
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# The browser checks use npm tools (axe-core, the Nu HTML checker); without npm they skip locally.
test: install
	@if command -v npm >/dev/null && [ ! -d node_modules ]; then $(MAKE) browser-tools; fi
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The npm dev tools the browser tests use (axe-core, the Nu HTML checker); `make run` needs none of them.
.PHONY: browser-tools
browser-tools:
	npm ci --ignore-scripts --no-audit --no-fund

# Benchmarks (minutes, not part of the tests): the importer and the reader pages, each on a scratch SQLite
# database; docs/benchmarks.md says how to run them on PostgreSQL and with Redis, and what they measured.
.PHONY: bench
bench: install
	$(BIN)/python bench/import_bench.py
	$(BIN)/python bench/pages_bench.py

# The formatter owns the layout: no `fmt: skip` / `fmt: off` markers to fight it.
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	@! grep -rn --include='*.py' -e 'fmt: skip' -e 'fmt: off' articles comments newsroom tests bench \
		|| { echo "remove the fmt: skip / fmt: off markers above (make format lays the code out)"; exit 1; }

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

migrations-check: install
	$(BIN)/python manage.py makemigrations --check --dry-run

# The documented production settings (README, "Production"): behind one proxy, with a shared Redis
# (the check does not connect to it). Set NEWSROOM_PROXY_HOPS or REDIS_URL to check other values.
check-deploy: install
	DJANGO_DEBUG=false DJANGO_SECRET_KEY="$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(64))')" \
		NEWSROOM_PROXY_HOPS="$${NEWSROOM_PROXY_HOPS:-1}" REDIS_URL="$${REDIS_URL:-redis://127.0.0.1:6379/0}" \
		$(BIN)/python manage.py check --deploy --fail-level WARNING

# Refresh the Persian translations after changing user-facing strings; the compiled .mo is committed so
# a fresh machine needs no gettext tools.
messages: install
	$(BIN)/python manage.py makemessages -l fa --ignore=node_modules --ignore=staticfiles --ignore=tests --ignore=bench
	$(BIN)/python manage.py compilemessages -l fa --ignore=.venv --ignore=node_modules

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache
