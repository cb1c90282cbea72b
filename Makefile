# The README's two commands. Both create .venv/ and install requirements.txt on first use.
PY := .venv/bin/python
HOST ?= 127.0.0.1:8000

.PHONY: demo test test-deps venv export-archive import-archive

venv: .venv/.installed

.venv/.installed: requirements.txt
	test -x $(PY) || python3 -m venv .venv
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

# (1) Set up, load the demo content on SQLite, print the log-ins, serve on http://$(HOST)
demo: venv
	$(PY) manage.py migrate --no-input -v 0
	$(PY) manage.py load_demo
	@echo "سند آماده است: http://$(HOST)/  —  پیشخوان مدیریت: http://$(HOST)/admin/"
	$(PY) manage.py runserver $(HOST)

# (2) Set up and run the whole test suite (SQLite, or the database in DATABASE_URL), with an OpenSearch
#     node for the search-engine contract when Java and Maven are there (search/opensearch-node/with-node.sh)
test: venv
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	search/opensearch-node/with-node.sh $(PY) -m pytest $(PYTEST_ARGS)

# The Debian packages the whole suite uses beyond Python (as root): Chromium, Poppler, zbar, Tesseract with
# Persian, Pango, Node.js, Java 17 and Maven. Without them `make test` skips what needs them and says why.
test-deps:
	.ci/debian-packages

# Whole-archive export and import as a BagIt bag (README, «Archive export and import»)
BAG ?= var/archive-bag
export-archive: venv
	$(PY) manage.py export_archive $(BAG)
	$(PY) -m bagit --validate $(BAG)

import-archive: venv
	$(PY) manage.py migrate --no-input -v 0
	$(PY) manage.py import_archive $(BAG)
	$(PY) manage.py verify_integrity
