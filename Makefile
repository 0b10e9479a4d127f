# Two commands do all set-up from a fresh clone: `make lab` and `make test`.
# Each creates .venv the first time (or when setup.py/settings.ini change) and reuses it after.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHELL := bash
# nbdev_test runs notebooks in parallel, one worker per core (NB_WORKERS=1 runs them one at a time).
NPROC := $(shell nproc 2>/dev/null || sysctl -n hw.ncpu 2>/dev/null || echo 2)
NB_WORKERS ?= $(NPROC)
# PyTorch gives each notebook a thread per core; several notebooks at once would then fight over the cores
# (an epoch of lesson 7's net: 0.5 s alone, 6.5 s with two notebooks of 2 threads on 2 cores), so each worker
# gets its share of the cores. Set OMP_NUM_THREADS to override.
NB_THREADS ?= $(shell echo $$(( $(NPROC) / $(NB_WORKERS) > 1 ? $(NPROC) / $(NB_WORKERS) : 1 )))
# Run notebooks with nbdev_test and end with `notebooks: N passed, M failed`; add FLAGS=slow, NB=path.
NBDEV_TEST = set -o pipefail; PYTHONUNBUFFERED=1 OMP_NUM_THREADS=$${OMP_NUM_THREADS:-$(NB_THREADS)} \
	$(BIN)/nbdev_test --n_workers $(NB_WORKERS) --do_print --timing \
	$(if $(FLAGS),--flags "$(FLAGS)") $(if $(NB),--path "$(NB)") 2>&1 | $(BIN)/python tools/count_notebooks.py

.PHONY: venv lab test test-nbs test-slow test-slow-cells check export readme bench clean site test-site clean-site

$(STAMP): setup.py settings.ini
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip
	$(BIN)/python -m pip install -e ".[dev,docs]"
	touch $@

venv: $(STAMP)

lab: $(STAMP)          ## open the course in JupyterLab
	$(BIN)/jupyter lab nbs/index.ipynb

test: $(STAMP)         ## run every notebook with nbdev_test (slow cells skipped), then the tests in tests/
	@$(MAKE) --no-print-directory test-nbs; nb=$$?; $(BIN)/python -m pytest tests; py=$$?; exit $$(( nb || py ))

test-nbs: $(STAMP)     ## only the notebooks; FLAGS=slow runs the slow cells too, NB=path one notebook
	@$(NBDEV_TEST)

test-slow: $(STAMP)    ## the same, with the `#| slow` cells too (nbdev_test --flags slow)
	@$(MAKE) --no-print-directory test FLAGS=slow

test-slow-cells: $(STAMP)  ## only the notebooks that have `#| slow` cells, with those cells run
	@nbs=$$($(BIN)/python tools/nbcells.py --flagged slow) || exit 1; \
	if [ -z "$$nbs" ]; then echo "no notebook has slow cells"; exit 0; fi; \
	rc=0; for nb in $$nbs; do $(MAKE) --no-print-directory test-nbs FLAGS=slow NB=$$nb || rc=1; done; exit $$rc

export: $(STAMP)       ## strip notebook outputs, collapse hidden cells, then write lessonlib/ from the notebooks
	$(BIN)/nbdev_clean
	$(BIN)/python tools/collapse_hidden.py
	IN_TEST= $(BIN)/nbdev_export

check: $(STAMP)        ## fail if nbdev_clean/nbdev_export change any file, README.md is out of date, or over 5% of a lesson's visible code is tests
	@$(BIN)/python tools/check.py

readme: $(STAMP)       ## nbs/index.ipynb -> README.md
	$(BIN)/python tools/readme.py

bench: $(STAMP)        ## speed benchmarks (they print numbers; nothing is asserted)
	$(BIN)/python benchmarks/bench_data.py
	$(BIN)/python benchmarks/bench_learner.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache

# The course website in _site/html: every notebook executed (slow cells shown, not run), searchable, with
# "open in Colab/Kaggle" links, sliders, quizzes and lesson 7's pad working in the browser; notebooks whose code
# has not changed come from _site/cache and are not run again.
site: $(STAMP)         ## build the website from nbs/ into _site/html (tools/website.py; fails on a cell error, a warning or a broken link)
	$(BIN)/python tools/website.py

# axe-core, which checks the pages' accessibility in the browser: from npm, into the site's build folder.
AXE_CORE_VERSION := 4.14.1
AXE := _site/npm/node_modules/axe-core/axe.min.js
$(AXE):
	@command -v npm >/dev/null || { echo "make test-site needs npm (Node.js) to install axe-core: apt-get install -y npm"; exit 1; }
	npm install --prefix _site/npm --no-save --no-audit --no-fund --loglevel=error axe-core@$(AXE_CORE_VERSION)

test-site: $(STAMP) $(AXE)  ## build the website, then check it in a real browser: every page, its figures and alt texts, axe-core (WCAG 2.1 AA), the pad, sliders, quizzes, search
	@test -x /usr/bin/chromium || { echo "make test-site needs Debian's Chromium at /usr/bin/chromium: apt-get install -y chromium"; exit 1; }
	$(BIN)/python tools/website.py
	AXE_CORE=$(AXE) $(BIN)/python -m pytest checks/test_site.py -s --tb=short

clean-site:            ## remove the website, its build folders and its cache of executed notebooks
	rm -rf _site

# Checks of the paths learners take (each a step of .ci/run, after `make test`):
.PHONY: test-browser test-learner test-runtime test-colab test-kaggle

test-browser: $(STAMP) ## every lesson with widgets in JupyterLab in a real browser: Run All, no errors, each widget answers its control, the pad reads a drawn 1
	@test -x /usr/bin/chromium || { echo "make test-browser needs Debian's Chromium at /usr/bin/chromium: apt-get install -y chromium"; exit 1; }
	$(BIN)/python -m pytest checks/test_jupyterlab.py -s --tb=short

# Every lesson as a learner might run it, in a kernel without IN_TEST: tools/run_notebooks.py (NB=path for one lesson).
LEARNER_RUN = --mplbackend agg --answers --flags slow --workers $(NB_WORKERS)
test-learner: $(STAMP)  ## every lesson with MPLBACKEND=agg, each exercise answered wrongly in every way before its check, slow cells too
	$(BIN)/python tools/run_notebooks.py $(or $(NB),nbs/lessons/*.ipynb) $(LEARNER_RUN)

# Every lesson from the built wheel in a fresh venv (checks/runtime.sh); NB=path runs one lesson.
test-runtime: $(STAMP)  ## ... beside the newest fastai and fastcore, run as test-learner runs them
	PYTHON=$(PYTHON) bash checks/runtime.sh newest $(NB) $(LEARNER_RUN)

# (Colab's ipywidgets 7 draws in Colab's own front end; JupyterLab 4 draws only ipywidgets 8, hence no --browser here.)
test-colab: $(STAMP)    ## ... installed into Colab's published versions (checks/pins/colab.txt), which it must not change
	PYTHON=$(PYTHON) bash checks/runtime.sh checks/pins/colab.txt $(NB) --workers $(NB_WORKERS)

test-kaggle: $(STAMP)   ## ... installed into Kaggle's published versions (checks/pins/kaggle.txt), which it must not change; the lessons in JupyterLab with that kernel
	PYTHON=$(PYTHON) bash checks/runtime.sh checks/pins/kaggle.txt $(NB) --browser
