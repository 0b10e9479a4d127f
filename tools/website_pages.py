"""Notebooks to pages: the Sphinx source of the course website, _site/src, one notebook per page as a reader sees it.

- `#| hide` cells still run but are not shown (tagged `remove-cell`); `#| slow` cells are shown but not run
  (`skip-execution`), after a note; the `#|` lines go from the cells that are shown;
- a hidden first cell makes widgets draw themselves without a kernel (tools/website_widgets.py);
- a figure's alt text, which says what it shows, is written with its cell, in the cell's metadata as myst-nb reads it:
  `{"mystnb": {"image": {"alt": "..."}}}`; a widget's figure gets it through a hidden cell before it;
- the home page gets the navigation: lessons in order, then the library notebooks, then the practice notebooks.

The project's settings come from settings.ini through nbdev's `get_config()`."""
import hashlib, json, re
from pathlib import Path
from nbdev.config import get_config
from nbcells import cells as read_cells, code_lines, directives, skip_flags, skip_reason, source
from lesson_header import launch_links

root = Path(__file__).resolve().parent.parent
cfg = get_config(path=root)
nbs = cfg.nbs_path                       # nbdev gives settings.ini's paths as absolute paths
out = root/'_site'                       # ignored by git; `make clean-site` removes it
SRC, HTML, CACHE, DOCTREES = out/'src', out/'html', out/'cache', out/'doctrees'
ASSETS = out/'assets'                    # what the widgets ship beside the pages (figures, the pad's net), per page
CONF_DIR = root/'tools'/'site'           # conf.py, the stylesheet and the site's JavaScript
SECTIONS = [('Lessons', 'lessons'), ('Library', 'library'), ('Practice', 'practice')]   # navigation order


def site_address(host: str, baseurl: str = '') -> str:
    "The address the site is published at: `host` plus `baseurl` (settings.ini's doc_host and doc_baseurl), ending in /"
    base = baseurl.strip('/')
    return host.rstrip('/') + (f'/{base}' if base else '') + '/'


BASE_URL = site_address(cfg.doc_host, cfg.get('doc_baseurl', ''))


def pages() -> dict:
    "The notebooks of each section of the navigation, in order: `{'Lessons': [Path, ...], ...}`"
    return {title: sorted(p for p in (nbs/folder).glob('*.ipynb') if not p.name.startswith(('_', '.')))
            for title, folder in SECTIONS if (nbs/folder).is_dir()}


def doc_name(nb: Path) -> str: return nb.relative_to(nbs).with_suffix('').as_posix()


def md_cell(text, tags=()):
    return dict(cell_type='markdown', metadata=dict(tags=list(tags)) if tags else {}, source=text)


def code_cell(text, tags=(), **metadata):
    return dict(cell_type='code', execution_count=None, metadata=dict(tags=list(tags), **metadata) if tags else metadata,
                outputs=[], source=text)


def fingerprint() -> str:
    """What the notebooks' outputs depend on besides their code: lessonlib's source and the data it finds.
    It goes into every page's hidden first cell, so that jupyter-cache, which hashes only the code, runs a
    notebook again when the package changes or the data switches between the real MNIST and the offline sample."""
    from lessonlib.data import MNIST, MNIST_SAMPLE, find_data, is_offline_sample
    h = hashlib.sha256()
    for f in sorted(cfg.lib_path.glob('*.py')): h.update(f.name.encode() + f.read_bytes())
    data = ', '.join(f'{l.name}: {"offline sample" if is_offline_sample(find_data(l)) else "full"}' for l in (MNIST_SAMPLE, MNIST))
    return f'# Built with {cfg.lib_name} {h.hexdigest()[:16]}; data: {data}'


# Warnings from other packages that say nothing about the lesson: not shown on the pages. (fastai's import calls
# `torch.jit.script`, which torch 2.10 on deprecates; the course's own warnings are all shown.)
QUIET = [('FutureWarning', r'`torch\.jit\.script` is deprecated')]
KERNEL_CODE = ['website_widgets.py', 'website_live.py', 'website_quiz_pad.py']   # run in each page's kernel, in this order


def setup_cell(nb: Path, stamp: str) -> dict:
    "The hidden first cell: widgets drawn without a kernel, with where to use them live; other packages' noise off"
    links = launch_links(nb)
    live = ('To use it with Python, run this notebook: '
            f'<a href="{links["colab"]}">in Colab</a>, <a href="{links["kaggle"]}">on Kaggle</a>, '
            'or in JupyterLab on your own machine (<code>make lab</code>).')
    code = '\n'.join((root/'tools'/f).read_text(encoding='utf-8') for f in KERNEL_CODE)
    quiet = ''.join(f'warnings.filterwarnings("ignore", {m!r}, {c})\n' for c, m in QUIET)
    return code_cell(f'{stamp}\nimport warnings\n{quiet}_site_widgets = {{}}   # tools/website_widgets.py, website_live.py, website_quiz_pad.py: a namespace of their own\n'
                     f'exec({code!r}, _site_widgets)\n_site_widgets["use_static_widgets"]({live!r}, {doc_name(nb)!r})\ndel _site_widgets',
                     ['remove-cell'])


# The lessons' "Open in Colab/Kaggle" badges (tools/lesson_header.py) are images on Google's and Kaggle's servers: the
# site shows its own copies (tools/site/_static, copied beside the pages' sources), so that a page fetches nothing
# from elsewhere.
BADGES = {'https://colab.research.google.com/assets/colab-badge.svg': 'lessonlib-badge-colab.svg',
          'https://kaggle.com/static/images/open-in-kaggle.svg': 'lessonlib-badge-kaggle.svg'}


def local_badges(text: str, nb: Path) -> str:
    "Markdown `text` with the known badges' images taken from the site itself"
    static = '../' * (len(nb.relative_to(nbs).parts) - 1) + '_static/'
    def badge(m):
        alt, img, href = m.groups()
        return f'[![{alt}]({static}{BADGES[img]})]({href})' if img in BADGES else m.group(0)
    return re.sub(r'\[!\[([^\]]*)\]\((\S+?)\)\]\((\S+?)\)', badge, text)


def alt_text(cell) -> str:
    "The alt text written with a cell for its figures (myst-nb's `mystnb.image.alt` metadata), or ''"
    return ((cell.get('metadata', {}).get('mystnb') or {}).get('image') or {}).get('alt', '')


SLOW_NOTE = ('*On this page the next cell{s} {are} shown but not run: {they} take{s_verb} minutes on a CPU. '
             'Run the notebook to see {their} output.*')


def site_cells(nb: Path, stamp: str) -> list:
    "The cells of notebook `nb` as the website shows them (see the module's docstring)"
    result, flags = [], set(skip_flags())
    for cell in read_cells(nb):
        if cell['cell_type'] != 'code':
            result.append(dict(cell_type=cell['cell_type'], metadata={}, source=local_badges(source(cell), nb),
                               **({'attachments': cell['attachments']} if 'attachments' in cell else {})))
            continue
        d, why = directives(cell), skip_reason(cell)
        hidden = 'hide' in d or d.get('include:', [''])[0].lower() == 'false'
        lines = '\n'.join(code_lines(cell)).strip('\n')
        if why == 'nbdev_export' or not lines: continue   # nbdev's own cells, `#| default_exp`
        meta = {'mystnb': cell['metadata']['mystnb']} if 'mystnb' in cell.get('metadata', {}) else {}
        if why:                                           # `#| slow` (settings.ini's tst_flags), `#| eval: false`
            if hidden: continue
            if flags & d.keys() and not (result and 'skip-execution' in result[-1]['metadata'].get('tags', [])):
                result.append(md_cell('', ['slow-note']))   # its text is written below, once the run is known
            result.append(code_cell(lines, ['skip-execution'], **meta))
            continue
        if hidden: result.append(code_cell(source(cell), ['remove-cell'])); continue
        if alt_text(cell):   # for a widget's figures, which the kernel draws (tools/website_live.py)
            result.append(code_cell(f"__import__('_lessonlib_site').alt_next = {alt_text(cell)!r}", ['remove-cell']))
        tags = [t for k, t in (('echo:', 'remove-input'), ('output:', 'remove-output')) if d.get(k, [''])[0].lower() == 'false']
        result.append(code_cell(lines, tags, **meta))
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


def write_if_changed(path: Path, text) -> bool:
    "Write `text` (str or bytes) to `path` unless it holds it already (an unchanged file keeps its time, so Sphinx skips it)"
    data = text.encode('utf-8') if isinstance(text, str) else text
    if path.exists() and path.read_bytes() == data: return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def write_source() -> list:
    "Write _site/src (the notebooks as pages) and the pad's JavaScript into _site/assets; return the notebooks written"
    from lessonlib.pad import _PAD_JS, MNIST_JS
    sections, wanted, stamp = pages(), {}, fingerprint()
    print(f'site: {stamp[2:]}', flush=True)
    wanted[SRC/'index.ipynb'] = notebook(nbs/'index.ipynb', site_cells(nbs/'index.ipynb', stamp) + [toc_cell(sections)])
    for nb in (nb for group in sections.values() for nb in group):
        wanted[SRC/nb.relative_to(nbs)] = notebook(nb, site_cells(nb, stamp))
    for badge in BADGES.values(): wanted[SRC/'_static'/badge] = (CONF_DIR/'_static'/badge).read_bytes()   # pages' images
    for p, text in wanted.items(): write_if_changed(p, text)
    for p in sorted(SRC.rglob('*'), reverse=True):   # what is left of notebooks since removed
        if p.is_file() and p not in wanted and '.ipynb_checkpoints' not in p.parts: p.unlink()
        elif p.is_dir() and not any(p.iterdir()): p.rmdir()
    write_if_changed(ASSETS/'lessonlib-pad-canvas.js', _PAD_JS)   # the pad's canvas, as in JupyterLab
    write_if_changed(ASSETS/'lessonlib-mnist.js', MNIST_JS)       # its preprocessing and net, as in lessonlib.pad
    return [p for p in wanted if p.suffix == '.ipynb']
