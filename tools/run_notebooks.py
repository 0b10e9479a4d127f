"""Run notebooks top to bottom in a Jupyter kernel, as a learner's "Run all" does.

    python tools/run_notebooks.py NB.ipynb [NB.ipynb ...] [--python PY] [--flags slow] [--workers N] [--answers]
                                  [--mplbackend agg] [--timeout 600] [--hang 60] [--expect-prefix DIR] [--save DIR]

The kernel runs `--python` (default: this Python), so that the project's own tools read the notebooks here
while the lessons run in another environment, such as a learner's runtime. Cells are skipped as `nbdev_test`
skips them (tools/nbcells.py: settings.ini's `tst_flags` unless `--flags` names them, `#| eval: false`,
`nbdev_export()`). The kernel gets the runner's environment without IN_TEST, as a learner's; `--mplbackend agg`
sets MPLBACKEND there, as some servers and editors do.

A cell fails the notebook when it raises, when it shows an error without raising (an `interact` function that
raised shows its traceback in the widget), when it runs longer than `--timeout` seconds, or when it hangs: the
kernel (with its child processes) used no CPU for `--hang` seconds while the cell had not finished. A hang
says whether the kernel had finished the cell (and its reply never reached the runner) or was still in it.

`--answers` runs each exercise as a learner might answer it (tools/answers.py): after the exercise cell
(a cell with `____` in it) and its `q.check()` cell as shipped, the cell again with each blank replaced by
`None`, by code that raises, by a string, then each of the exercise's catalogued mistakes, each followed by
the check. Nothing a learner can type there may make the check, or any later cell, fail.

Prints one line per notebook (pass/fail and seconds, the slowest cells); on a failure it names the notebook,
the cell (index and first line) and the error. Ends with `N passed, M failed`; exits 1 if any failed. With
`--expect-prefix DIR`, each kernel first checks that `lessonlib` is imported from under DIR."""
import argparse, asyncio, json, os, sys, tempfile, time
from concurrent.futures import ProcessPoolExecutor
from contextlib import suppress
from pathlib import Path
from queue import Empty
import multiprocessing as mp
import nbformat, psutil
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError
from nbcells import skip_reason, first_code_line as first_line
from answers import with_wrong_answers


class Hung(Exception): pass
class ShownError(Exception): pass


def poll_in_slices(channel, step=0.5):
    """Make `channel.get_msg(timeout)` look for a message every `step` seconds until `timeout`, instead of once.

    nbclient's stand-in for an Output widget (ipywidgets 7 captures output through the front end) sends on
    the shell socket from the task that reads IOPub, while another task waits on that socket for the cell's
    reply. ZeroMQ's socket descriptor signals only on an edge, so when the reply arrives during that send the
    wait is never woken: the reply is read only when the wait times out (600 s), and the cell then passes.
    Looking again every `step` seconds finds it within `step`."""
    get = channel.get_msg
    async def get_msg(timeout=None):
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            wait = step if deadline is None else max(0., min(step, deadline - time.monotonic()))
            try: return await get(timeout=wait)
            except Empty:
                if deadline is not None and time.monotonic() >= deadline: raise
    channel.get_msg = get_msg


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
    if isinstance(e, (Hung, ShownError)): return str(e)
    if isinstance(e, CellTimeoutError): return f'the cell ran longer than the timeout ({str(e).strip().splitlines()[0]})'
    return f'{type(e).__name__}: {str(e).strip().splitlines()[-1] if str(e).strip() else ""}'


def cpu_seconds(pid) -> float:
    "CPU time used so far by process `pid` and all its children (living, and waited for)"
    try:
        p = psutil.Process(pid)
        total = sum(p.cpu_times()[:4])   # user, system, children_user, children_system
        for c in p.children(recursive=True):
            with suppress(psutil.Error): total += sum(c.cpu_times()[:2])
        return total
    except psutil.Error: return 0.


def errors_shown(outputs) -> list:
    "The errors among a cell's or a widget's outputs, as `Name: message`"
    return [f"{o.get('ename')}: {o.get('evalue')}" for o in outputs or [] if o.get('output_type') == 'error']


async def execute(client, cell, i, pid, hang):
    """Run `cell` in the kernel. Raise `ShownError` if it shows an error without failing (an `interact` function
    that raised shows its traceback in the widget), and `Hung` if the kernel uses no CPU for `hang` seconds before
    the cell finishes"""
    task = asyncio.ensure_future(client.async_execute_cell(cell, i))
    cpu, busy_at = cpu_seconds(pid), time.monotonic()
    shown_before = {k: len(errors_shown(w.get('outputs'))) for k, w in client.widget_state.items()}
    while True:
        done, _ = await asyncio.wait({task}, timeout=1)
        if done:
            task.result()
            shown = errors_shown(cell.get('outputs')) + [e for k, w in client.widget_state.items()
                                                         for e in errors_shown(w.get('outputs'))[shown_before.get(k, 0):]]
            if shown: raise ShownError(f'the cell shows an error: {shown[0]}')
            return
        now, used = time.monotonic(), cpu_seconds(pid)
        if used - cpu > 0.2: cpu, busy_at = used, now
        if hang and now - busy_at >= hang:
            meta = cell.get('metadata', {}).get('execution', {})
            where = ('the kernel had finished the cell (it said so on IOPub), but its reply never reached the runner'
                     if 'iopub.status.idle' in meta else 'the kernel was still in the cell, waiting without computing')
            task.cancel()
            with suppress(BaseException): await task
            raise Hung(f'the cell hung: no CPU used for {hang:.0f} s; {where}')


async def run_notebook_async(path, flags=(), timeout=600, hang=60, expect_prefix=None, kernel_name='python3', answers=False, save=None):
    "Execute the notebook at `path` in its own folder; return (ok, seconds, message, lines to print)"
    path = Path(path).resolve()
    nb, n_answers = nbformat.read(path, as_version=4), 0
    if answers: nb, n_answers = with_wrong_answers(nb)
    client = NotebookClient(nb, timeout=timeout, kernel_name=kernel_name, allow_errors=False,
                            resources={'metadata': {'path': str(path.parent)}})
    start, lines = time.time(), []
    try:
        async with client.async_setup_kernel():
            msg = await run_cells(client, nb, path.name, flags, hang, expect_prefix, lines)
    finally:
        if save: Path(save).mkdir(parents=True, exist_ok=True); nbformat.write(nb, Path(save)/path.name)
    if not msg and n_answers: lines.insert(0, f'  {path.name}: {n_answers} wrong answers checked')
    return not msg, time.time() - start, msg, lines


async def run_cells(client, nb, name, flags, hang, expect_prefix, lines) -> str:
    "Run the cells of `nb` in `client`'s kernel; return what failed ('' if nothing), adding notes to `lines`"
    skipped, took = [], []
    pid = getattr(client.km.provisioner, 'pid', None)
    poll_in_slices(client.kc.shell_channel)
    if expect_prefix:
        check = nbformat.v4.new_code_cell(
            'import lessonlib, sys\n'
            f'assert lessonlib.__file__.startswith({str(expect_prefix)!r}), '
            f'f"lessonlib is imported from {{lessonlib.__file__}}, not from under {str(expect_prefix)!r}"\n'
            'print(lessonlib.__file__, lessonlib.__version__, sys.executable)')
        try: await execute(client, check, 0, pid, hang)
        except Exception as e: return f'{name}: {error_text(e)}'
        lines.append(f'  {name}: lessonlib from {check.outputs[0]["text"].strip()}')
    for i, cell in enumerate(nb.cells):
        why = skip_reason(cell, flags)
        if why:
            if why != 'not code': skipped.append(f'{i} ({why})')
            continue
        t = time.time()
        try: await execute(client, cell, i, pid, hang)
        except (CellExecutionError, CellTimeoutError, Hung, ShownError) as e:
            return f'{name} failed at cell {i}: {first_line(cell)!r}\n    {error_text(e)}'
        took.append((time.time() - t, i))
    if skipped: lines.append(f'  {name}: skipped cells {", ".join(skipped)}')
    lines.append(f'  {name}: slowest cells ' + ', '.join(f'{i} ({secs:.1f}s)' for secs, i in sorted(took)[::-1][:3]))
    return ''


def run_notebook(path, *args, **kwargs):
    "`run_notebook_async` in an event loop of its own; the kernel is shut down whatever happens"
    try: return asyncio.run(run_notebook_async(path, *args, **kwargs))
    except Exception as e: return False, 0., f'{Path(path).name}: the runner failed: {type(e).__name__}: {e}', []


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('notebooks', nargs='+')
    p.add_argument('--flags', default='', help='space separated flags of cells to run, e.g. "slow"')
    p.add_argument('--timeout', type=int, default=600, help='seconds each cell may take')
    p.add_argument('--hang', type=int, default=60, help='seconds without CPU use after which a running cell has hung (0: never)')
    p.add_argument('--answers', action='store_true', help='answer each exercise wrongly in every way, each followed by its check')
    p.add_argument('--mplbackend', help="matplotlib's backend in the kernels (MPLBACKEND), e.g. agg, as some servers and editors set it")
    p.add_argument('--workers', type=int, default=1, help='notebooks run at once (each kernel then gets its share of the cores)')
    p.add_argument('--expect-prefix', help='lessonlib must be imported from under this folder')
    p.add_argument('--python', help='the Python the kernel runs (default: this one)')
    p.add_argument('--save', help='a folder to write the executed notebooks to, with their outputs (to see what a failed cell showed)')
    a = p.parse_args(argv)
    os.environ.pop('IN_TEST', None)   # a learner's kernel: the lessons' checks of the shipped state stay off
    if a.mplbackend: os.environ['MPLBACKEND'] = a.mplbackend
    kernel = kernel_for(a.python) if a.python else 'python3'
    if a.workers > 1: os.environ.setdefault('OMP_NUM_THREADS', str(max(1, (os.cpu_count() or 2) // a.workers)))
    args = (a.flags.split(), a.timeout, a.hang, a.expect_prefix, kernel, a.answers, a.save)
    with ProcessPoolExecutor(max(1, a.workers), mp_context=mp.get_context('spawn')) as pool:
        jobs = [(nb, pool.submit(run_notebook, nb, *args)) for nb in a.notebooks]
        results = []
        for nb, job in jobs:
            ok, secs, msg, lines = job.result()
            for line in lines: print(line)
            print(f'{"PASS" if ok else "FAIL"} {Path(nb).name} ({secs:.1f}s)', flush=True)
            if msg: print('  ' + msg, flush=True)
            results.append(ok)
    print(f'{sum(results)} passed, {len(results) - sum(results)} failed')
    return 0 if all(results) else 1


if __name__ == '__main__': sys.exit(main())
