"""`make check`: the notebooks are committed clean, the package is in sync with them, README.md is up to date, and
no lesson shows a learner too much test code.

    python tools/check.py

nbdev_clean and nbdev_export rewrite whatever is out of date; the check fails if they changed anything in the
working tree (review the changes and commit them). Then: every lesson's `#| hide` cells are collapsed
(tools/collapse_hidden.py), README.md is what nbs/index.ipynb gives (tools/readme.py), and at most MAX_SHARE of a
lesson's visible code is tests (tools/test_share.py). Exits 1 with every problem found, 0 with one line."""
import hashlib, json, os, sys
from contextlib import redirect_stdout
from io import StringIO
from pathlib import Path
import collapse_hidden, readme, test_share

root = Path(__file__).resolve().parent.parent


def snapshot() -> dict:
    "{path: hash of its content} of the files nbdev_clean and nbdev_export write: the notebooks and the package"
    files = [p for d in ('nbs', 'lessonlib') for p in (root/d).rglob('*')
             if p.is_file() and not {'__pycache__', '.ipynb_checkpoints'} & set(p.parts)]
    return {p.relative_to(root).as_posix(): hashlib.sha1(p.read_bytes()).hexdigest() for p in files}


def clean_and_export():
    "nbdev_clean, then nbdev_export (which does nothing while IN_TEST is set, as under nbdev_test)"
    from nbdev.clean import nbdev_clean
    from nbdev.doclinks import nbdev_export
    os.chdir(root)
    os.environ.pop('IN_TEST', None)
    nbdev_clean()
    nbdev_export()


def problems() -> list:
    before = snapshot()
    clean_and_export()
    after = snapshot()
    found = []
    changed = sorted(p for p in before.keys() | after.keys() if before.get(p) != after.get(p))
    if changed: found.append('nbdev_clean/nbdev_export changed these files: review the changes and commit them\n    ' + '\n    '.join(changed))
    uncollapsed = [nb.name for nb in collapse_hidden.lessons if collapse_hidden.collapsed(json.loads(nb.read_text(encoding='utf-8')))]
    if uncollapsed:
        found.append(f"lessons with `#| hide` cells not collapsed (or collapsed cells not hidden): {', '.join(uncollapsed)}. "
                     "Run `make export` (or `python tools/collapse_hidden.py`).")
    if readme.readme.read_text(encoding='utf-8') != readme.render():
        found.append('README.md is out of date with nbs/index.ipynb: run `make readme` and commit README.md.')
    table = StringIO()
    with redirect_stdout(table): over = test_share.over_limit()
    if over:
        found.append(table.getvalue().rstrip() + f'\nmore than {test_share.MAX_SHARE:.0%} of the code a learner reads is test '
                     f'scaffolding in {", ".join(over)}: move checks into `#| hide` cells.')
    return found


if __name__ == '__main__':
    found = problems()
    if found: sys.exit('\n\n'.join(found))
    print('notebooks clean, package in sync, hidden cells collapsed, README.md up to date, lessons mostly lesson')
