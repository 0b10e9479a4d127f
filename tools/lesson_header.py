"""Give every lesson the same header: "Open in Colab" / "Open in Kaggle" links and a setup cell.

The setup cell does nothing locally; on Colab or Kaggle it installs lessonlib from the project's
repository (settings.ini's git_url) when it is missing, keeping their torch, fastai and ipywidgets
(a plain `pip install`, no upgrade: settings.ini's requirements are loose enough for their versions).
A lesson that shows a third-party widget (anywidget, ipycanvas: not one of ipywidgets' own) is listed
in CUSTOM_WIDGET_LESSONS; its setup cell also switches on Colab's custom widget manager, without which
Colab's front end shows only ipywidgets' standard widgets.
Lessons carry no `nbdev_export()` cell (nbdev is a development tool, missing on Colab and Kaggle):
`make export` writes the package.
Run `python tools/lesson_header.py` after adding a lesson; `--check` fails if a lesson lacks it."""
import json, re, sys
from pathlib import Path
from nbdev.config import get_config

root = Path(__file__).resolve().parent.parent
cfg = get_config(path=root)
lessons = sorted((root/'nbs'/'lessons').glob('[0-9]*.ipynb'))
BADGES_MARK = '<!-- open-in -->'
SETUP_MARK = '# Setup: on Colab or Kaggle'
PIP_INSTALL = ('-m', 'pip', 'install', '-q')   # how the setup cell installs lessonlib (checks/runtime.sh installs the same way)
# Lessons (file names) whose widgets Colab shows only with its custom widget manager.
CUSTOM_WIDGET_LESSONS = {'07_ten_digits.ipynb'}
CUSTOM_WIDGET_LIBS = ('anywidget', 'ipycanvas')   # third-party widget libraries such a lesson uses

def launch_links(nb) -> dict:
    "The addresses that open notebook `nb` from the repository's main branch: `{'colab': ..., 'kaggle': ...}`"
    blob = f"{cfg['git_url']}/blob/{cfg['branch']}/{Path(nb).resolve().relative_to(root).as_posix()}"
    return dict(colab=blob.replace('https://github.com/', 'https://colab.research.google.com/github/'),
                kaggle=f"https://kaggle.com/kernels/welcome?src={blob}")

def badges(nb) -> str:
    "Links that open lesson `nb` from the repository's main branch"
    colab, kaggle = launch_links(nb).values()
    return (f"{BADGES_MARK}\n[![Open in Colab](https://colab.research.google.com/assets/colab-badge.svg)]({colab}) "
            f"[![Open in Kaggle](https://kaggle.com/static/images/open-in-kaggle.svg)]({kaggle})")

def needs_custom_widgets(nb) -> bool:
    "Whether lesson `nb` shows a third-party widget, which Colab renders only with its custom widget manager"
    return Path(nb).name in CUSTOM_WIDGET_LESSONS

def custom_widget_libs_used(nb_json) -> set:
    "The third-party widget libraries that a lesson's code imports, directly or through a lessonlib module"
    code = '\n'.join(''.join(c['source']) for c in nb_json['cells'] if c['cell_type'] == 'code')
    sources = [code] + [(root/'lessonlib'/f'{m}.py').read_text(encoding='utf-8')
                        for m in set(re.findall(r'\blessonlib\.(\w+)', code)) if (root/'lessonlib'/f'{m}.py').exists()]
    return {lib for lib in CUSTOM_WIDGET_LIBS for s in sources if re.search(rf'^\s*(import|from)\s+{lib}\b', s, re.M)}

def setup_code(nb=None) -> str:
    "The setup cell of lesson `nb` (any lesson when `nb` is None)"
    pip = ', '.join(map(repr, PIP_INSTALL))
    code = f'''{SETUP_MARK}, install lessonlib if it is missing (their torch, fastai and ipywidgets are kept).
# On your own machine this does nothing: `make lab` has installed everything.
import os, sys, subprocess, importlib.util
if any(k in os.environ for k in ('COLAB_RELEASE_TAG', 'KAGGLE_KERNEL_RUN_TYPE')) and importlib.util.find_spec('lessonlib') is None:
    subprocess.run([sys.executable, {pip}, 'git+{cfg['git_url']}'], check=True)'''
    if nb is not None and needs_custom_widgets(nb):
        code += '''
if 'COLAB_RELEASE_TAG' in os.environ:   # Colab shows widgets other than ipywidgets' own only with its custom widget manager
    from google.colab import output
    output.enable_custom_widget_manager()'''
    return code

def cell(kind, src):
    c = dict(cell_type=kind, metadata={}, source=src.splitlines(keepends=True))
    if kind == 'code': c.update(execution_count=None, outputs=[])
    return c

def with_header(nb_json, nb):
    "The cells of `nb_json` with the header right after the title cell, replacing an old header"
    old = {m: c for c in nb_json['cells'] for m in (BADGES_MARK, SETUP_MARK) if ''.join(c['source']).startswith(m)}
    cells = [c for c in nb_json['cells'] if not ''.join(c['source']).startswith((BADGES_MARK, SETUP_MARK))
             and 'nbdev_export(' not in ''.join(c['source'])]
    header = [cell('markdown', badges(nb)), cell('code', setup_code(nb))]
    for c, m in zip(header, (BADGES_MARK, SETUP_MARK)):   # keep the old cells' ids, so that a rewrite changes only text
        if 'id' in old.get(m, {}): c['id'] = old[m]['id']
    return cells[:1] + header + cells[1:]

def has_header(nb_json, nb) -> bool:
    srcs = [''.join(c['source']) for c in nb_json['cells']]
    return srcs[1:3] == [badges(nb), setup_code(nb)] and not any('nbdev_export(' in s for s in srcs)

if __name__ == '__main__':
    if '--pip-install' in sys.argv: print(*PIP_INSTALL); sys.exit()   # for checks/runtime.sh
    bad = []
    for nb in lessons:
        j = json.loads(nb.read_text(encoding='utf-8'))
        if custom_widget_libs_used(j) and not needs_custom_widgets(nb):
            sys.exit(f"{nb.relative_to(root)} uses {', '.join(sorted(custom_widget_libs_used(j)))}: add {nb.name!r} to "
                     f"CUSTOM_WIDGET_LESSONS in tools/lesson_header.py so that Colab shows its widgets, then run it again.")
        if has_header(j, nb): continue
        if '--check' in sys.argv: bad.append(nb.relative_to(root)); continue
        j['cells'] = with_header(j, nb)
        nb.write_text(json.dumps(j, indent=1, ensure_ascii=False) + '\n', encoding='utf-8')
        print(f'header written: {nb.relative_to(root)}')
    if bad: sys.exit(f"lessons without the standard header: {', '.join(map(str, bad))}. Run `python tools/lesson_header.py`.")
