"""How the website tools turn notebooks into pages, draw widgets without a kernel, write numbers as Python does in
the browser, find broken links, and where the site is published."""
import json, math, random, shutil, subprocess
from pathlib import Path
from urllib.parse import urlsplit
import ipywidgets as W
import pytest
import website_pages
from website_links import check_links
from website_widgets import static_html

tools = Path(website_pages.__file__).resolve().parent


def nb_file(tmp_path, *cells):
    p = tmp_path/'nbs'/'lessons'/'01_x.ipynb'
    p.parent.mkdir(parents=True)
    p.write_text(json.dumps(dict(cells=[dict(cell_type=k, metadata=m, source=s, **({'outputs': [], 'execution_count': None} if k == 'code' else {}))
                                        for k, s, m in ((c + ({},))[:3] for c in cells)], metadata={}, nbformat=4, nbformat_minor=5)))
    return p


@pytest.fixture
def in_tmp_repo(tmp_path, monkeypatch):
    monkeypatch.setattr(website_pages, 'launch_links', lambda nb: {'colab': 'https://colab/x', 'kaggle': 'https://kaggle/x'})
    monkeypatch.setattr(website_pages, 'nbs', tmp_path/'nbs')
    return tmp_path


def test_cells_as_the_site_shows_them(in_tmp_repo):
    alt = {'mystnb': {'image': {'alt': 'A red parabola.'}}}
    nb = nb_file(in_tmp_repo, ('markdown', '# Title\n> summary'), ('code', '#| default_exp fitting'),
                 ('code', '#| export\ndef f(x): return x'), ('code', '#| hide\nfrom fastcore.test import *'),
                 ('code', 'f(1)'), ('code', '#| slow\nlearn.fit(1)'), ('code', '#|slow\nlearn.fit(2)'),
                 ('code', '#| hide\n#| slow\nassert acc > 0.99'), ('code', '#| eval: false\nnever()'),
                 ('code', 'import nbdev; nbdev.nbdev_export()'), ('code', '#| echo: false\nshown_output()'),
                 ('code', 'plot(x)', alt))
    first, *cells = website_pages.site_cells(nb, '# stamp')
    assert first['metadata']['tags'] == ['remove-cell'] and first['source'].startswith('# stamp\n')
    assert 'use_static_widgets' in first['source'] and 'https://kaggle/x' in first['source'] and "'lessons/01_x'" in first['source']
    got = [(c['cell_type'], c['source'], c['metadata'].get('tags', [])) for c in cells]
    assert got == [
        ('markdown', '# Title\n> summary', []),
        ('code', 'def f(x): return x', []),                             # the directive goes, the code shows
        ('code', '#| hide\nfrom fastcore.test import *', ['remove-cell']),   # runs, not shown
        ('code', 'f(1)', []),
        ('markdown', website_pages.SLOW_NOTE.format(s='s', are='are', they='they', s_verb='', their='their'), []),
        ('code', 'learn.fit(1)', ['skip-execution']),                   # shown, not run
        ('code', 'learn.fit(2)', ['skip-execution']),
        ('code', 'never()', ['skip-execution']),                        # `#| eval: false`: no note, not slow
        ('code', 'shown_output()', ['remove-input']),
        ('code', "__import__('_lessonlib_site').alt_next = 'A red parabola.'", ['remove-cell']),   # for a widget's figure
        ('code', 'plot(x)', [])]
    assert cells[-1]['metadata']['mystnb'] == alt['mystnb']            # myst-nb gives the cell's images their alt text


def test_badges_come_from_the_site_itself():
    from lesson_header import badges
    nb = website_pages.pages()['Lessons'][0]
    text = website_pages.local_badges(badges(nb), nb)
    assert 'colab.research.google.com/assets' not in text and 'kaggle.com/static' not in text
    assert '[![Open in Colab](../_static/lessonlib-badge-colab.svg)](https://colab.research.google.com/github/' in text
    assert website_pages.local_badges('![a plot](https://example.org/x.svg)', nb) == '![a plot](https://example.org/x.svg)'


def test_navigation_lessons_in_order_then_library():
    sections = website_pages.pages()
    assert list(sections)[:2] == ['Lessons', 'Library']
    lessons = [p.name for p in sections['Lessons']]
    assert lessons == sorted(lessons) and lessons[0].startswith('01_') and len(lessons) >= 7
    toc = website_pages.toc_cell(sections)['source']
    assert toc.index(':caption: Lessons') < toc.index('lessons/01_') < toc.index('lessons/07_') < toc.index(':caption: Library')


def test_static_widgets_show_their_start_labelled_without_a_kernel():
    a = W.FloatSlider(value=1.5, min=-1, max=5, step=0.05, description='a')
    target = W.Dropdown(options=['sin(x)', '|x|'], value='|x|', description='target')
    html = static_html(W.VBox([a, target, W.Output(), W.IntSlider(3)]))
    i = html.split('<input id="')[1].split('"')[0]
    assert f'<label class="lessonlib-w-label" for="{i}">a</label><input id="{i}" type="range" min="-1.0" max="5.0" step="0.05" value="1.5" aria-valuetext="1.50" disabled>' in html
    assert '<option selected>|x|</option>' in html and '<option>sin(x)</option>' in html and '>target</label><select id=' in html
    assert 'aria-label="IntSlider"' in html   # a control with no description still has a name
    assert 'children=' not in html and 'Output' not in html
    assert len(set(p.split('"')[0] for p in html.split(' id="')[1:])) == 3   # ids unique on the page
    assert '<progress id=' in static_html(W.FloatProgress(value=0.25, min=0, max=1)) and 'value="0.25"' in static_html(W.FloatProgress(value=0.25, min=0, max=1))
    assert static_html(W.Image(value=b'\x89PNG', format='png')).startswith('<img class="lessonlib-w-image" src="data:image/png;base64,iVBORw==')


def test_a_drawing_pad_shows_its_strokes():
    from lessonlib.pad import PadCanvas
    pad = PadCanvas(size=100)
    pad.strokes = [[[10, 20], [10, 80]]]
    html = static_html(pad)
    assert 'viewBox="0 0 100 100"' in html and '<polyline points="10.0,20.0 10.0,80.0"/>' in html


@pytest.fixture(scope='module')
def kernel_code():
    "The namespace the site's hidden first cell makes in each page's kernel (tools/website_widgets.py, website_live.py)"
    ns = {}
    exec('\n'.join((tools/f).read_text() for f in website_pages.KERNEL_CODE), ns)
    return ns


def test_every_position_of_a_control(kernel_code):
    positions = kernel_code['positions']
    ps = positions(W.FloatSlider(value=1.5, min=-1, max=5, step=0.05))
    assert len(ps) == 121 and ps[0] == (-1.0, '-1.00') and ps[50] == (1.5, '1.50') and ps[-1] == (5.0, '5.00')
    log = positions(W.FloatLogSlider(value=1e-5, base=10, min=-7, max=-4.3, step=0.05, readout_format='.1e'))
    assert len(log) == 55 and log[0] == (1e-7, '1.0e-07') and log[40] == (1e-5, '1.0e-05') and log[-1][1] == '5.0e-05'
    assert positions(W.IntSlider(10, 1, 10)) == [(n, str(n)) for n in range(1, 11)]
    assert positions(W.Dropdown(options=[0.1, 1.0], value=1.0)) == [(0.1, '0.1'), (1.0, '1.0')]
    assert positions(W.Checkbox(False)) == [(False, 'off'), (True, 'on')]
    assert positions(W.Text('x')) is None          # no list of positions: drawn as a picture
    assert kernel_code['_start'](W.FloatSlider(value=1.5, min=-1, max=5, step=0.05), ps) == 50


def test_a_quiz_answers_on_the_page_as_in_the_notebook(kernel_code):
    from lessonlib.practice import Quiz
    kernel_code['_site'].note = 'run this notebook'
    q = Quiz('Which x?', 'b', 'because b.', choices=['a', 'b', 'c'])
    answers = json.loads(__import__('html').unescape(kernel_code['quiz_html'](q).split('data-answers="')[1].split('"')[0]))
    assert answers['choices'] == [q.feedback(c)._repr_html_() for c in ['a', 'b', 'c']]
    assert 'Correct' in answers['choices'][1] and 'Not yet' in answers['choices'][0]
    n = Quiz('How many?', 0.25, 'a quarter.', decimals=2)
    html = kernel_code['quiz_html'](n)
    answers = json.loads(__import__('html').unescape(html.split('data-answers="')[1].split('"')[0]))
    assert answers['wrong'].replace('{}', '3.5') == n.feedback('3.5')._repr_html_()
    assert answers['nan'].replace('{}', 'abc') == n.feedback('abc')._repr_html_()
    assert (answers['right'], answers['decimals'], answers['correct']) == (0.25, 2, n.feedback('0.25')._repr_html_())
    assert '<label class="lessonlib-w-label" for="' in html and 'aria-live="polite"' in html


def test_typed_numbers_are_judged_in_javascript_as_in_python(tmp_path):
    "lessonlib-python.js's parseNumber and quizAccepts against lessonlib.quiz's parse_number and Quiz, on the forms learners type"
    from lessonlib.quiz import Quiz, parse_number
    node = shutil.which('node')
    if node is None: pytest.fail('Node.js is missing: the site\'s JavaScript is tested with it (apt-get install nodejs)')
    texts = ['1', '0.5', '.5', '5.', '1/3', '2/6', '1 / 3', '1/0', '0.33', '0.3', '0.333', '.3333', '33%', '33.3%', '50 %', '23,581',
             '23 581', '23581', '23,58', '0,5', '-1,5', '\u22120.5', '1e-3', '1E3', '2.3026', '2.30', '2.3', '2.31', '2.29', '3.54',
             '3.5', '3.55', '3.535', '1,000.5', '12,34,567', 'abc', '', ' ', '1..2', '-', '+.5e1', '1e', '4', '4.0', '4.4', '89',
             '0.89e2', '1/3%', '\u00a023\u2009581\u00a0', '1000', '1,000', '0', '-0', '5/5', '2/3', '3.531', '3.5355', '3.536',
             '3.54000', '3.5400', '1e999', '-1e999', '1e-999', '2.303', '2.3026', '2.302']
    quizzes = [dict(right=1/3, decimals=None), dict(right=23581, decimals=None), dict(right=0.5, decimals=None),
               dict(right=2.3026, decimals=2), dict(right=3.54, decimals=2), dict(right=3.5355, decimals=2), dict(right=4.0, decimals=None),
               dict(right=89, decimals=None), dict(right=1000, decimals=None), dict(right=2/3, decimals=None)]
    (tmp_path/'t.mjs').write_text(f"""import {{ parseNumber, quizAccepts }} from '{(tools/'site'/'_static'/'lessonlib-python.js').as_uri()}';
const texts = {json.dumps(texts)}, quizzes = {json.dumps(quizzes)};
console.log(JSON.stringify({{parsed: texts.map(t => parseNumber(t).map(x => x === Infinity ? 'inf' : x)),
  accepts: quizzes.map(q => texts.map(t => quizAccepts(t, q)))}}));""")
    got = json.loads(subprocess.run([node, str(tmp_path/'t.mjs')], capture_output=True, text=True, check=True).stdout)
    want = [[None if x is None else 'inf' if x == math.inf else x for x in parse_number(t)] for t in texts]
    assert got['parsed'] == want
    for q, row in zip(quizzes, got['accepts']):
        quiz = Quiz('?', q['right'], '.', decimals=q['decimals'])
        expect = [None if parse_number(t)[0] is None else quiz.feedback(t).kind == 'correct' for t in texts]
        assert row == expect, [(t, g, w) for t, g, w in zip(texts, row, expect) if g != w]


def test_python_numbers_in_javascript_as_python_writes_them(tmp_path):
    "lessonlib-python.js: format(x, '.2f'/'.3g'), repr(x) and float(text), compared with Python on many numbers"
    node = shutil.which('node')
    if node is None: pytest.fail('Node.js is missing: the site\'s JavaScript is tested with it (apt-get install nodejs)')
    rng = random.Random(0)
    xs = ([0.0, -0.0, 0.125, -0.125, 0.5, 2.5, 9.996, 99.95, 1e-5, 4.5e-5, 1e16, 123456789.0, 1/3, float('inf')] +
          [rng.uniform(-30, 30) for _ in range(2000)] + [10**rng.uniform(-9, 17) * rng.choice([-1, 1]) for _ in range(2000)] +
          [-b/m for b in (round(-3 + 0.1*k, 12) for k in range(61)) for m in (round(-3 + 0.1*k, 12) for k in range(0, 61, 7)) if m])
    specs = ['.2f', '.3g', '.1f', '.4f', '.0f', '.2g']
    texts = ['1', ' 2.5 ', '.5', '5.', '1e-3', '-7E+2', '1_000', 'inf', '-Infinity', 'nan', 'abc', '1..2', '', '1e', '_1', '0x10', '+.5e1']
    (tmp_path/'t.mjs').write_text(f"""import {{ pyFormat, pyRepr, pyFloat }} from '{(tools/'site'/'_static'/'lessonlib-python.js').as_uri()}';
const xs = {json.dumps([x if math.isfinite(x) else 1e999 for x in xs])}, specs = {json.dumps(specs)}, texts = {json.dumps(texts)};
xs[1] = -0;   // JSON writes -0.0 as 0
console.log(JSON.stringify({{formats: xs.map(x => specs.map(s => pyFormat(x, s))), reprs: xs.map(pyRepr),
  floats: texts.map(t => {{ const v = pyFloat(t); return v === null ? null : pyRepr(v); }})}}));""".replace('1e999', 'Infinity'))
    got = json.loads(subprocess.run([node, str(tmp_path/'t.mjs')], capture_output=True, text=True, check=True).stdout)
    def py_float(t):
        try: return repr(float(t))
        except ValueError: return None
    wrong = [(x, s, f, format(x, s)) for x, fs in zip(xs, got['formats']) for s, f in zip(specs, fs) if f != format(x, s)]
    assert not wrong, wrong[:10]
    assert got['reprs'] == [repr(x) for x in xs]
    assert got['floats'] == [py_float(t) for t in texts]


def test_broken_links_inside_the_site_are_found(tmp_path):
    (tmp_path/'lessons').mkdir()
    (tmp_path/'index.html').write_text('<a href="lessons/a.html#ok">a</a> <a href="lessons/a.html#gone">b</a> '
                                       '<img src="_images/missing.png"> <a href="https://colab.research.google.com/x">c</a>'
                                       '<div data-net-src="_static/net.bin"></div><img data-srcs=\'["_static/w-0.png", "_static/w-1.png"]\' src="_static/w-0.png">')
    (tmp_path/'_static').mkdir(); (tmp_path/'_static'/'w-0.png').write_bytes(b'')
    (tmp_path/'lessons'/'a.html').write_text('<h2 id="ok">ok</h2><a href="../index.html">home</a><a href="b.html">b</a>')
    assert check_links(tmp_path) == ['index.html: lessons/a.html#gone (no such anchor)',
                                     'index.html: _images/missing.png (no such file)',
                                     'index.html: _static/net.bin (no such file)',
                                     'index.html: _static/w-1.png (no such file)',
                                     'lessons/a.html: b.html (no such file)']


def test_setup_cell_quiets_only_other_packages_noise(in_tmp_repo):
    import warnings
    cell = website_pages.setup_cell(in_tmp_repo/'nbs'/'lessons'/'01_x.ipynb', '# stamp')
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        ns = {}
        exec(cell['source'].split('_site_widgets = {}')[0], ns)   # only its warning filters: the widget patch is for kernels
        warnings.warn('`torch.jit.script` is deprecated. Please switch to `torch.compile`', FutureWarning)
        warnings.warn('learning rate lr=0.3 is probably too high', UserWarning)            # the course's own: shown
        warnings.warn('something else is deprecated', FutureWarning)                       # not ours to hide
    assert [str(w.message) for w in caught] == ['learning rate lr=0.3 is probably too high', 'something else is deprecated']


@pytest.mark.parametrize('host,baseurl,address', [
    ('https://lessonlib.github.io', '/lessonlib', 'https://lessonlib.github.io/lessonlib/'),
    ('https://example.org/', '/course/', 'https://example.org/course/'),
    ('https://example.org', '', 'https://example.org/'),
    ('https://example.org', 'deep/er', 'https://example.org/deep/er/')])
def test_site_address_from_doc_host_and_doc_baseurl(host, baseurl, address):
    assert website_pages.site_address(host, baseurl) == address


def test_site_address_is_where_github_pages_publishes_and_readme_links_it():
    "GitHub Pages publishes a project's site at https://<owner>.github.io/<repository>/: derived from git_url, not doc_host"
    owner, repo = urlsplit(website_pages.cfg.git_url).path.strip('/').split('/')[:2]
    pages_address = f'https://{owner.lower()}.github.io/{repo}/'
    assert website_pages.BASE_URL == pages_address, "settings.ini's doc_host and doc_baseurl are not where GitHub Pages publishes"
    conf = {'__file__': str(tools/'site'/'conf.py')}
    exec((tools/'site'/'conf.py').read_text(), conf)
    assert conf['html_baseurl'] == pages_address
    assert pages_address in (website_pages.root/'README.md').read_text(encoding='utf-8'), 'README.md should link to the website'
