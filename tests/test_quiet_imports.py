"""Lessons open without PyTorch's note about `torch.jit.script`, which importing fastai triggers under torch 2.10 and
later: lessonlib hides that one FutureWarning (lessonlib/__init__.py), and every lesson imports lessonlib first."""
import ast, subprocess, sys
from pathlib import Path
import pytest
from nbcells import cells, source

root = Path(__file__).resolve().parent.parent
NOTE = '`torch.jit.script` is deprecated'


def warnings_of(code) -> str:
    "What `code` prints on stderr in a fresh Python, with every warning shown once per place, as Jupyter shows them"
    return subprocess.run([sys.executable, '-W', 'default', '-c', code], capture_output=True, text=True, check=True, cwd=root).stderr


def imports(nb) -> str:
    "The import statements of notebook `nb`'s code cells, in order (each cell's top-level ones)"
    found = []
    for cell in cells(nb):
        if cell['cell_type'] != 'code': continue
        try: tree = ast.parse(source(cell))
        except SyntaxError: continue   # IPython magics
        found += [ast.unparse(n) for n in tree.body if isinstance(n, ast.Import) or isinstance(n, ast.ImportFrom) and n.level == 0]
    return '\n'.join(found)


def test_the_note_is_there_to_hide():   # without lessonlib, fastai's import shows it: the tests below can fail
    assert NOTE in warnings_of('import fastai.learner')


def test_lessonlib_hides_only_that_note():
    err = warnings_of('import lessonlib, warnings\nimport fastai.learner\nwarnings.warn("a note of our own", FutureWarning)')
    assert NOTE not in err and 'a note of our own' in err


LESSONS = [nb for nb in sorted((root/'nbs'/'lessons').glob('[0-9]*.ipynb')) if 'fastai' in imports(nb)]

@pytest.mark.parametrize('nb', LESSONS, ids=lambda p: p.stem)
def test_lesson_imports_show_no_note(nb):
    assert NOTE not in warnings_of(imports(nb)), f'{nb.name}: its imports show the torch.jit.script note: import lessonlib before fastai'
