"""Run every notebook as a test, as `nbdev_test` does, one pytest test per notebook.

Cells flagged with one of settings.ini's `tst_flags` (e.g. `#| slow`) are skipped unless
LESSONLIB_TEST_FLAGS names them (`LESSONLIB_TEST_FLAGS=slow pytest`, or `make test-slow`).
With LESSONLIB_ONLY_FLAGGED=1 as well, only the notebooks that have such cells run (`make test-slow-cells`)."""
import json, os
import pytest
from nbdev.config import get_config
from nbdev.doclinks import nbglob
import nbdev.test as nbdev_test

cfg = get_config()
force = os.environ.get('LESSONLIB_TEST_FLAGS', '').split()

def has_flagged_cells(nb, flags):
    cells = json.loads(nb.read_text(encoding='utf-8'))['cells']
    return any(f'#| {f}' in ''.join(c['source']).splitlines()[:3] for c in cells if c['cell_type'] == 'code' for f in flags)

notebooks = sorted(nbglob(cfg.nbs_path, as_path=True), key=lambda p: (p.parent != cfg.nbs_path, str(p)))
if os.environ.get('LESSONLIB_ONLY_FLAGGED'): notebooks = [nb for nb in notebooks if has_flagged_cells(nb, force)]


@pytest.mark.parametrize('nb', notebooks, ids=[str(p.relative_to(cfg.nbs_path)) for p in notebooks])
def test_notebook(nb):
    ok, secs = nbdev_test.test_nb(nb, skip_flags=cfg.tst_flags.split(), force_flags=force, basepath=cfg.config_path)
    print(f'{nb.relative_to(cfg.nbs_path)}: {secs:.1f}s')
    assert ok, f'{nb.relative_to(cfg.config_path)} failed: the cell and its traceback are printed above'
