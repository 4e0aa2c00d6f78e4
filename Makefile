# The two commands of the README: `make run` and `make test`. Both set up everything
# first (system packages on Debian, the virtual environment, the app in editable mode).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
READY := $(VENV)/.ready
BENCH_READY := $(VENV)/.bench-ready
DEMO_DB := demo-data/demo.sqlite

.PHONY: setup run test lint typecheck unit bench translations screenshots clean

setup: $(READY)

$(READY): pyproject.toml scripts/install-system-packages.sh
	bash scripts/install-system-packages.sh
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev,package]'
	touch $@

# Opens the app on a demo workshop (created the first time, kept afterwards).
run: $(READY)
	$(PY) -m workshop_app demo --db $(DEMO_DB) --if-missing
	$(PY) -m workshop_app --db $(DEMO_DB)

test: lint typecheck unit

lint: $(READY)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: $(READY)
	$(VENV)/bin/mypy

unit: $(READY)
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest

bench: $(BENCH_READY)
	QT_QPA_PLATFORM=offscreen $(PY) bench/registration.py
	QT_QPA_PLATFORM=offscreen $(PY) bench/board.py
	QT_QPA_PLATFORM=offscreen $(PY) bench/voting.py
	QT_QPA_PLATFORM=offscreen $(PY) bench/startup.py
	$(PY) bench/documents.py
	$(PY) bench/action_plan.py
	$(PY) bench/duplicates.py
	$(PY) bench/linebreak.py
	$(PY) bench/imports.py
	$(PY) bench/sync.py
	$(PY) bench/phones.py
	QT_QPA_PLATFORM=offscreen $(PY) bench/phone_gui.py
	QT_QPA_PLATFORM=offscreen $(PY) bench/busy_layout.py
	$(PY) bench/installers.py

# The bench extra: WeasyPrint, which bench/documents.py times on the same minutes.
$(BENCH_READY): $(READY)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[bench]'
	touch $@

# Refresh the Thai translation source after changing UI strings, then compile it together
# with qtbase_th.ts: Qt's own buttons and dialogs in Thai (Qt ships no Thai translation).
translations: $(READY)
	$(VENV)/bin/pyside6-lupdate $$(find workshop_app/ui -name '*.py' | sort) -ts resources/translations/workshop_app_th.ts -no-obsolete
	$(VENV)/bin/pyside6-lrelease resources/translations/workshop_app_th.ts resources/translations/qtbase_th.ts -qm resources/translations/workshop_app_th.qm

# Every page at the 1366×768 of most government laptops, in a real X server (Xvfb).
screenshots: $(READY)
	xvfb-run -a -s "-screen 0 1366x768x24 -nolisten tcp" env QT_QPA_PLATFORM=xcb $(PY) scripts/screenshots.py screenshots

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache .pytest_cache
