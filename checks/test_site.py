"""The course website as a reader sees it: the built site (make site) in a real browser.

    make test-site     (builds the site, installs axe-core with npm, then: .venv/bin/python -m pytest checks/test_site.py -s)

Serves _site/html with Python's http.server on a free localhost port and opens it in Debian's Chromium
(/usr/bin/chromium) with Playwright; requests that leave localhost are refused, and a page that makes one fails.
Checks: every page loads, shows every figure its notebook drew, each with alt text written with its cell, no
traceback, no stderr, no widget as raw text; axe-core finds no critical or serious WCAG 2.1 AA violation on any page;
lesson 7's pad reads a 1 and a 7 drawn with the mouse, and a 1 drawn with the keyboard, as the Python pad would;
lesson 1's and lesson 3's sliders change their figures, and every figure the browser draws matches the one the
notebook's own function drew for the same values; quizzes answer from the keyboard; the navigation, the Colab and
Kaggle links and the search work."""
import functools, http.server, json, os, re, threading
from pathlib import Path
import numpy as np
import pytest
import torch
import website_pages as site   # tools/website_pages.py
from lesson_header import launch_links
from website_pages import HTML, doc_name

SECTIONS = site.pages()
LESSONS = SECTIONS['Lessons']
PAGES = [site.nbs/'index.ipynb'] + [nb for group in SECTIONS.values() for nb in group]
RAW_WIDGET_TEXT = ['interactive(children=', 'Output()', 'DigitPad(', 'VBox(children=', 'HBox(children=',
                   'IntSlider(', 'FloatSlider(', 'Dropdown(', 'PadCanvas(', 'widget-view+json']
SEARCHES = {'softmax': '07_ten_digits', 'broadcasting': '02_pixel_similarity', 'mnist_loss': '04_mnist_loss'}
AXE = Path(os.environ.get('AXE_CORE', site.out/'npm'/'node_modules'/'axe-core'/'axe.min.js'))
AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']
LESSON1, LESSON3, LESSON7 = (next(nb for nb in LESSONS if nb.name.startswith(n)) for n in ('01_', '03_', '07_'))


def url_of(nb): return doc_name(nb) + '.html'


def executed(nb):
    "The notebook as the site shows it, with the outputs the build cached"
    import nbformat
    from jupyter_cache import get_cache
    src = site.SRC/nb.relative_to(site.nbs)
    _, merged = get_cache(str(site.CACHE)).merge_match_into_notebook(nbformat.read(src, as_version=4))
    return merged


def shown_cells(nb):
    return [c for c in executed(nb).cells if c.cell_type == 'code' and 'remove-cell' not in c.metadata.get('tags', [])]


def figures_drawn(nb) -> int:
    "How many images the notebook's shown cells output"
    return sum(1 for c in shown_cells(nb) if 'remove-output' not in c.metadata.get('tags', [])
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
    ctx = browser.new_context(viewport={'width': 1280, 'height': 900})
    pg = ctx.new_page()
    local, outside, errors = server + '/', [], []
    def route(r):
        if r.request.url.startswith(local): r.continue_()
        else: outside.append(r.request.url); r.abort()
    pg.route('**/*', route)
    pg.on('pageerror', lambda e: errors.append(str(e)))
    def goto(path):
        resp = pg.goto(f'{server}/{path}', wait_until='load')
        pg.wait_for_function('document.documentElement.dataset.lessonlibWidgets', timeout=30_000)
        return resp
    pg.goto_site, pg.js_errors, pg.outside = goto, errors, outside
    yield pg
    ctx.close()


READ_OUTPUTS = r'''() => {
  const outs = [...document.querySelectorAll('.cell_output')];
  const imgs = outs.flatMap(o => [...o.querySelectorAll('img')]);
  return {
    images: imgs.map(i => ({src: i.getAttribute('src').slice(0, 80), alt: i.getAttribute('alt') || '',
                            loaded: i.complete && i.naturalWidth > 0, widget: !!i.closest('.lessonlib-widget')})),
    svgs: [...document.querySelectorAll('.cell_output svg.lessonlib-w-figure')].map(s => s.getAttribute('aria-label') || ''),
    errors: outs.flatMap(o => [...o.querySelectorAll('.traceback, .output.error')]).map(e => e.innerText.slice(0, 500)),
    stderr: outs.flatMap(o => [...o.querySelectorAll('.stderr')]).map(e => e.innerText),
    text: outs.map(o => o.innerText).join('\n'),
    widgets: [...document.querySelectorAll('.cell_output .lessonlib-widget')].map(w => ({
      classes: w.className, sliders: w.querySelectorAll('input[type=range]').length,
      note: (w.querySelector('.lessonlib-w-note') || {}).innerText || '',
      links: [...w.querySelectorAll('.lessonlib-w-note a')].map(a => a.href)})),
    widgetsState: document.documentElement.dataset.lessonlibWidgets,
    h1: (document.querySelector('main h1') || {}).innerText || '',
  };
}'''


@pytest.mark.parametrize('nb', PAGES, ids=doc_name)
def test_page_shows_its_outputs(page, nb):
    resp = page.goto_site(url_of(nb))
    assert resp and resp.ok, f'{url_of(nb)}: HTTP {resp and resp.status}'
    got = page.evaluate(READ_OUTPUTS)
    assert got['h1'], f'{url_of(nb)} has no title'
    assert got['widgetsState'] == 'ready', f'{url_of(nb)}: the widgets did not start: {got["widgetsState"]}'
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
    assert not page.outside, f'{url_of(nb)} asked for files outside the site: {page.outside}'
    if nb in LESSONS: assert drawn > 0, f'{nb.name} has no figure on its page'
    interacts = sum(1 for c in shown_cells(nb) if re.search(r'\binteract\(', c.source))
    if interacts:   # each interact's sliders (live or as a picture), with its figure (quizzes have no sliders)
        with_sliders = [w for w in got['widgets'] if w['sliders']]
        assert len(with_sliders) >= interacts, f'{url_of(nb)}: {interacts} cells use interact, {len(with_sliders)} widgets show sliders'
    for w in got['widgets']:
        assert 'run this notebook' in w['note'] and 'JupyterLab' in w['note'], w
        if nb.parent.name == 'lessons': assert set(w['links']) == set(launch_links(nb).values()), w['links']


@pytest.mark.parametrize('nb', PAGES, ids=doc_name)
def test_every_figure_says_what_it_shows(page, nb):
    "Alt text written with each figure's cell (mystnb.image.alt), for images and for the figures widgets draw"
    missing = [c.source.splitlines()[0] for c in shown_cells(nb)
               if any(k.startswith('image/') for o in c.get('outputs', []) for k in o.get('data', {}))
               or 'lessonlib-interact' in ''.join(o.get('data', {}).get('text/html', '') for o in c.get('outputs', []))
               if not site.alt_text(c)]
    assert not missing, (f'{nb.relative_to(site.root)}: cells that draw a figure but have no alt text in their metadata '
                         f'{{"mystnb": {{"image": {{"alt": "..."}}}}}}: {missing}')
    page.goto_site(url_of(nb))
    got = page.evaluate(READ_OUTPUTS)
    bad = [i['src'] for i in got['images'] if not i['alt'].strip() or re.search(r'\.(png|svg|jpe?g)$', i['alt'])]
    assert not bad, f'{url_of(nb)}: images with no alt text, or a file name for one: {bad}'
    assert all(label.strip() for label in got['svgs']), f'{url_of(nb)}: a figure drawn in the browser has no label'


@pytest.mark.parametrize('nb', PAGES, ids=doc_name)
def test_axe_finds_no_serious_accessibility_violation(page, nb):
    if not AXE.exists(): pytest.fail(f'{AXE} is missing: `make test-site` installs axe-core with npm')
    page.goto_site(url_of(nb))
    page.add_script_tag(content=AXE.read_text(encoding='utf-8'))
    found = page.evaluate("""async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}})).violations
        .map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5), n: v.nodes.length}))""", AXE_TAGS)
    counts = {}
    for v in found: counts[v['impact']] = counts.get(v['impact'], 0) + v['n']
    print(f'\naxe-core on {url_of(nb)}: {counts or "no violations"}')
    serious = [v for v in found if v['impact'] in ('critical', 'serious')]
    assert not serious, f'{url_of(nb)}: ' + '\n'.join(f"{v['impact']} {v['id']} ({v['help']}): {v['nodes']}" for v in serious)


def pad_strokes(page, pad, strokes):
    "Draw `strokes` (points on the pad's 280 pixels) with the mouse, in small moves as a hand would"
    box, size = pad.locator('canvas.lessonlib-pad').bounding_box(), int(pad.get_attribute('data-size'))
    at = lambda x, y: (box['x'] + x * box['width'] / size, box['y'] + y * box['height'] / size)
    for stroke in strokes:
        page.mouse.move(*at(*stroke[0])); page.mouse.down()
        for (xa, ya), (xb, yb) in zip(stroke, stroke[1:]):
            for t in np.linspace(0.1, 1, 10): page.mouse.move(*at(xa + (xb - xa) * t, ya + (yb - ya) * t))
        page.mouse.up()


def pad_state(pad):
    return pad.evaluate('el => ({strokes: el.lessonlibPad.strokes, image: Array.from(el.lessonlibPad.image), probs: el.lessonlibPad.probs})')


def python_pad(page, pad, state):
    "What lessonlib's Python pad makes of the same strokes, with the net from the file the page loaded"
    from torch import nn
    from lessonlib.pad import predict_probs, strokes_to_mnist
    spec = json.loads(pad.get_attribute('data-net'))
    data = page.evaluate('async (u) => Array.from(new Uint8Array(await (await fetch(u)).arrayBuffer()))', pad.get_attribute('data-net-src'))
    numbers, layers, k = torch.from_numpy(np.frombuffer(bytes(data), '<f4').copy()), [], 0
    for l in spec['layers']:
        if l['kind'] == 'relu': layers.append(nn.ReLU()); continue
        lin = nn.Linear(l['inputs'], l['outputs'])
        with torch.no_grad():
            for p in (lin.weight, lin.bias): p.copy_(numbers[k:k + p.numel()].view_as(p)); k += p.numel()
        layers.append(lin)
    image = strokes_to_mnist(state['strokes'], float(pad.get_attribute('data-pen')))
    return image, predict_probs(nn.Sequential(*layers), image)


def test_pad_reads_a_1_and_a_7_drawn_with_the_mouse_as_python_would(page):
    page.goto_site(url_of(LESSON7))
    pad = page.locator('.lessonlib-pad-live')
    assert pad.count() == 1 and pad.get_attribute('data-ready') == 'true'
    pad.scroll_into_view_if_needed()
    verdict, largest = pad.locator('.lessonlib-verdict'), []
    assert verdict.inner_text() == 'draw a digit on the left'
    for digit, strokes in ((1, [[(140, 40), (140, 240)]]), (7, [[(60, 50), (220, 50), (110, 250)]])):
        pad_strokes(page, pad, strokes)
        assert verdict.inner_text() == f'it reads {digit}', f'a {digit} drawn with the mouse: {verdict.inner_text()}'
        state = pad_state(pad)
        image, probs = python_pad(page, pad, state)
        image_diff = (torch.tensor(state['image']).view(28, 28) - image).abs().max().item()
        prob_diff = (torch.tensor(state['probs']) - probs).abs().max().item()
        largest.append((image_diff, prob_diff))
        assert image_diff <= 1/64 + 1e-7 and prob_diff <= 1e-4, (digit, image_diff, prob_diff)
        bars = pad.locator('progress').evaluate_all('ps => ps.map(p => p.value)')
        assert abs(sum(bars) - 1) < 1e-4 and max(range(10), key=lambda d: bars[d]) == digit
        assert pad.locator('.lessonlib-pad-top label').inner_text() == str(digit)
        page.screenshot(path=str(artifacts()/f'site-pad-{digit}.png'), clip=pad.bounding_box())
        pad.locator('.lessonlib-clear').click()
        assert verdict.inner_text() == 'draw a digit on the left'
        assert pad.locator('progress').evaluate_all('ps => ps.map(p => p.value)') == [0] * 10
    print(f'\npad in the browser vs Python: largest pixel difference {max(d for d, _ in largest):.3g}, '
          f'probability {max(p for _, p in largest):.3g}; screenshots in {artifacts()}')


def test_pad_draws_from_the_keyboard(page):
    page.goto_site(url_of(LESSON7))
    pad = page.locator('.lessonlib-pad-live')
    canvas = pad.locator('canvas.lessonlib-pad')
    assert canvas.get_attribute('tabindex') == '0' and 'arrow keys' in canvas.get_attribute('aria-label')
    canvas.focus()
    for key in ['ArrowUp'] * 8 + ['Space'] + ['ArrowDown'] * 16 + ['Space']: page.keyboard.press(key)
    assert pad.locator('.lessonlib-verdict').inner_text() == 'it reads 1'
    page.keyboard.press('Tab')   # on to Clear, a button, which Enter presses
    page.keyboard.press('Enter')
    assert pad.locator('.lessonlib-verdict').inner_text() == 'draw a digit on the left'


def artifacts() -> Path:
    "Where screenshots go: $LESSONLIB_ARTIFACTS, else a folder in the site's build folder"
    d = Path(os.environ.get('LESSONLIB_ARTIFACTS', site.out/'screenshots')); d.mkdir(parents=True, exist_ok=True)
    return d


def figure_of(widget):
    "What an interact's figure shows now: its image's address, or its SVG's lines and titles"
    return widget.evaluate("""w => { const f = w.querySelector('.lessonlib-w-figure');
        return f.tagName === 'IMG' ? {src: f.getAttribute('src'), loaded: f.complete && f.naturalWidth > 0}
             : {paths: [...f.querySelectorAll('[id*="-l"] path')].map(p => p.getAttribute('d')), titles: [...f.querySelectorAll('[id$="-title"] text')].map(t => t.textContent)}; }""")


@pytest.mark.parametrize('nb,mode', [(LESSON1, 'live'), (LESSON3, 'images')], ids=['lesson1', 'lesson3'])
def test_sliders_change_their_figure(page, nb, mode):
    page.goto_site(url_of(nb))
    widget = page.locator(f'.lessonlib-interact[data-mode="{mode}"]').first
    assert widget.count(), f'{url_of(nb)} has no slider working on the page ({mode})'
    widget.scroll_into_view_if_needed()
    slider = widget.locator('input[type=range]').first
    before, readout = figure_of(widget), slider.evaluate('s => s.nextElementSibling.textContent')
    slider.focus()
    for _ in range(10): page.keyboard.press('ArrowRight')
    page.wait_for_timeout(300)
    after = figure_of(widget)
    assert after != before, f'{url_of(nb)}: moving the slider did not change the figure'
    assert slider.evaluate('s => s.nextElementSibling.textContent') != readout, 'the readout did not move'
    if mode == 'images':
        page.wait_for_function('w => w.querySelector("img").complete', arg=widget.element_handle())
        assert figure_of(widget)['loaded'], 'the figure for the new position did not load'
    widget.screenshot(path=str(artifacts()/f'site-slider-{nb.stem}.png'))


def test_figures_drawn_in_the_browser_match_the_notebooks(page):
    "Each figure the browser redraws, at positions the build drew with the notebook's own function"
    checked = 0
    for nb in PAGES:
        if not any('data-mode="live"' in ''.join(o.get('data', {}).get('text/html', '') for o in c.get('outputs', [])) for c in shown_cells(nb)): continue
        page.goto_site(url_of(nb))
        results = page.evaluate("""async () => { const {figures} = await import(document.querySelector('script[src*="lessonlib-widgets"]').src.replace('lessonlib-widgets.js', 'lessonlib-figures.js'));
            return [...document.querySelectorAll('.lessonlib-interact[data-mode="live"]')].map(w => {
              const spec = JSON.parse(w.querySelector('script.lessonlib-figure-data').textContent);
              return {name: spec.name, start: spec.start, samples: spec.samples.map(s => ({want: s, got: figures[spec.name](Object.fromEntries(spec.names.map((n, i) => [n, s.values[i]])), spec.start)}))}; }); }""")
        for fig in results:
            for s in fig['samples']:
                for a, (want, got) in enumerate(zip(s['want']['axes'], s['got']['axes'])):
                    where = f"{url_of(nb)} {fig['name']}{tuple(s['want']['values'])} axes {a}"
                    start = fig['start']['axes'][a]
                    assert (want['xlim'], want['ylim']) == (start['xlim'], start['ylim']), f'{where}: the axes moved, which the browser does not redraw'
                    for j, line in enumerate(got.get('lines', [])):
                        np.testing.assert_allclose(np.array(line), np.array(want['lines'][j]), rtol=1e-5, atol=1e-6, err_msg=where)
                    if 'title' in got: assert got['title'] == want['title'], f"{where}: title {got['title']!r}, the notebook's {want['title']!r}"
                checked += 1
    print(f'\n{checked} positions of figures drawn in the browser match the notebooks\' drawings')
    assert checked >= 3 * 6, 'lesson 1 has three figures drawn in the browser'


@pytest.mark.parametrize('nb', [LESSON1], ids=['lesson1'])
def test_quizzes_answer_from_the_keyboard(page, nb):
    page.goto_site(url_of(nb))
    quizzes = page.locator('.lessonlib-quiz')
    assert quizzes.count() > 0
    for k in range(quizzes.count()):
        q = quizzes.nth(k)
        answers, feedback = json.loads(q.get_attribute('data-answers')), q.locator('.lessonlib-quiz-feedback')
        q.locator('.lessonlib-quiz-check').click()
        assert feedback.inner_text().startswith('Not answered yet'), feedback.inner_text()
        if 'choices' in answers:
            radios = q.locator('input[type=radio]')
            right = [i for i, html in enumerate(answers['choices']) if 'Correct' in html]
            assert len(right) == 1, 'one choice is right'
            radios.nth(0).focus()
            for i in range(radios.count()):   # each choice, reached with the arrow keys, then Tab to Check and Enter
                page.keyboard.press('ArrowDown' if i else 'Space')
                assert radios.nth(i).is_checked()
                page.keyboard.press('Tab'); page.keyboard.press('Enter')
                assert feedback.inner_text().startswith('Correct' if i == right[0] else 'Not yet'), (i, feedback.inner_text())
                radios.nth(i).focus()
        else:
            box = q.locator('input[type=text]')
            for typed, says in ((repr(answers['right']), 'Correct'), (repr(answers['right'] * 1.5 + 1), 'Not yet'), ('abc', 'Not answered yet')):
                box.fill(typed); box.press('Enter')
                assert feedback.inner_text().startswith(says), (typed, feedback.inner_text())


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
