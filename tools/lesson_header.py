"""Give every lesson the same header: "Open in Colab" / "Open in Kaggle" links and a setup cell.

The setup cell does nothing locally; on Colab or Kaggle it installs lessonlib from the project's
repository (settings.ini's git_url) when it is missing, keeping their torch and fastai.
Lessons carry no `nbdev_export()` cell (nbdev is a development tool, missing on Colab and Kaggle):
`make export` writes the package.
Run `python tools/lesson_header.py` after adding a lesson; `--check` fails if a lesson lacks it."""
import json, sys
from configparser import ConfigParser
from pathlib import Path

root = Path(__file__).resolve().parent.parent
cfg = ConfigParser(delimiters=['=']); cfg.read(root/'settings.ini', encoding='utf-8'); cfg = cfg['DEFAULT']
lessons = sorted((root/'nbs'/'lessons').glob('[0-9]*.ipynb'))
BADGES_MARK = '<!-- open-in -->'
SETUP_MARK = '# Setup: on Colab or Kaggle'

def badges(nb) -> str:
    "Links that open lesson `nb` from the repository's main branch"
    blob = f"{cfg['git_url']}/blob/{cfg['branch']}/{Path(nb).resolve().relative_to(root).as_posix()}"
    colab = blob.replace('https://github.com/', 'https://colab.research.google.com/github/')
    kaggle = f"https://kaggle.com/kernels/welcome?src={blob}"
    return (f"{BADGES_MARK}\n[![Open in Colab](https://colab.research.google.com/assets/colab-badge.svg)]({colab}) "
            f"[![Open in Kaggle](https://kaggle.com/static/images/open-in-kaggle.svg)]({kaggle})")

def setup_code() -> str:
    return f'''{SETUP_MARK}, install lessonlib if it is missing (their torch and fastai are kept).
# On your own machine this does nothing: `make lab` has installed everything.
import os, sys, subprocess, importlib.util
if any(k in os.environ for k in ('COLAB_RELEASE_TAG', 'KAGGLE_KERNEL_RUN_TYPE')) and importlib.util.find_spec('lessonlib') is None:
    subprocess.run([sys.executable, '-m', 'pip', 'install', '-q', 'git+{cfg['git_url']}'], check=True)'''

def cell(kind, src):
    c = dict(cell_type=kind, metadata={}, source=src.splitlines(keepends=True))
    if kind == 'code': c.update(execution_count=None, outputs=[])
    return c

def with_header(nb_json, nb):
    "The cells of `nb_json` with the header right after the title cell, replacing an old header"
    cells = [c for c in nb_json['cells'] if not ''.join(c['source']).startswith((BADGES_MARK, SETUP_MARK))
             and 'nbdev_export(' not in ''.join(c['source'])]
    return cells[:1] + [cell('markdown', badges(nb)), cell('code', setup_code())] + cells[1:]

def has_header(nb_json, nb) -> bool:
    srcs = [''.join(c['source']) for c in nb_json['cells']]
    return srcs[1:3] == [badges(nb), setup_code()] and not any('nbdev_export(' in s for s in srcs)

if __name__ == '__main__':
    bad = []
    for nb in lessons:
        j = json.loads(nb.read_text(encoding='utf-8'))
        if has_header(j, nb): continue
        if '--check' in sys.argv: bad.append(nb.relative_to(root)); continue
        j['cells'] = with_header(j, nb)
        nb.write_text(json.dumps(j, indent=1, ensure_ascii=False) + '\n', encoding='utf-8')
        print(f'header written: {nb.relative_to(root)}')
    if bad: sys.exit(f"lessons without the standard header: {', '.join(map(str, bad))}. Run `python tools/lesson_header.py`.")
