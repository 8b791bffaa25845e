# Two commands do everything on a fresh machine:
#   make run    set up, import the shipped trials, train if needed, start the bot and the web page
#   make test   set up, train if needed, run the whole test suite
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
RASA := $(VENV)/bin/rasa
MODEL := models/ms-trials.tar.gz
RASA_INPUTS := config.yml domain.yml $(shell find bot/data -name '*.yml' 2>/dev/null)

export RASA_TELEMETRY_ENABLED := false
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export TF_CPP_MIN_LOG_LEVEL := 2

.PHONY: help run test test-fast lint format setup browser data train validate bench lock clean widget

help:  ## this list
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

run: setup data train  ## set up, import the trials, train if needed, start the bot and the web page
	$(PY) -m scripts.stack

# The tests that start no server or browser and share no database run on every CPU
# (pytest-xdist); those that start Rasa servers, drive Chromium or share PostgreSQL and Redis
# run one at a time after them. Both parts always run; either failing fails the target.
TEST_WORKERS ?= auto
ALONE := slow or browser or postgres or redis

test: setup browser train lint  ## everything CI runs: lint, then the whole test suite
	@status=0; \
	$(PY) -m pytest -n $(TEST_WORKERS) -m "not ($(ALONE))" $(PYTEST_ARGS) || status=$$?; \
	$(PY) -m pytest -m "$(ALONE)" $(PYTEST_ARGS) || status=$$?; \
	exit $$status

test-fast: setup  ## the edit loop: tests that need no trained model, server or browser
	$(PY) -m pytest -n $(TEST_WORKERS) -m "not slow and not browser" -p no:cacheprovider -q \
		$(PYTEST_ARGS)

lint: setup  ## ruff with the project's settings (pyproject.toml [tool.ruff]): rules and format
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: setup  ## rewrite the code in the project's format (ruff format), then `make lint`
	$(VENV)/bin/ruff format .

setup: widget
	@./scripts/setup_venv.sh

# Debian's chromium + chromium-driver for the browser tests (installed when run as root).
browser:
	@./scripts/ensure_chromium.sh

# --- chat widget (issue #5): `npm ci` + our build into web/widget/dist, served by the web app ---
WIDGET := web/widget/dist/ms-chat-widget.js
WIDGET_INPUTS := web/widget/package.json web/widget/package-lock.json web/widget/build.mjs \
	$(wildcard web/widget/src/*)

widget: $(WIDGET)

$(WIDGET): $(WIDGET_INPUTS)
	@./scripts/build_widget.sh

# Import the shipped ClinicalTrials.gov records into the store if it is empty.
data: setup  ## import the shipped trials into an empty store
	$(PY) -m trials_db import --if-empty --no-progress

train: setup $(MODEL)  ## train the Rasa model when its data changed

$(MODEL): $(RASA_INPUTS)
	$(RASA) train --data bot/data --config config.yml --domain domain.yml \
		--out models --fixed-model-name ms-trials

validate: setup  ## rasa data validate
	$(RASA) data validate --data bot/data --config config.yml --domain domain.yml

# All benchmarks (issue #7: benchmarks/run_all.py), gathered into one table; the conversation
# load benchmark starts its own stack on free ports, hence the trained model.
bench: setup train  ## all benchmarks, one table
	$(PY) benchmarks/run_all.py

# Regenerate the lock after changing requirements.txt (needs network access to the index).
lock:
	rm -rf .lock-venv && ./scripts/make_lock.sh

clean:
	rm -rf models .rasa data/*.db data/*.db-* data/logs .pytest_cache
