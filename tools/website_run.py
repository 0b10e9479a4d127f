"""Running the website's notebooks: those whose code changed since the last build, in parallel, into the
jupyter-cache that myst-nb reads when Sphinx builds the pages (tools/website.py calls `execute`)."""
import multiprocessing, os, sys, time
from pathlib import Path


def kernel_env(workers: int, assets: Path) -> dict:
    """The notebooks' environment: a learner's (no test flags), each kernel with its share of the cores, and
    where the site's widgets write the files they ship beside the pages (tools/website_widgets.py)"""
    env = {k: v for k, v in os.environ.items() if k not in ('MPLBACKEND', 'IN_TEST')}   # MPLBACKEND=agg would hide figures
    env.setdefault('OMP_NUM_THREADS', str(max(1, (os.cpu_count() or 2) // workers)))
    env['PATH'] = f'{Path(sys.executable).parent}{os.pathsep}{env.get("PATH", "")}'   # this venv's python is the kernel
    env['PYTHONUNBUFFERED'] = '1'
    env['LESSONLIB_SITE_ASSETS'] = str(assets)
    env['LESSONLIB_PROGRESS'] = str(assets.parent/'no-progress.json')   # the pages show a newcomer's progress, not the builder's
    return env


def execute(notebooks: list, src: Path, cache_dir: Path, workers: int) -> None:
    "Run the notebooks (in folder `src`) whose code changed since they were cached, `workers` at a time; stop at the first that fails"
    from jupyter_cache import get_cache
    from jupyter_cache.executors.basic import ExecutionWorkerLocalMProc, ProcessData
    cache = get_cache(str(cache_dir))
    for record in cache.list_project_records():   # forget notebooks no longer in the site
        if Path(record.uri) not in notebooks: cache.remove_nb_from_project(record.uri)
    for nb in notebooks: cache.add_nb_to_project(str(nb))
    todo = [r for r in cache.list_project_records() if cache.get_cached_project_nb(r.pk) is None]
    todo.sort(key=lambda r: -Path(r.uri).stat().st_size)   # the longest first, so that no worker waits for one at the end
    if not todo: print('site: every notebook is cached, nothing to run'); return
    print(f'site: running {len(todo)} notebook(s), {workers} at a time: ' + ', '.join(Path(r.uri).name for r in todo), flush=True)
    t = time.time()
    jobs = [ProcessData(r.pk, r.uri, cache, 1800, False) for r in todo]   # 30 minutes at most per cell
    with multiprocessing.Pool(min(workers, len(jobs))) as pool:   # jupyter-cache's own worker, our number of processes
        results = []
        for status, uri in pool.imap_unordered(ExecutionWorkerLocalMProc(), jobs, chunksize=1):
            results.append((status, uri))
            print(f'site: {Path(uri).relative_to(src)} {"ran" if status == 0 else "FAILED"} (at {time.time() - t:.0f}s)', flush=True)
    failed = [uri for status, uri in results if status != 0]
    for uri in failed:
        tb = cache.get_project_record(uri).traceback or '(it failed before it ran: see the log above)'
        print(f'\n{Path(uri).relative_to(src)} failed:\n{tb}', file=sys.stderr)
    if failed:
        sys.exit(f'site: {len(failed)} notebook(s) raised an error; see above (the page would show the traceback)')
    print(f'site: ran {len(results)} notebook(s) in {time.time() - t:.0f}s', flush=True)
