# The two commands: `make run` and `make test`. Everything else is a helper for them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
PROD_PORT ?= 8080
DEV_SETTINGS := site_app.settings.dev
MANAGE := DJANGO_SETTINGS_MODULE=$(DEV_SETTINGS) $(BIN)/python manage.py

.PHONY: run test lint check bench bench-search serve-prod install install-dev browser-deps server-deps messages clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/activate
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/activate
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

# Chromium, Java and the pinned npm packages (axe-core, vnu-jar) for the browser tests.
browser-deps:
	./.ci/browser-deps

# nginx with the cache-purge module and wrk, for serve-prod, the cache test and the bench.
server-deps:
	./.ci/server-deps

node_modules/.installed: package.json package-lock.json
	npm ci --silent --no-audit --no-fund
	touch $@

run: install
	$(MANAGE) migrate --noinput
	BASE_URL=$${BASE_URL:-http://127.0.0.1:$(PORT)} $(MANAGE) load_demo
	@# A task worker beside the dev server (e-mail alerts and digests), stopped on exit.
	TASKS_BACKEND=django_tasks_db.DatabaseBackend $(MANAGE) db_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	TASKS_BACKEND=django_tasks_db.DatabaseBackend $(MANAGE) runserver 127.0.0.1:$(PORT)

lint: install-dev
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

check: install-dev
	DJANGO_SETTINGS_MODULE=site_app.settings.test $(BIN)/python manage.py check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=site_app.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

test: install-dev node_modules/.installed lint check
	$(BIN)/pytest $(PYTEST_ARGS)

bench: install-dev server-deps
	DJANGO_SETTINGS_MODULE=site_app.settings.test $(BIN)/python tests/bench/run.py
	DJANGO_SETTINGS_MODULE=site_app.settings.test $(BIN)/python tests/bench/search.py

# Search latency alone over 10,000 generated pages (SQLite; also PostgreSQL with
# BENCH_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/<empty database>).
bench-search: install-dev
	DJANGO_SETTINGS_MODULE=site_app.settings.test $(BIN)/python tests/bench/search.py

# The production set-up on this machine: gunicorn (2 workers) + db_worker behind nginx's cache
# on http://127.0.0.1:8080/ (PROD_PORT=...), production settings with local Redis and SMTP.
serve-prod: install server-deps
	PORT=$(PROD_PORT) $(BIN)/python deploy/serve_prod.py

# Update the interface translations after changing texts (needs GNU gettext).
messages: install
	$(MANAGE) makemessages -l en -l fr -l tr -l ar --no-obsolete \
		-i ".venv/*" -i "node_modules/*" -i "tests/*" -i "*/demo.py" -i "*/demo_tools.py" \
		-i "static_collected/*" -i "media/*" -i "test-artifacts/*"
	$(MANAGE) compilemessages -i ".venv" -i "node_modules"

clean:
	rm -rf $(VENV) node_modules static_collected media db.sqlite3 .serve-prod
