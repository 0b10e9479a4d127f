#!/usr/bin/env bash
# The lessons as a learner runs them on Colab or Kaggle: lessonlib installed from a wheel (no nbdev,
# no dev pins) into a fresh venv, each lesson run top to bottom in a fresh kernel.
#   checks/runtime.sh PROFILE [NOTEBOOK.ipynb ...] [--browser] [runner options]   (default: every nbs/lessons/*.ipynb)
# PROFILE says what the venv holds before lessonlib comes:
#   newest                  the newest fastai and fastcore (`make test-runtime`);
#   checks/pins/NAME.txt    a platform's published versions (colab.txt: `make test-colab`, kaggle.txt:
#                           `make test-kaggle`). The wheel then goes in as the lessons' setup cell installs
#                           lessonlib there (tools/lesson_header.py: `pip install -q`, no upgrade), and pip
#                           must have changed none of the pinned packages (`pip freeze` before and after).
# PyTorch is CI's (checks/torch.txt) in every profile, in place of the platform's.
# The lessons run with tools/run_notebooks.py (in the project's .venv, each lesson's kernel in the new venv);
# runner options (--answers, --mplbackend agg, --flags slow, --workers N, ...) go to it.
# --browser runs them instead in JupyterLab in Chromium (checks/test_jupyterlab.py), their kernels in that venv:
# the platform's ipywidgets and anywidget in the kernel and their front ends in this project's JupyterLab 4.
# That run shows all the runner would (every cell runs, none shows an error), so the runner is not run too.
# Uses FASTAI_HOME (default ~/.fastai) for the data, as the lessons do. Keeps nothing: all in a temp dir, except
# what LESSONLIB_RUNTIME_BASE names: a folder in which the wheel and a venv holding PyTorch (hard links to DEV_PY's
# where it has checks/torch.txt's versions: tools/link_packages.py) are made once and then
# reused by each later call (.ci/run sets it, so that its three profiles build and install them once).
set -euo pipefail
cd "$(dirname "$0")/.."
usage='usage: checks/runtime.sh newest|checks/pins/NAME.txt [NOTEBOOK.ipynb ...] [--browser] [runner options]'
profile=${1:?$usage}; shift
[ "$profile" = newest ] || [ -f "$profile" ] || { echo "$usage ($profile: no such profile)" >&2; exit 2; }
PYTHON=${PYTHON:-python3}
DEV_PY=${DEV_PY:-.venv/bin/python}
export PIP_DISABLE_PIP_VERSION_CHECK=1
export PYDEVD_DISABLE_FILE_VALIDATION=1   # quiets older ipykernels' debugger note on frozen modules, once per kernel
unset IN_TEST MPLBACKEND
notebooks=() args=() browser=
for a in "$@"; do
  if [[ $a == *.ipynb ]]; then notebooks+=("$(realpath "$a")"); elif [ "$a" = --browser ]; then browser=1; else args+=("$a"); fi
done
[ ${#notebooks[@]} -gt 0 ] || notebooks=(nbs/lessons/*.ipynb)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
quiet() { "$@" 2> >(grep -v 'is ignored: it is neither' >&2); }   # this machine's pip config is noisy

# The wheel and PyTorch, once: the source's fingerprint says whether a base made earlier is still this source's.
base=${LESSONLIB_RUNTIME_BASE:-$tmp/base}
source_id=$(cat setup.py settings.ini README.md MANIFEST.in LICENSE checks/torch.txt $(find lessonlib -name '*.py' | sort) | sha1sum | cut -c1-16)
if [ "$(cat "$base/source_id" 2>/dev/null)" != "$source_id" ]; then
  t=$SECONDS
  rm -rf "$base"; mkdir -p "$base/src"   # build from a copy, so that the build leaves nothing in the repo
  cp -r setup.py settings.ini README.md MANIFEST.in LICENSE lessonlib "$base/src/"
  "$PYTHON" -m venv "$base/torch"
  quiet "$base/torch/bin/python" -m pip wheel -q --no-deps -w "$base/dist" "$base/src"
  # PyTorch: hard links to the project's .venv's files where it holds checks/torch.txt's versions (a second
  # install would write over 5 GB more; that once filled CI's disk), else (exit 3) installed from the requirements
  linked=0; "$DEV_PY" tools/link_packages.py -r checks/torch.txt "$base/torch" || linked=$?
  if [ "$linked" = 3 ]; then quiet "$base/torch/bin/python" -m pip install -q -r checks/torch.txt
  elif [ "$linked" != 0 ]; then echo "tools/link_packages.py failed (exit $linked)" >&2; exit 1; fi
  "$base/torch/bin/python" -m pip check
  echo "$source_id" > "$base/source_id"
  echo "-- $(basename "$base"/dist/lessonlib-*.whl) built, and PyTorch ($(grep -v '^#' checks/torch.txt | xargs)) put in a base venv in $((SECONDS - t))s"
fi
wheel=$(ls "$base"/dist/lessonlib-*.whl)

# A fresh venv that starts as the base's, PyTorch in it: hard links, so no copy of its gigabytes (pip replaces a
# file rather than writing into it, so the base stays as it is); a plain copy where links cannot be made.
cp -al "$base/torch" "$tmp/venv" 2>/dev/null || { rm -rf "$tmp/venv"; cp -a "$base/torch" "$tmp/venv"; }
py="$tmp/venv/bin/python"
t=$SECONDS
if [ "$profile" = newest ]; then
  echo "-- a fresh venv ($("$py" --version)): PyTorch from checks/torch.txt, $(basename "$wheel"), the newest fastai and fastcore"
  quiet "$py" -m pip install -q --upgrade "$wheel" fastai fastcore ipykernel
  "$py" -m pip check
  # The newest releases must be newer than what the nbdev toolchain pins us to (fastai<=2.8.7, fastcore<2).
  "$py" - <<'PY'
from importlib.metadata import version
from packaging.version import Version
v = {p: version(p) for p in ('fastai', 'fastcore')}
assert Version(v['fastai']) > Version('2.8.7'), f"fastai {v['fastai']} is not newer than the dev pin 2.8.7"
assert Version(v['fastcore']) >= Version('2'), f"fastcore {v['fastcore']} is not newer than the dev pin <2"
PY
else
  echo "-- a fresh venv ($("$py" --version)) with the versions in $profile (PyTorch from checks/torch.txt)"
  "$DEV_PY" tools/pip_changes.py --installable "$profile" > "$tmp/pins.txt"
  quiet "$py" -m pip install -q -r "$tmp/pins.txt"
  "$py" -m pip check
  pip_install=$("$DEV_PY" tools/lesson_header.py --pip-install)   # what the setup cell runs: -m pip install -q
  echo "-- $(basename "$wheel"), installed as the lessons' setup cell installs lessonlib: python $pip_install <lessonlib>"
  "$py" -m pip freeze --all > "$tmp/before.txt"
  quiet "$py" $pip_install "$wheel"
  "$py" -m pip freeze --all > "$tmp/after.txt"
  "$py" -m pip check
  "$DEV_PY" tools/pip_changes.py "$profile" "$tmp/before.txt" "$tmp/after.txt"
fi
echo "  installed in $((SECONDS - t))s"
"$py" - <<'PY'
import sys
from importlib.metadata import version
print(f'  Python {sys.version.split()[0]}, ' + ', '.join(f'{p} {version(p)}' for p in (
    'lessonlib', 'torch', 'fastai', 'fastcore', 'fastprogress', 'ipywidgets', 'ipykernel', 'ipython', 'numpy', 'pandas', 'matplotlib')))
try: import nbdev; raise SystemExit('nbdev is installed: this is not a learner runtime')
except ImportError: pass
PY

t=$SECONDS
if [ -n "$browser" ]; then
  echo "-- the lessons in JupyterLab ($("$DEV_PY" -c 'import jupyterlab; print(jupyterlab.__version__)')) in Chromium, their kernels in that venv"
  LESSONLIB_BROWSER_NB="$(IFS=:; echo "${notebooks[*]}")" LESSONLIB_BROWSER_PYTHON="$py" \
    "$DEV_PY" -m pytest checks/test_jupyterlab.py -s -q --tb=short -p no:cacheprovider
  echo "  JupyterLab check took $((SECONDS - t))s"
else
  echo "-- the lessons, copied out of the source tree, run in that venv (FASTAI_HOME=${FASTAI_HOME:-~/.fastai})"
  mkdir -p "$tmp/lessons"
  cp "${notebooks[@]}" "$tmp/lessons/"
  site=$("$py" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
  JUPYTER_CONFIG_DIR="$tmp/jupyter/config" JUPYTER_DATA_DIR="$tmp/jupyter/data" \
  JUPYTER_RUNTIME_DIR="$tmp/jupyter/runtime" IPYTHONDIR="$tmp/ipython" JUPYTER_PATH= PYTHONPATH= \
    "$DEV_PY" tools/run_notebooks.py "$tmp"/lessons/*.ipynb --python "$py" --expect-prefix "$site" ${args[@]+"${args[@]}"} \
    2> >(grep -v 'Kernel is running over TCP without encryption' >&2)   # the kernel's note on its local ports
  echo "  lessons run in $((SECONDS - t))s"
fi
echo "  the whole check ($profile) took ${SECONDS}s"
