"""How much of what a learner reads in each lesson is test scaffolding rather than teaching.

    python tools/test_share.py           a table: per lesson, visible code lines, visible test lines, share
    python tools/test_share.py --check   the same, and fail if a lesson's share is above MAX_SHARE

Visible code lines are the lines of code cells that are not `#| hide` (directives and blank lines
not counted). Test lines are the lines of statements that check the notebook rather than teach:
`assert`, fastcore's `test_eq`, `test_close`, `test_fail`, `test_is`, `test_ne`, `test_warns`,
`test_stdout`, and `from fastcore.test import ...`."""
import ast, sys
from pathlib import Path
from nbcells import cells, code_lines, is_hidden

root = Path(__file__).resolve().parent.parent
MAX_SHARE = 0.05
TESTS = {'test_eq', 'test_close', 'test_fail', 'test_is', 'test_ne', 'test_warns', 'test_stdout', 'test_eq_type', 'test_shuffled'}


def is_test(node) -> bool:
    "Whether the statement `node` checks rather than teaches"
    if isinstance(node, ast.Assert): return True
    if isinstance(node, ast.ImportFrom) and node.module == 'fastcore.test': return True
    if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
        f = node.value.func
        return (f.id if isinstance(f, ast.Name) else getattr(f, 'attr', None)) in TESTS
    return False


def test_lines(src) -> set:
    "The line numbers (1-based) of `src` that belong to test statements, at any depth (inside loops, `with`, `if`)"
    try: tree = ast.parse(src)
    except SyntaxError: return set()   # IPython magics: no tests to find
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.stmt) and is_test(node): found |= set(range(node.lineno, node.end_lineno + 1))
    return found


def share(nb) -> tuple:
    "(visible code lines, visible test lines) of notebook `nb`"
    n_code = n_test = 0
    for cell in cells(nb):
        if cell['cell_type'] != 'code' or is_hidden(cell): continue
        lines = code_lines(cell)
        tests = test_lines('\n'.join(lines))
        for i, line in enumerate(lines, 1):
            if not line.strip(): continue
            n_code += 1
            n_test += i in tests
    return n_code, n_test


def over_limit() -> list:
    "Print a table of each lesson's visible code and test lines; return the lessons whose share is above MAX_SHARE"
    lessons = sorted((root/'nbs'/'lessons').glob('[0-9]*.ipynb'))
    print(f'{"lesson":32s} {"code lines":>10s} {"test lines":>10s} {"share":>6s}')
    over = []
    for nb in lessons:
        n_code, n_test = share(nb)
        s = n_test / max(n_code, 1)
        print(f'{nb.stem:32s} {n_code:10d} {n_test:10d} {s:6.1%}')
        if s > MAX_SHARE: over.append(nb.name)
    return over


def main(check=False):
    over = over_limit()
    if check and over:
        sys.exit(f'more than {MAX_SHARE:.0%} of the code a learner reads is test scaffolding in {", ".join(over)}: '
                 'move checks into `#| hide` cells.')


if __name__ == '__main__': main('--check' in sys.argv)
