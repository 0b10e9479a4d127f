"""Run notebooks top to bottom in a Jupyter kernel, as a learner's "Run all" does.

    python checks/run_notebooks.py NB.ipynb [NB.ipynb ...] [--python PY] [--flags slow] [--timeout 600] [--expect-prefix DIR]

The kernel runs `--python` (default: this Python), so that the project's own tools read the
notebooks here while the lessons run in another environment, such as a learner's runtime.
Cells are skipped as `nbdev_test` skips them (tools/nbcells.py: settings.ini's `tst_flags`
unless `--flags` names them, `#| eval: false`, `nbdev_export()`). Prints one line per notebook
(pass/fail and seconds); on a failure it names the notebook, the cell (index and first line) and
the error, and exits 1. With `--expect-prefix DIR`, each kernel first checks that `lessonlib` is
imported from under DIR."""
import argparse, json, os, sys, tempfile, time
from pathlib import Path
import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError

sys.path.insert(0, str(Path(__file__).resolve().parent.parent/'tools'))
from nbcells import skip_reason, first_code_line as first_line


def kernel_for(python):
    "The name of a kernel that runs `python` (a kernelspec in a temporary folder on JUPYTER_PATH)"
    d = Path(tempfile.mkdtemp(prefix='lessonlib-kernel-'))
    (d/'kernels'/'runtime').mkdir(parents=True)
    spec = dict(argv=[str(python), '-m', 'ipykernel_launcher', '-f', '{connection_file}'],
                display_name=f'Python ({python})', language='python')
    (d/'kernels'/'runtime'/'kernel.json').write_text(json.dumps(spec))
    os.environ['JUPYTER_PATH'] = os.pathsep.join([str(d)] + [p for p in os.environ.get('JUPYTER_PATH', '').split(os.pathsep) if p])
    return 'runtime'


def error_text(e):
    "The exception name and message from nbclient's error, without the whole traceback"
    if isinstance(e, CellExecutionError) and getattr(e, 'ename', None): return f'{e.ename}: {e.evalue}'
    return f'{type(e).__name__}: {str(e).strip().splitlines()[-1] if str(e).strip() else ""}'


def run_notebook(path, flags=(), timeout=600, expect_prefix=None, kernel_name='python3'):
    "Execute the notebook at `path` in its own folder; return (ok, seconds, message)"
    path = Path(path).resolve()
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=timeout, kernel_name=kernel_name, allow_errors=False,
                            resources={'metadata': {'path': str(path.parent)}})
    start, skipped, took = time.time(), [], []
    with client.setup_kernel():
        if expect_prefix:
            check = nbformat.v4.new_code_cell(
                'import lessonlib, sys\n'
                f'assert lessonlib.__file__.startswith({str(expect_prefix)!r}), '
                f'f"lessonlib is imported from {{lessonlib.__file__}}, not from under {str(expect_prefix)!r}"\n'
                'print(lessonlib.__file__, lessonlib.__version__, sys.executable)')
            try: client.execute_cell(check, 0)
            except Exception as e: return False, time.time() - start, f'{path.name}: {error_text(e)}'
            print(f'  {path.name}: lessonlib from {check.outputs[0]["text"].strip()}')
        for i, cell in enumerate(nb.cells):
            why = skip_reason(cell, flags)
            if why:
                if why != 'not code': skipped.append(f'{i} ({why})')
                continue
            t = time.time()
            try: client.execute_cell(cell, i); took.append((time.time() - t, i))
            except (CellExecutionError, CellTimeoutError) as e:
                return False, time.time() - start, (f'{path.name} failed at cell {i}: {first_line(cell)!r}\n'
                                                    f'    {error_text(e)}')
    if skipped: print(f'  {path.name}: skipped cells {", ".join(skipped)}')
    print(f'  {path.name}: slowest cells ' + ', '.join(f'{i} ({secs:.1f}s)' for secs, i in sorted(took)[::-1][:3]))
    return True, time.time() - start, ''


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('notebooks', nargs='+')
    p.add_argument('--flags', default='', help='space separated flags of cells to run, e.g. "slow"')
    p.add_argument('--timeout', type=int, default=600, help='seconds each cell may take')
    p.add_argument('--expect-prefix', help='lessonlib must be imported from under this folder')
    p.add_argument('--python', help='the Python the kernel runs (default: this one)')
    a = p.parse_args(argv)
    kernel = kernel_for(a.python) if a.python else 'python3'
    results = []
    for nb in a.notebooks:
        ok, secs, msg = run_notebook(nb, a.flags.split(), a.timeout, a.expect_prefix, kernel)
        print(f'{"PASS" if ok else "FAIL"} {Path(nb).name} ({secs:.1f}s)', flush=True)
        if msg: print('  ' + msg, flush=True)
        results.append(ok)
    print(f'{sum(results)} passed, {len(results) - sum(results)} failed')
    return 0 if all(results) else 1


if __name__ == '__main__': sys.exit(main())
