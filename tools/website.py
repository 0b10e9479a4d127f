"""Build the course website from nbs/: every notebook executed, with its figures, on pages you can search.

    python tools/website.py            build _site/html (what `make site` runs)
    python tools/website.py --source   only write the Sphinx source folder, _site/src

The stack is Sphinx with myst-nb (notebooks as pages, executed through jupyter-cache) and
sphinx-book-theme (navigation, search, "launch in Colab" buttons): the Jupyter Book 1 stack, installed
from PyPI (the `docs` extra) and built offline. Steps:

1. copy each notebook into _site/src as a reader should see it: `#| hide` cells still run but are not
   shown (tagged `remove-cell`), `#| slow` cells are shown but not run (`skip-execution`), the `#|`
   lines go from the cells that are shown, and a hidden first cell makes widgets draw themselves as
   static HTML (tools/website_widgets.py); the home page gets the navigation (lessons in order, then the
   library notebooks, then practice notebooks if there are any);
2. execute the notebooks that changed, in parallel, into the jupyter-cache that myst-nb reads
   (_site/cache): a rebuild with no change runs nothing;
3. `sphinx-build -W --keep-going -n`: any warning fails the build (a broken link between pages, an
   unknown reference), and a cell that raises fails it too (`nb_execution_raise_on_error`);
4. check every link and image inside the built site (files and `#anchors`).

The notebooks run with the data lessonlib finds (FASTAI_HOME etc.), as a learner's would: the real MNIST
when it is extracted, else the offline sample."""
import json, multiprocessing, os, subprocess, sys, time
from configparser import ConfigParser
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from nbcells import cells as read_cells, code_lines, directives, skip_flags, skip_reason, source
from lesson_header import launch_links

root = Path(__file__).resolve().parent.parent
cfg = ConfigParser(delimiters=['=']); cfg.read(root/'settings.ini', encoding='utf-8'); cfg = cfg['DEFAULT']
nbs = root/'nbs'
out = root/'_site'                       # ignored by git; `make clean-site` removes it
SRC, HTML, CACHE, DOCTREES = out/'src', out/'html', out/'cache', out/'doctrees'
SECTIONS = [('Lessons', 'lessons'), ('Library', 'library'), ('Practice', 'practice')]   # navigation order
BASE_URL = cfg['doc_host'].rstrip('/') + cfg.get('doc_baseurl', '').rstrip('/') + '/'


def pages() -> dict:
    "The notebooks of each section of the navigation, in order: `{'Lessons': [Path, ...], ...}`"
    return {title: sorted(p for p in (nbs/folder).glob('*.ipynb') if not p.name.startswith(('_', '.')))
            for title, folder in SECTIONS if (nbs/folder).is_dir()}


def doc_name(nb: Path) -> str: return nb.relative_to(nbs).with_suffix('').as_posix()


def md_cell(text, tags=()):
    return dict(cell_type='markdown', metadata=dict(tags=list(tags)) if tags else {}, source=text)


def code_cell(text, tags=()):
    return dict(cell_type='code', execution_count=None, metadata=dict(tags=list(tags)) if tags else {},
                outputs=[], source=text)


def fingerprint() -> str:
    """What the notebooks' outputs depend on besides their code: lessonlib's source and the data it finds.
    It goes into every page's hidden first cell, so that jupyter-cache, which hashes only the code, runs a
    notebook again when the package changes or the data switches between the real MNIST and the offline sample."""
    import hashlib
    from lessonlib.data import MNIST, MNIST_SAMPLE, find_data, is_offline_sample
    h = hashlib.sha256()
    for f in sorted((root/cfg['lib_path']).glob('*.py')): h.update(f.name.encode() + f.read_bytes())
    data = ', '.join(f'{l.name}: {"offline sample" if is_offline_sample(find_data(l)) else "full"}' for l in (MNIST_SAMPLE, MNIST))
    return f'# Built with {cfg["lib_name"]} {h.hexdigest()[:16]}; data: {data}'


# Warnings from other packages that say nothing about the lesson: not shown on the pages. (fastai's import calls
# `torch.jit.script`, which torch 2.10 on deprecates; the course's own warnings are all shown.)
QUIET = [('FutureWarning', r'`torch\.jit\.script` is deprecated')]


def setup_cell(nb: Path, stamp: str) -> dict:
    "The hidden first cell: widgets drawn as static HTML, with where to use them live; other packages' noise off"
    links = launch_links(nb)
    live = ('A picture of the widget as it starts. To use it, run this notebook: '
            f'<a href="{links["colab"]}">in Colab</a>, <a href="{links["kaggle"]}">on Kaggle</a>, '
            'or in JupyterLab on your own machine (<code>make lab</code>).')
    code = (root/'tools'/'website_widgets.py').read_text(encoding='utf-8')
    quiet = ''.join(f'warnings.filterwarnings("ignore", {m!r}, {c})\n' for c, m in QUIET)
    return code_cell(f'{stamp}\nimport warnings\n{quiet}_site_widgets = {{}}   # tools/website_widgets.py, in a namespace of its own\n'
                     f'exec({code!r}, _site_widgets)\n_site_widgets["use_static_widgets"]({live!r})\ndel _site_widgets',
                     ['remove-cell'])


SLOW_NOTE = ('*On this page the next cell{s} {are} shown but not run: {they} take{s_verb} minutes on a CPU. '
             'Run the notebook to see {their} output.*')


def site_cells(nb: Path, stamp: str) -> list:
    "The cells of notebook `nb` as the website shows them (see the module's docstring)"
    result, flags = [], set(skip_flags())
    for cell in read_cells(nb):
        if cell['cell_type'] != 'code':
            result.append(dict(cell_type=cell['cell_type'], metadata={}, source=source(cell),
                               **({'attachments': cell['attachments']} if 'attachments' in cell else {})))
            continue
        d, why = directives(cell), skip_reason(cell)
        hidden = 'hide' in d or d.get('include:', [''])[0].lower() == 'false'
        lines = '\n'.join(code_lines(cell)).strip('\n')
        if why == 'nbdev_export' or not lines: continue   # nbdev's own cells, `#| default_exp`
        if why:                                           # `#| slow` (settings.ini's tst_flags), `#| eval: false`
            if hidden: continue
            if flags & d.keys() and not (result and 'skip-execution' in result[-1]['metadata'].get('tags', [])):
                result.append(md_cell('', ['slow-note']))   # its text is written below, once the run is known
            result.append(code_cell(lines, ['skip-execution']))
            continue
        if hidden: result.append(code_cell(source(cell), ['remove-cell'])); continue
        tags = [t for k, t in (('echo:', 'remove-input'), ('output:', 'remove-output')) if d.get(k, [''])[0].lower() == 'false']
        result.append(code_cell(lines, tags))
    for i, c in enumerate(result):   # the note before a run of slow cells says how many follow
        if 'slow-note' in c['metadata'].get('tags', []):
            n = next((j for j, d in enumerate(result[i+1:]) if 'skip-execution' not in d['metadata'].get('tags', [])), len(result) - i - 1)
            one = n == 1
            c['source'] = SLOW_NOTE.format(s='' if one else 's', are='is' if one else 'are', they='it' if one else 'they',
                                           s_verb='s' if one else '', their='its' if one else 'their')
            c['metadata'] = {}
    return [setup_cell(nb, stamp)] + result


def toc_cell(sections: dict) -> dict:
    "A hidden table of contents for the home page: the navigation of the whole site"
    parts = []
    for title, nbs_ in sections.items():
        if nbs_: parts.append('```{toctree}\n:hidden:\n:caption: ' + title + '\n\n' + '\n'.join(map(doc_name, nbs_)) + '\n```')
    return md_cell('\n\n'.join(parts))


def notebook(nb: Path, cells: list) -> str:
    j = json.loads(nb.read_text(encoding='utf-8'))
    meta = {k: v for k, v in j['metadata'].items() if k in ('kernelspec', 'language_info')}
    for c in cells: c.pop('id', None)
    return json.dumps(dict(cells=cells, metadata=meta, nbformat=4, nbformat_minor=4), indent=1, ensure_ascii=False) + '\n'


CSS = """/* widgets drawn by tools/website_widgets.py: a picture of each widget as it starts */
.lessonlib-widget { border: 1px solid var(--pst-color-border, #ccc); border-radius: 4px; padding: .6em .8em; margin: .4em 0; }
.lessonlib-w-row { display: flex; flex-direction: row; flex-wrap: wrap; gap: .5em 1em; align-items: flex-start; }
.lessonlib-w-column { display: flex; flex-direction: column; gap: .3em; }
.lessonlib-w-control { display: flex; align-items: center; gap: .5em; }
.lessonlib-w-label { min-width: 2em; text-align: right; }
.lessonlib-w-value { font-family: var(--pst-font-family-monospace, monospace); }
.lessonlib-w-pad { background: #fff; border: 1px solid #999; }
.lessonlib-w-pad rect { fill: #fff; }
.lessonlib-w-pad polyline { fill: none; stroke: #000; stroke-width: 18; stroke-linecap: round; stroke-linejoin: round; }
.lessonlib-w-note { font-size: .85em; color: var(--pst-color-text-muted, #666); margin: .5em 0 0; }
"""


def conf_py() -> str:
    g = cfg['git_url'].rstrip('/')
    return f'''# Written by tools/website.py: edit that file, not this one.
project = {cfg['title']!r}
author = {cfg['author']!r}
copyright = {cfg['copyright']!r}
extensions = ['myst_nb']
source_suffix = {{'.ipynb': 'myst-nb'}}
exclude_patterns = ['**.ipynb_checkpoints']
root_doc = 'index'
html_theme = 'sphinx_book_theme'
html_title = project
html_baseurl = {BASE_URL!r}
html_static_path = ['_static']
html_css_files = ['lessonlib.css']
html_show_sourcelink = False
html_theme_options = dict(
    repository_url={g!r}, repository_branch={cfg['branch']!r}, path_to_docs={cfg['nbs_path']!r},
    use_repository_button=True, home_page_in_toc=True, show_navbar_depth=1,
    launch_buttons=dict(colab_url='https://colab.research.google.com', notebook_interface='jupyterlab'))
nitpicky = True
myst_enable_extensions = ['dollarmath', 'amsmath', 'colon_fence', 'html_image']
myst_heading_anchors = 3
nb_execution_mode = 'cache'
nb_execution_cache_path = {str(CACHE)!r}
nb_execution_raise_on_error = True
nb_execution_show_tb = True
nb_execution_timeout = 1800
nb_merge_streams = True
nb_ipywidgets_js = {{}}   # widgets are static HTML here (tools/website_widgets.py): no widget JavaScript to load
'''


def write_if_changed(path: Path, text: str) -> bool:
    "Write `text` to `path` unless it holds it already (an unchanged file keeps its time, so Sphinx skips it)"
    if path.exists() and path.read_text(encoding='utf-8') == text: return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding='utf-8')
    return True


def write_source() -> list:
    "Write _site/src (notebooks, conf.py, CSS); return the notebooks written there"
    sections, wanted, stamp = pages(), {}, fingerprint()
    print(f'site: {stamp[2:]}', flush=True)
    wanted[SRC/'index.ipynb'] = notebook(nbs/'index.ipynb', site_cells(nbs/'index.ipynb', stamp) + [toc_cell(sections)])
    for nb in (nb for group in sections.values() for nb in group):
        wanted[SRC/nb.relative_to(nbs)] = notebook(nb, site_cells(nb, stamp))
    wanted[SRC/'conf.py'] = conf_py()
    wanted[SRC/'_static'/'lessonlib.css'] = CSS
    for p, text in wanted.items(): write_if_changed(p, text)
    for p in sorted(SRC.rglob('*'), reverse=True):   # what is left of notebooks since removed
        if p.is_file() and p not in wanted and '.ipynb_checkpoints' not in p.parts: p.unlink()
        elif p.is_dir() and not any(p.iterdir()): p.rmdir()
    return [p for p in wanted if p.suffix == '.ipynb']


def kernel_env(workers: int) -> dict:
    "The notebooks' environment: a learner's (no test flags), each kernel with its share of the cores"
    env = {k: v for k, v in os.environ.items() if k not in ('MPLBACKEND', 'IN_TEST')}   # MPLBACKEND=agg would hide figures
    env.setdefault('OMP_NUM_THREADS', str(max(1, (os.cpu_count() or 2) // workers)))
    env['PATH'] = f'{Path(sys.executable).parent}{os.pathsep}{env.get("PATH", "")}'   # this venv's python is the kernel
    env['PYTHONUNBUFFERED'] = '1'
    return env


def execute(notebooks: list, workers: int) -> None:
    "Run the notebooks whose code changed since they were cached, `workers` at a time; stop at the first that fails"
    from jupyter_cache import get_cache
    from jupyter_cache.executors.basic import ExecutionWorkerLocalMProc, ProcessData
    cache = get_cache(str(CACHE))
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
            print(f'site: {Path(uri).relative_to(SRC)} {"ran" if status == 0 else "FAILED"} (at {time.time() - t:.0f}s)', flush=True)
    failed = [uri for status, uri in results if status != 0]
    for uri in failed:
        tb = cache.get_project_record(uri).traceback or '(it failed before it ran: see the log above)'
        print(f'\n{Path(uri).relative_to(SRC)} failed:\n{tb}', file=sys.stderr)
    if failed:
        sys.exit(f'site: {len(failed)} notebook(s) raised an error; see above (the page would show the traceback)')
    print(f'site: ran {len(results)} notebook(s) in {time.time() - t:.0f}s', flush=True)


class _Links(HTMLParser):
    def __init__(self):
        super().__init__(); self.ids, self.links = set(), []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get('id'): self.ids.add(a['id'])
        if tag == 'a' and a.get('name'): self.ids.add(a['name'])
        for k in ('href', 'src'):
            if a.get(k) and not (tag == 'link' and a.get('rel') == 'canonical'): self.links.append((tag, a[k]))


def check_links(html_dir=HTML) -> list:
    "Every link and image inside the site that leads nowhere: a missing file or a missing `#anchor`"
    parsed = {}
    def parse(p):
        if p not in parsed:
            parsed[p] = _Links(); parsed[p].feed(p.read_text(encoding='utf-8', errors='replace'))
        return parsed[p]
    broken = []
    for page in sorted(p for p in html_dir.rglob('*.html') if p.relative_to(html_dir).parts[0] != '_static'):   # not the theme's templates
        for tag, link in parse(page).links:
            u = urlsplit(link)
            if u.scheme or link.startswith('//') or link.startswith('data:'): continue   # outside the site
            target = (page.parent/unquote(u.path)).resolve() if u.path else page
            if target.is_dir(): target = target/'index.html'
            rel = page.relative_to(html_dir)
            if not target.exists(): broken.append(f'{rel}: {link} (no such file)')
            elif u.fragment and target.suffix == '.html' and unquote(u.fragment) not in parse(target).ids:
                broken.append(f'{rel}: {link} (no such anchor)')
    return broken


def build(workers=None) -> None:
    t = time.time()
    notebooks = write_source()
    workers = workers or int(os.environ.get('SITE_WORKERS', 0)) or min(os.cpu_count() or 2, len(notebooks))
    env = kernel_env(workers)
    os.environ.clear(); os.environ.update(env)   # the executor's kernels inherit it
    execute(notebooks, workers)
    cmd = [sys.executable, '-m', 'sphinx', '-b', 'html', '-W', '--keep-going', '-n', '-q', '-j', 'auto',
           '-d', str(DOCTREES), str(SRC), str(HTML)]
    print('site: ' + ' '.join(cmd[2:]), flush=True)
    if subprocess.run(cmd, env=env).returncode: sys.exit('site: sphinx-build failed: see the warnings above')
    (HTML/'.nojekyll').touch()   # GitHub Pages: serve _static/ and _images/ as they are
    broken = check_links()
    if broken: sys.exit('site: broken links inside the site:\n  ' + '\n  '.join(broken))
    n = len(notebooks)
    print(f'site: {n} pages in {HTML.relative_to(root)}/ ({time.time() - t:.0f}s); open {HTML.relative_to(root)}/index.html')


if __name__ == '__main__':
    if '--source' in sys.argv: print('\n'.join(str(p.relative_to(root)) for p in write_source()))
    else: build()
