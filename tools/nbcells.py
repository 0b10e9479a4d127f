"""The one place the project reads notebooks' `#|` directives: nbdev's own parser, settings.ini's `tst_flags`.

Everything that runs, skips, hides or names notebook cells (the Makefile, tools/readme.py,
tools/run_notebooks.py, checks/test_jupyterlab.py) asks this module, so that `#|slow`, `#| slow`
and `# | slow` mean the same everywhere, as they do to nbdev.

    python tools/nbcells.py --flagged slow     the notebooks with a cell flagged `slow`, one per line"""
import json, sys
from pathlib import Path
from fastcore.basics import AttrDict
from nbdev.config import get_config
from nbdev.doclinks import nbglob
from nbdev.process import extract_directives, first_code_ln

root = Path(__file__).resolve().parent.parent


def skip_flags() -> list:
    "The flags whose cells `nbdev_test` skips unless asked (settings.ini's `tst_flags`, e.g. `slow`)"
    return get_config(path=root).tst_flags.split()


def source(cell) -> str: return cell['source'] if isinstance(cell['source'], str) else ''.join(cell['source'])


def directives(cell) -> dict:
    "The `#|` directives at the top of a code `cell`, as nbdev reads them: `{'hide': [], 'eval:': ['false']}`"
    if cell['cell_type'] != 'code': return {}
    return extract_directives(AttrDict(source=source(cell)), remove=False)


def skip_reason(cell, force_flags=()):
    "Why `nbdev_test` does not run `cell` (None when it does), with the cells flagged `force_flags` run"
    if cell['cell_type'] != 'code': return 'not code'
    if 'nbdev_export' + '(' in source(cell): return 'nbdev_export'
    d = directives(cell)
    if d.get('eval:', [''])[0].lower() == 'false': return '#| eval: false'
    skipped = [f for f in skip_flags() if f in d and f not in force_flags]
    if skipped: return f'#| {skipped[0]}'


def is_hidden(cell) -> bool:
    "Whether nbdev leaves `cell` out of the docs (`#| hide`)"
    return 'hide' in directives(cell)


def first_code_line(cell) -> str:
    "The cell's first line of code, past its directives (for messages that name a cell)"
    lines = source(cell).splitlines()
    i = first_code_ln(lines) if cell['cell_type'] == 'code' else None
    return lines[i] if i is not None else next((l for l in lines if l.strip()), '')


def code_lines(cell) -> list:
    "The cell's lines without its leading directives"
    lines = source(cell).splitlines()
    i = first_code_ln(lines)
    return lines[i:] if i is not None else []


def cells(nb_path) -> list: return json.loads(Path(nb_path).read_text(encoding='utf-8'))['cells']


def notebooks() -> list:
    "Every notebook `nbdev_test` runs, in its order"
    return sorted(nbglob(get_config(path=root).nbs_path, as_path=True))


def flagged(nb_path, flags) -> bool:
    "Whether notebook `nb_path` has a code cell flagged with one of `flags`"
    return any(set(flags) & directives(c).keys() for c in cells(nb_path))


if __name__ == '__main__':
    if sys.argv[1:2] != ['--flagged'] or len(sys.argv) < 3: sys.exit(__doc__)
    for nb in notebooks():
        if flagged(nb, sys.argv[2:]): print(nb.relative_to(Path.cwd()) if nb.is_relative_to(Path.cwd()) else nb)
