#!/usr/bin/env bash
# The lessons as a learner runs them on Colab or Kaggle: lessonlib installed from a wheel (no nbdev,
# no dev pins) beside the newest fastai and fastcore, each lesson run top to bottom in a fresh kernel.
#   checks/newest_runtime.sh [NOTEBOOK.ipynb ...] [--flags slow]     (default: every nbs/lessons/*.ipynb)
# Uses FASTAI_HOME (default ~/.fastai) for the data, as the lessons do. Keeps nothing: all in a temp dir.
# The runner (checks/run_notebooks.py) runs in the project's .venv and starts each lesson's kernel in the new venv.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
DEV_PY=${DEV_PY:-.venv/bin/python}
export PIP_DISABLE_PIP_VERSION_CHECK=1
unset IN_TEST MPLBACKEND
notebooks=() args=()
for a in "$@"; do if [[ $a == *.ipynb ]]; then notebooks+=("$(realpath "$a")"); else args+=("$a"); fi; done
[ ${#notebooks[@]} -gt 0 ] || notebooks=(nbs/lessons/*.ipynb)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
quiet() { "$@" 2> >(grep -v 'is ignored: it is neither' >&2); }   # this machine's pip config is noisy

echo "-- a fresh venv: torch from this machine's disk, the wheel, the newest fastai and fastcore"
"$PYTHON" -m venv "$tmp/venv"
py="$tmp/venv/bin/python"
mkdir "$tmp/src"   # build from a copy, so that the build leaves nothing in the repo
cp -r setup.py settings.ini README.md MANIFEST.in LICENSE lessonlib "$tmp/src/"
quiet "$py" -m pip wheel -q --no-deps -w "$tmp/dist" "$tmp/src"
wheel=$(ls "$tmp"/dist/lessonlib-*.whl)
echo "  $(basename "$wheel")"
quiet "$py" -m pip install -q torch==2.14.1 torchvision==0.29.1
quiet "$py" -m pip install -q --upgrade "$wheel" fastai fastcore ipykernel
"$py" -m pip check
echo "  installed in ${SECONDS}s"

# The newest releases must be newer than what the nbdev toolchain pins us to (fastai<=2.8.7, fastcore<2).
"$py" - <<'EOF'
from importlib.metadata import version
from packaging.version import Version
v = {p: version(p) for p in ('lessonlib', 'fastai', 'fastcore', 'fastprogress', 'torch', 'ipywidgets', 'matplotlib')}
print('  ' + ', '.join(f'{k} {x}' for k, x in v.items()))
assert Version(v['fastai']) > Version('2.8.7'), f"fastai {v['fastai']} is not newer than the dev pin 2.8.7"
assert Version(v['fastcore']) >= Version('2'), f"fastcore {v['fastcore']} is not newer than the dev pin <2"
try: import nbdev; raise SystemExit('nbdev is installed: this is not a learner runtime')
except ImportError: pass
EOF

echo "-- the lessons, copied out of the source tree, run in that venv (FASTAI_HOME=${FASTAI_HOME:-~/.fastai})"
mkdir -p "$tmp/lessons"
cp "${notebooks[@]}" "$tmp/lessons/"
site=$("$py" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
t=$SECONDS
JUPYTER_CONFIG_DIR="$tmp/jupyter/config" JUPYTER_DATA_DIR="$tmp/jupyter/data" \
JUPYTER_RUNTIME_DIR="$tmp/jupyter/runtime" IPYTHONDIR="$tmp/ipython" JUPYTER_PATH= PYTHONPATH= \
  "$DEV_PY" checks/run_notebooks.py "$tmp"/lessons/*.ipynb --python "$py" --expect-prefix "$site" "${args[@]}" \
  2> >(grep -v 'Kernel is running over TCP without encryption' >&2)   # the kernel's note on its local ports
echo "  lessons run in $((SECONDS - t))s; the whole check took ${SECONDS}s"
