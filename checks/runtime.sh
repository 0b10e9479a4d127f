#!/usr/bin/env bash
# The lessons as a learner runs them on Colab or Kaggle: lessonlib installed from a wheel (no nbdev,
# no dev pins) into a fresh venv, each lesson run top to bottom in a fresh kernel.
#   checks/runtime.sh PROFILE [NOTEBOOK.ipynb ...] [--flags slow] [--browser]   (default: every nbs/lessons/*.ipynb)
# PROFILE says what the venv holds before lessonlib comes:
#   newest                  the newest fastai and fastcore, beside torch from this machine's disk
#                           (`make test-runtime`);
#   checks/pins/NAME.txt    a platform's published versions (colab.txt: `make test-colab`, kaggle.txt:
#                           `make test-kaggle`). The wheel then goes in as the lessons' setup cell installs
#                           lessonlib there (tools/lesson_header.py: `pip install -q`, no upgrade), and pip
#                           must have changed none of the pinned packages (`pip freeze` before and after).
# --browser then also runs every lesson with widgets in JupyterLab in Chromium (checks/test_jupyterlab.py) with
# its kernel in that venv: the platform's ipywidgets and anywidget in the kernel and their front ends in this
# project's JupyterLab 4.
# Uses FASTAI_HOME (default ~/.fastai) for the data, as the lessons do. Keeps nothing: all in a temp dir.
# The runner (checks/run_notebooks.py) runs in the project's .venv and starts each lesson's kernel in the new venv.
set -euo pipefail
cd "$(dirname "$0")/.."
usage='usage: checks/runtime.sh newest|checks/pins/NAME.txt [NOTEBOOK.ipynb ...] [--flags slow] [--browser]'
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

"$PYTHON" -m venv "$tmp/venv"
py="$tmp/venv/bin/python"
mkdir "$tmp/src"   # build from a copy, so that the build leaves nothing in the repo
cp -r setup.py settings.ini README.md MANIFEST.in LICENSE lessonlib "$tmp/src/"
quiet "$py" -m pip wheel -q --no-deps -w "$tmp/dist" "$tmp/src"
wheel=$(ls "$tmp"/dist/lessonlib-*.whl)

if [ "$profile" = newest ]; then
  echo "-- a fresh venv ($("$py" --version)): torch from this machine's disk, $(basename "$wheel"), the newest fastai and fastcore"
  quiet "$py" -m pip install -q torch==2.14.1 torchvision==0.29.1
  quiet "$py" -m pip install -q --upgrade "$wheel" fastai fastcore ipykernel
  "$py" -m pip check
  echo "  installed in ${SECONDS}s"
  # The newest releases must be newer than what the nbdev toolchain pins us to (fastai<=2.8.7, fastcore<2).
  "$py" - <<'PY'
from importlib.metadata import version
from packaging.version import Version
v = {p: version(p) for p in ('fastai', 'fastcore')}
assert Version(v['fastai']) > Version('2.8.7'), f"fastai {v['fastai']} is not newer than the dev pin 2.8.7"
assert Version(v['fastcore']) >= Version('2'), f"fastcore {v['fastcore']} is not newer than the dev pin <2"
PY
else
  echo "-- a fresh venv ($("$py" --version)) with the versions in $profile"
  quiet "$py" -m pip install -q -r "$profile"
  "$py" -m pip check
  echo "  installed in ${SECONDS}s"
  pip_install=$("$DEV_PY" tools/lesson_header.py --pip-install)   # what the setup cell runs: -m pip install -q
  echo "-- $(basename "$wheel"), installed as the lessons' setup cell installs lessonlib: python $pip_install <lessonlib>"
  "$py" -m pip freeze --all > "$tmp/before.txt"
  quiet "$py" $pip_install "$wheel"
  "$py" -m pip freeze --all > "$tmp/after.txt"
  "$py" -m pip check
  "$DEV_PY" tools/pip_changes.py "$profile" "$tmp/before.txt" "$tmp/after.txt"
fi
"$py" - <<'PY'
import sys
from importlib.metadata import version
print(f'  Python {sys.version.split()[0]}, ' + ', '.join(f'{p} {version(p)}' for p in (
    'lessonlib', 'torch', 'fastai', 'fastcore', 'fastprogress', 'ipywidgets', 'ipykernel', 'ipython', 'numpy', 'pandas', 'matplotlib')))
try: import nbdev; raise SystemExit('nbdev is installed: this is not a learner runtime')
except ImportError: pass
PY

echo "-- the lessons, copied out of the source tree, run in that venv (FASTAI_HOME=${FASTAI_HOME:-~/.fastai})"
mkdir -p "$tmp/lessons"
cp "${notebooks[@]}" "$tmp/lessons/"
site=$("$py" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
t=$SECONDS
JUPYTER_CONFIG_DIR="$tmp/jupyter/config" JUPYTER_DATA_DIR="$tmp/jupyter/data" \
JUPYTER_RUNTIME_DIR="$tmp/jupyter/runtime" IPYTHONDIR="$tmp/ipython" JUPYTER_PATH= PYTHONPATH= \
  "$DEV_PY" checks/run_notebooks.py "$tmp"/lessons/*.ipynb --python "$py" --expect-prefix "$site" ${args[@]+"${args[@]}"} \
  2> >(grep -v 'Kernel is running over TCP without encryption' >&2)   # the kernel's note on its local ports
echo "  lessons run in $((SECONDS - t))s"
if [ -n "$browser" ]; then
  echo "-- the lessons with widgets in JupyterLab ($("$DEV_PY" -c 'import jupyterlab; print(jupyterlab.__version__)')) in Chromium, its kernel in that venv"
  t=$SECONDS
  LESSONLIB_BROWSER_PYTHON="$py" "$DEV_PY" -m pytest checks/test_jupyterlab.py -s -q --tb=short -p no:cacheprovider
  echo "  JupyterLab check took $((SECONDS - t))s"
fi
echo "  the whole check ($profile) took ${SECONDS}s"
