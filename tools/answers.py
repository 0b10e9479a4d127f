"""Exercises answered as a learner might answer them: for `tools/run_notebooks.py --answers`.

An exercise cell is a code cell that uses the blank `____` (lessonlib.practice); the next code cell that is only
`NAME.check()` checks it. `with_wrong_answers(nb)` keeps both as shipped, and after the check inserts the
exercise cell again with each blank replaced in turn by a wrong answer of a kind a learner gives:

- `None` (in a function: `return None`; as a value: nothing made yet);
- code that raises (in a function or class: `(1/0)`, so calling it raises ZeroDivisionError; where a value is
  expected: a function that raises when called);
- a string (an answer of the wrong type);

each followed by the check, then a cell that answers with each of the exercise's catalogued mistakes (its
`_mistakes`, each made into the answer it stands for: a wrong function, a wrong value, a task's wrong model) and checks each. The
lesson then goes on with the last of them in place, as a learner's Run All goes on past a wrong answer."""
import ast, re
import nbformat

BLANK = '____'
CHECK = re.compile(r'\s*(\w+)\.check\(\)\s*')


def source(cell) -> str: return cell['source'] if isinstance(cell['source'], str) else ''.join(cell['source'])


def blanks(src) -> list:
    "[(line, column, inside a function or class)] of each use of the blank in code `src`, last first"
    try: tree = ast.parse(src)
    except SyntaxError: return []
    found = []
    def visit(node, inside):
        if isinstance(node, ast.Name) and node.id == BLANK: found.append((node.lineno, node.col_offset, inside))
        for child in ast.iter_child_nodes(node):
            visit(child, inside or isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)))
    visit(tree, False)
    return sorted(found, reverse=True)


def replaced(src, inside, outside) -> str:
    "`src` with each blank replaced by `inside` (in a function or class body) or `outside` (where a value is made)"
    lines = src.splitlines(keepends=True)
    for ln, col, in_def in blanks(src):
        line = lines[ln - 1]
        lines[ln - 1] = line[:col] + (inside if in_def else outside) + line[col + len(BLANK):]
    return ''.join(lines)


WRONG = [  # (what the learner did, replacement in a function or class, replacement where a value is made)
    ('None', 'None', 'None'),
    ('code that raises', '(1/0)', '(lambda *args, **kwargs: 1/0)'),
    ('a string', "'my answer'", "'my answer'"),
]


def mistakes_cell(name) -> str:
    "A cell that answers exercise `name` with each of its catalogued mistakes and checks each"
    return (f"# every catalogued mistake of {name}, as the answer, then {name}.check()\n"
            f"assert {name}._mistakes, '{name} has no catalogued mistakes to answer with'\n"
            f"for _i, _mistake in enumerate({name}._mistakes):\n"
            f"    globals()[{name}.var] = {name}._made(_mistake.wrong)   # the answer it stands for (a task's model, a value)\n"
            f"    try: {name}.check()\n"
            f"    except Exception as _e: raise RuntimeError(f'{name}.check() failed with its catalogued mistake {{_i}} as the answer') from _e")


def with_wrong_answers(nb):
    "A copy of notebook `nb` with each exercise also answered wrongly (see the module's docstring); and how many answers were added"
    nb = nbformat.from_dict(nb)
    cells, n, i = list(nb.cells), 0, 0
    out = []
    while i < len(cells):
        cell = cells[i]; out.append(cell); i += 1
        if cell.cell_type != 'code' or not blanks(source(cell)): continue
        j = next((k for k in range(i, len(cells)) if cells[k].cell_type == 'code'), None)
        m = CHECK.fullmatch(source(cells[j])) if j is not None else None
        if not m: continue   # an exercise without a check cell right after it: nothing to check it with
        out.extend(cells[i:j + 1]); i = j + 1
        check = cells[j]
        for what, inside, outside in WRONG:
            answer = nbformat.v4.new_code_cell(f'# answered with {what}\n' + replaced(source(cell), inside, outside))
            out += [answer, nbformat.v4.new_code_cell(source(check))]
        out.append(nbformat.v4.new_code_cell(mistakes_cell(m[1])))
        n += len(WRONG) + 1
    nb.cells = out
    return nb, n
