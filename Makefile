# Twinning — `make demo` serves the demo, `make test` runs every test; both set up what is missing.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: demo serve test test-sqlite test-postgres test-e2e lint bench messages system-deps vendor clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Twinning needs Python 3.11 or newer"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

demo: $(STAMP) vendor
	PORT=$(PORT) $(BIN)/twinning demo --port $(PORT)

serve: $(STAMP) vendor
	$(BIN)/twinning serve --port $(PORT)

# Browser tests drive Debian's Chromium and need CJK fonts; install them when we can (root).
system-deps:
	@if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	  else echo "note: chromium or fonts-noto-cjk missing and not root: browser tests will be skipped"; fi; \
	fi

# Front-end packages (map borders, graph layout) from npm into the static files; see package.json.
vendor:
	$(PYTHON) scripts/vendor_static.py

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy src/twinning
	$(BIN)/python -m django makemigrations --check --dry-run --settings=twinning.settings >/dev/null

# Tests run in parallel (pytest-xdist, ADR 0027): one worker per core, each test file whole on
# one worker. TEST_WORKERS=0 runs them in this process; one test: .venv/bin/python -m pytest tests/x.py::name
# Browser tests run in one process after the others: two Chromiums at once time out on 2 cores.
TEST_WORKERS ?= auto
XDIST := -n $(TEST_WORKERS) --dist loadfile

test-sqlite: $(STAMP) system-deps vendor
	$(BIN)/python -m pytest -q $(XDIST) -m "not e2e"
	$(BIN)/python -m pytest -q -m e2e

test-postgres: $(STAMP)
	$(BIN)/python -m pytest -q $(XDIST) -p tests.postgres_plugin -m "not e2e"

# Lint, then the two halves one after the other, each on every core; running them side by side
# as well put four workers on two cores and timed out the tests that wait for a real server.
# The halves share what tests/installation.py builds once (the demo installation, its backup).
test:
	@shared=$$(mktemp -d) && trap 'rm -rf "$$shared"' EXIT && \
	TWINNING_TEST_SHARED="$$shared" $(MAKE) --no-print-directory lint test-sqlite test-postgres

bench: $(STAMP)
	$(BIN)/python bench/run.py

messages: $(STAMP)
	cd src/twinning && ../../$(BIN)/python -m django makemessages -l zh_Hans --no-obsolete --settings=twinning.settings --ignore "extract/*" --ignore "matching/*"
	cd src/twinning && ../../$(BIN)/python -m django compilemessages --settings=twinning.settings

clean:
	rm -rf $(VENV) var node_modules src/twinning/static/twinning/vendor
