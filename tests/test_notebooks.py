"""Run every notebook as a test, as `nbdev_test` does, one pytest test per notebook.

Cells flagged with one of settings.ini's `tst_flags` (e.g. `#| slow`) are skipped unless
LESSONLIB_TEST_FLAGS names them (`LESSONLIB_TEST_FLAGS=slow pytest`, or `make test-slow`)."""
import os, time
import pytest
from nbdev.config import get_config
from nbdev.doclinks import nbglob
import nbdev.test as nbdev_test

cfg = get_config()
notebooks = sorted(nbglob(cfg.nbs_path, as_path=True), key=lambda p: (p.parent != cfg.nbs_path, str(p)))


@pytest.mark.parametrize('nb', notebooks, ids=[str(p.relative_to(cfg.nbs_path)) for p in notebooks])
def test_notebook(nb):
    force = os.environ.get('LESSONLIB_TEST_FLAGS', '').split()
    ok, secs = nbdev_test.test_nb(nb, skip_flags=cfg.tst_flags.split(), force_flags=force, basepath=cfg.config_path)
    print(f'{nb.relative_to(cfg.nbs_path)}: {secs:.1f}s')
    assert ok, f'{nb.relative_to(cfg.config_path)} failed: the cell and its traceback are printed above'
