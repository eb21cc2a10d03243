# The two commands: `make run` and `make test`. Everything else is a helper for them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
DEV_SETTINGS := site_app.settings.dev
MANAGE := DJANGO_SETTINGS_MODULE=$(DEV_SETTINGS) $(BIN)/python manage.py

.PHONY: run test lint check bench install install-dev browser-deps messages clean

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

node_modules/.installed: package.json package-lock.json
	npm ci --silent --no-audit --no-fund
	touch $@

run: install
	$(MANAGE) migrate --noinput
	BASE_URL=$${BASE_URL:-http://127.0.0.1:$(PORT)} $(MANAGE) load_demo
	$(MANAGE) runserver 127.0.0.1:$(PORT)

lint: install-dev
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

check: install-dev
	DJANGO_SETTINGS_MODULE=site_app.settings.test $(BIN)/python manage.py check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=site_app.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

test: install-dev node_modules/.installed lint check
	$(BIN)/pytest $(PYTEST_ARGS)

bench: install-dev
	DJANGO_SETTINGS_MODULE=site_app.settings.test $(BIN)/python tests/bench/run.py

# Update the interface translations after changing texts (needs GNU gettext).
messages: install
	$(MANAGE) makemessages -l en -l fr -l tr -l ar --no-obsolete \
		-i ".venv/*" -i "node_modules/*" -i "tests/*" -i "*/demo.py" -i "*/demo_*.py" \
		-i "static_collected/*" -i "media/*" -i "test-artifacts/*"
	$(MANAGE) compilemessages -i ".venv" -i "node_modules"

clean:
	rm -rf $(VENV) node_modules static_collected media db.sqlite3
