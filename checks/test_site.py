"""The course website as a reader sees it: the built site (make site) in a real browser.

    make test-site     (builds the site if needed, then: .venv/bin/python -m pytest checks/test_site.py -s)

Serves _site/html with Python's http.server on a free localhost port and opens it in Debian's Chromium
(/usr/bin/chromium) with Playwright; requests that leave localhost are refused, as for a reader offline.
Checks: every page loads; each shows every figure its notebook drew (an <img> that loaded, naturalWidth > 0),
no traceback and no stderr, and no widget as raw text ("interactive(children=", "Output()", ...); widgets are
drawn statically with a line saying where to use them; the lessons are in order in the navigation; each
lesson links to Colab and Kaggle; the site's search finds a lesson by its key words."""
import functools, http.server, json, re, sys, threading
from pathlib import Path
import pytest

root = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(root/'tools'))
import website as site_tool   # tools/website.py
from lesson_header import launch_links
HTML = site_tool.HTML
SECTIONS = site_tool.pages()
LESSONS = SECTIONS['Lessons']
PAGES = [site_tool.nbs/'index.ipynb'] + [nb for group in SECTIONS.values() for nb in group]
RAW_WIDGET_TEXT = ['interactive(children=', 'Output()', 'DigitPad(', 'VBox(children=', 'HBox(children=',
                   'IntSlider(', 'FloatSlider(', 'Dropdown(', 'PadCanvas(', 'widget-view+json']
# Key words a reader might search for, and the lesson that must be among the results.
SEARCHES = {'softmax': '07_ten_digits', 'broadcasting': '02_pixel_similarity', 'mnist_loss': '04_mnist_loss'}


def url_of(nb): return site_tool.doc_name(nb) + '.html'


def executed(nb):
    "The notebook as the site shows it, with the outputs the build cached"
    import nbformat
    from jupyter_cache import get_cache
    src = site_tool.SRC/nb.relative_to(site_tool.nbs)
    _, merged = get_cache(str(site_tool.CACHE)).merge_match_into_notebook(nbformat.read(src, as_version=4))
    return merged


def figures_drawn(nb) -> int:
    "How many images the notebook's shown cells output"
    return sum(1 for c in executed(nb).cells if c.cell_type == 'code' and 'remove-cell' not in c.metadata.get('tags', [])
               and 'remove-output' not in c.metadata.get('tags', [])
               for o in c.get('outputs', []) if any(k.startswith('image/') for k in o.get('data', {})))


WARNING = re.compile(r'^(\S+):\d+: (\w+Warning): ', re.M)


def course_warnings_only(stderr: str) -> bool:
    """Whether a stderr block holds only warnings that the course itself gives the reader on purpose (from a
    lesson's cell or from lessonlib: a learning rate too high, the offline sample in use), not a package's noise"""
    found = WARNING.findall(stderr)
    return bool(found) and all('/ipykernel_' in path or '/lessonlib/' in path for path, _ in found)


@pytest.fixture(scope='module')
def server():
    if not (HTML/'index.html').exists(): pytest.fail(f'no site in {HTML}: run `make site` first (make test-site does)')
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args): pass
    handler = functools.partial(Quiet, directory=str(HTML))
    httpd = http.server.ThreadingHTTPServer(('127.0.0.1', 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f'http://127.0.0.1:{httpd.server_address[1]}'
    httpd.shutdown(); httpd.server_close()


@pytest.fixture
def page(browser, server):
    ctx = browser.new_context()
    pg = ctx.new_page()
    local = server + '/'
    pg.route('**/*', lambda route: route.continue_() if route.request.url.startswith(local) else route.abort())
    errors = []
    pg.on('pageerror', lambda e: errors.append(str(e)))
    pg.goto_site = lambda path: pg.goto(f'{server}/{path}', wait_until='load')
    pg.js_errors = errors
    yield pg
    ctx.close()


# What the page shows under its cells: figures, error blocks and the text of the outputs.
READ_OUTPUTS = r'''() => {
  const outs = [...document.querySelectorAll('.cell_output')];
  const imgs = outs.flatMap(o => [...o.querySelectorAll('img')]);
  return {
    images: imgs.map(i => ({src: i.getAttribute('src').slice(0, 80), loaded: i.complete && i.naturalWidth > 0,
                            widget: !!i.closest('.lessonlib-widget')})),
    errors: outs.flatMap(o => [...o.querySelectorAll('.traceback, .output.error')]).map(e => e.innerText.slice(0, 500)),
    stderr: outs.flatMap(o => [...o.querySelectorAll('.stderr')]).map(e => e.innerText),
    text: outs.map(o => o.innerText).join('\n'),
    widgets: [...document.querySelectorAll('.cell_output .lessonlib-widget')].map(w => ({
      sliders: w.querySelectorAll('input[type=range]').length, pads: w.querySelectorAll('svg.lessonlib-w-pad').length,
      images: w.querySelectorAll('img').length, bars: w.querySelectorAll('progress').length,
      note: (w.querySelector('.lessonlib-w-note') || {}).innerText || '',
      links: [...w.querySelectorAll('.lessonlib-w-note a')].map(a => a.href)})),
    title: document.title,
    h1: (document.querySelector('main h1') || {}).innerText || '',
  };
}'''


@pytest.mark.parametrize('nb', PAGES, ids=lambda nb: site_tool.doc_name(nb))
def test_page_shows_its_outputs(page, nb):
    resp = page.goto_site(url_of(nb))
    assert resp and resp.ok, f'{url_of(nb)}: HTTP {resp and resp.status}'
    got = page.evaluate(READ_OUTPUTS)
    assert got['h1'], f'{url_of(nb)} has no title'
    assert not got['errors'], f'{url_of(nb)} shows error output:\n' + '\n---\n'.join(got['errors'])
    assert 'Traceback (most recent call last)' not in got['text']
    noise = [e for e in got['stderr'] if not course_warnings_only(e)]
    assert not noise, f'{url_of(nb)} shows stderr that is not a warning of the course\'s own:\n' + '\n---\n'.join(noise)
    raw = [t for t in RAW_WIDGET_TEXT if t in got['text']]
    assert not raw, f'{url_of(nb)} shows widgets as text: {raw}'
    unloaded = [i['src'] for i in got['images'] if not i['loaded']]
    assert not unloaded, f'{url_of(nb)}: figures that did not load: {unloaded}'
    drawn, figures = figures_drawn(nb), [i for i in got['images'] if not i['widget']]
    assert len(figures) == drawn, f'{url_of(nb)} shows {len(figures)} figures; its notebook drew {drawn}'
    assert not page.js_errors, f'{url_of(nb)}: JavaScript errors {page.js_errors}'
    code = '\n'.join(c.source for c in executed(nb).cells if c.cell_type == 'code')
    if nb in LESSONS: assert drawn > 0, f'{nb.name} has no figure on its page'
    interacts = sum(1 for c in executed(nb).cells if c.cell_type == 'code' and 'remove-cell' not in c.metadata.get('tags', [])
                    and re.search(r'\binteract\(', c.source))
    if interacts:   # each `interact`'s sliders, drawn as they start, with the figure they start with (quizzes have none)
        with_sliders = [w for w in got['widgets'] if w['sliders']]
        assert len(with_sliders) >= interacts, f'{url_of(nb)}: {interacts} cells use interact, {len(with_sliders)} widgets show sliders: {got["widgets"]}'
    if 'DigitPad(' in code:
        pads = [w for w in got['widgets'] if w['pads']]   # the canvas (its strokes as lines), what the net sees, ten bars
        assert pads and all(w['pads'] == 1 and w['images'] == 1 and w['bars'] == 10 for w in pads), got['widgets']
    for w in got['widgets']:
        assert 'run this notebook' in w['note'] and 'JupyterLab' in w['note'], w
        if nb.parent.name == 'lessons': assert set(w['links']) == set(launch_links(nb).values()), w['links']


@pytest.mark.parametrize('nb', LESSONS, ids=lambda nb: nb.stem)
def test_lesson_opens_in_colab_and_kaggle(page, nb):
    page.goto_site(url_of(nb))
    hrefs = page.eval_on_selector_all('a[href]', 'as => as.map(a => a.href)')
    colab, kaggle = launch_links(nb).values()
    assert colab in hrefs, f'{url_of(nb)} has no link to {colab}'
    assert kaggle in hrefs, f'{url_of(nb)} has no link to {kaggle}'
    launch = page.eval_on_selector_all('.dropdown-launch-buttons a[href]', 'as => as.map(a => a.href)')
    assert colab in launch, f'the launch button does not open {colab}: {launch}'


def test_navigation_lists_lessons_in_order_then_library(page):
    page.goto_site('index.html')
    nav = page.eval_on_selector_all('nav.bd-links a.reference.internal', 'as => as.map(a => a.getAttribute("href"))')
    want = [url_of(nb) for group in SECTIONS.values() for nb in group]
    got = [h.split('#')[0] for h in nav if h.split('#')[0] in want]
    assert got == want, f'navigation order {got}, expected {want}'


@pytest.mark.parametrize('word,lesson', SEARCHES.items())
def test_search_finds_the_lesson(page, word, lesson):
    page.goto_site(f'search.html?q={word}')
    page.wait_for_selector('#search-results ul.search li', timeout=30_000)
    page.wait_for_function("() => !document.querySelector('#search-results .search-summary')?.innerText.includes('Preparing')",
                           timeout=30_000)
    hits = page.eval_on_selector_all('#search-results ul.search li a', 'as => as.map(a => a.getAttribute("href"))')
    assert any(f'lessons/{lesson}.html' in h for h in hits), f'searching {word!r} lists {hits}, not lesson {lesson}'
