# Two commands do all set-up from a fresh clone: `make lab` and `make test`.
# Each creates .venv the first time (or when setup.py/settings.ini change) and reuses it after.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: venv lab test test-slow test-slow-cells check export readme bench clean

$(STAMP): setup.py settings.ini
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip
	$(BIN)/python -m pip install -e ".[dev]"
	touch $@

venv: $(STAMP)

lab: $(STAMP)          ## open the course in JupyterLab
	$(BIN)/jupyter lab nbs/index.ipynb

test: $(STAMP)         ## run every notebook (slow cells skipped) and tests/
	$(BIN)/python -m pytest tests

test-slow: $(STAMP)    ## the same, with the `#| slow` cells too
	LESSONLIB_TEST_FLAGS=slow $(BIN)/python -m pytest tests

test-slow-cells: $(STAMP)  ## only the notebooks that have `#| slow` cells, with those cells run
	LESSONLIB_TEST_FLAGS=slow LESSONLIB_ONLY_FLAGGED=1 $(BIN)/python -m pytest tests/test_notebooks.py; \
	rc=$$?; if [ $$rc -eq 5 ]; then echo "no notebook has slow cells"; else exit $$rc; fi

export: $(STAMP)       ## strip notebook outputs, then write lessonlib/ from the notebooks
	$(BIN)/nbdev_clean
	IN_TEST= $(BIN)/nbdev_export

check: $(STAMP)        ## fail if nbdev_clean/nbdev_export change any file, or README.md is out of date
	@before="$$(git status --porcelain; git diff)"; \
	$(BIN)/nbdev_clean && IN_TEST= $(BIN)/nbdev_export && $(BIN)/python tools/readme.py --check || exit 1; \
	if [ "$$before" != "$$(git status --porcelain; git diff)" ]; then git status --short; \
	  echo "nbdev_clean/nbdev_export changed the files above: review and commit them"; exit 1; fi; \
	echo "notebooks clean, package in sync"

readme: $(STAMP)       ## nbs/index.ipynb -> README.md
	$(BIN)/python tools/readme.py

bench: $(STAMP)        ## speed benchmarks (they print numbers; nothing is asserted)
	$(BIN)/python benchmarks/bench_data.py
	$(BIN)/python benchmarks/bench_learner.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache

# Two checks of the paths learners take (each a step of .ci/run, after `make test`):
.PHONY: test-browser test-runtime

test-browser: $(STAMP) ## lesson 1 in JupyterLab in a real browser: Run All, no errors, sliders redraw the plot
	@test -x /usr/bin/chromium || { echo "make test-browser needs Debian's Chromium at /usr/bin/chromium: apt-get install -y chromium"; exit 1; }
	$(BIN)/python -m pytest checks/test_jupyterlab.py -s --tb=short

test-runtime:          ## every lesson from the built wheel beside the newest fastai and fastcore, as on Colab
	PYTHON=$(PYTHON) bash checks/newest_runtime.sh
