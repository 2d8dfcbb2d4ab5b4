# giaoban — the two commands a new user needs are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
HOST ?= 127.0.0.1:8000

.PHONY: run install test lint score train bench soak docs-preview screens clean system-packages system-packages-test

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Reinstall only when the dependencies change.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed ## the virtualenv with the project and its test tools

# What Python cannot install: as root with apt-get they are installed, otherwise the one command is named.
system-packages: ## the system packages make run needs (Pango/HarfBuzz for the PDFs, python3-venv)
	@PYTHON=$(PYTHON) sh tools/system-packages.sh run

system-packages-test: ## ... and those make test needs as well (chromium, poppler-utils)
	@PYTHON=$(PYTHON) sh tools/system-packages.sh test

run: system-packages install ## migrate the SQLite database under var/, load demo data, check, serve on http://$(HOST)
	GIAOBAN_DEMO=1 $(BIN)/giaoban migrate --noinput
	GIAOBAN_DEMO=1 $(BIN)/giaoban demo
	GIAOBAN_DEMO=1 $(BIN)/giaoban doctor
	@echo "Mở http://$(HOST)/ — đăng nhập bằng một tài khoản ở trên."
	GIAOBAN_DEMO=1 $(BIN)/giaoban runserver --insecure $(HOST)

# axe-core for the accessibility test, from the npm registry (a test tool, not served to users).
AXE := var/npm/node_modules/axe-core/axe.min.js
$(AXE):
	npm install --silent --no-audit --no-fund --prefix var/npm axe-core@4.14.1

test: system-packages-test install $(AXE) ## the whole suite; on PostgreSQL when DATABASE_URL=postgres://… is set
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check

score: install ## extract the dev set and both halves of every real batch; print their scores side by side
	rm -rf var/score && mkdir -p var/score
	$(BIN)/python tests/extract/score_table.py --scorer $(SHARED)/extraction/score.py --out var/score \
		dev=$(SHARED)/extraction/dev tune=tests/extract/real/tune blind=tests/extract/real/blind \
		tune2=tests/extract/real2/tune blind2=tests/extract/real2/blind \
		tune3=tests/extract/real3/tune blind3=tests/extract/real3/blind \
		tune4=tests/extract/real4/tune blind4=tests/extract/real4/blind tune5=tests/extract/real5/tune \
		tune6=tests/extract/real6/tune

# The annotated sets the directive selector learns from: never a blind half.
TRAIN_SETS := $(SHARED)/extraction/dev tests/extract/texts tests/extract/heldout tests/extract/blind2 \
	tests/extract/blind3 tests/extract/real/tune tests/extract/real2/tune tests/extract/real3/tune tests/extract/real4/tune \
	tests/extract/real5/tune tests/extract/real6/tune

train: install ## train the extractor's directive selector on the annotated sets (not the blind halves)
	$(BIN)/python -m giaoban.extract.train --out src/giaoban/extract/directive_model.json $(TRAIN_SETS)

# Pages under load at province scale (SQLite, and PostgreSQL when DATABASE_URL=postgres://… is set), and at
# nation scale when NATION_DB names a loaded PostgreSQL database on that server (see docs/scaling.md).
bench: install ## benchmarks; figures go in BENCHMARKS.md (the pages-under-load tables are written there)
	$(BIN)/pip install --quiet -e '.[bench]'
	@PYTHON=$(PYTHON) sh tools/system-packages.sh bench
	for b in benchmarks/*_bench.py; do [ $$b = benchmarks/web_bench.py ] || $(BIN)/python $$b || exit 1; done
	mkdir -p var/bench
	$(BIN)/python benchmarks/web_bench.py --engine sqlite --save var/bench/sqlite-province.json --write
	if [ -n "$$DATABASE_URL" ]; then $(BIN)/python benchmarks/web_bench.py --engine postgres \
		--save var/bench/pg-province.json --write || exit 1; fi
	if [ -n "$$NATION_DB" ]; then $(BIN)/python benchmarks/web_bench.py --scale nation --reuse "$$NATION_DB" \
		--compare var/bench/pg-province.json --save var/bench/pg-nation.json --write || exit 1; fi

soak: install ## 20 clients for 10 minutes on a mix of pages: errors and workers' memory every minute
	@PYTHON=$(PYTHON) sh tools/system-packages.sh bench
	$(BIN)/python benchmarks/soak.py --minutes $${MINUTES:-10} $${SOAK_DB:+--reuse $$SOAK_DB}

clean:
	rm -rf $(VENV) var/score var/preview

screens: system-packages-test install ## screenshots of the main pages at 360 px and 1366 px under var/screens/
	GIAOBAN_SCREENS=var/screens $(BIN)/pytest -q tests/test_screens.py
	@echo "Ảnh chụp các trang chính: var/screens/"

docs-preview: install ## render the demo meetings' documents to PDF and PNG pages under var/preview/
	GIAOBAN_DEMO=1 $(BIN)/giaoban migrate --noinput
	GIAOBAN_DEMO=1 $(BIN)/giaoban demo
	GIAOBAN_DEMO=1 $(BIN)/giaoban docs-preview --out var/preview

.PHONY: worker
worker: install ## the background worker for the demo database (queued e-mails go to the console)
	GIAOBAN_DEMO=1 GIAOBAN_WORKER=true $(BIN)/giaoban worker
