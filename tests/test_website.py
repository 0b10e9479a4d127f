"How tools/website.py turns notebooks into pages, draws widgets without a kernel, and finds broken links."
import json
import ipywidgets as W
import pytest
import website
from website_widgets import static_html


def nb_file(tmp_path, *cells):
    p = tmp_path/'nbs'/'lessons'/'01_x.ipynb'
    p.parent.mkdir(parents=True)
    p.write_text(json.dumps(dict(cells=[dict(cell_type=k, metadata={}, source=s, **({'outputs': [], 'execution_count': None} if k == 'code' else {}))
                                        for k, s in cells], metadata={}, nbformat=4, nbformat_minor=5)))
    return p


@pytest.fixture
def in_tmp_repo(tmp_path, monkeypatch):
    monkeypatch.setattr(website, 'launch_links', lambda nb: {'colab': 'https://colab/x', 'kaggle': 'https://kaggle/x'})
    return tmp_path


def test_cells_as_the_site_shows_them(in_tmp_repo):
    nb = nb_file(in_tmp_repo, ('markdown', '# Title\n> summary'), ('code', '#| default_exp fitting'),
                 ('code', '#| export\ndef f(x): return x'), ('code', '#| hide\nfrom fastcore.test import *'),
                 ('code', 'f(1)'), ('code', '#| slow\nlearn.fit(1)'), ('code', '#|slow\nlearn.fit(2)'),
                 ('code', '#| hide\n#| slow\nassert acc > 0.99'), ('code', '#| eval: false\nnever()'),
                 ('code', 'import nbdev; nbdev.nbdev_export()'), ('code', '#| echo: false\nshown_output()'))
    first, *cells = website.site_cells(nb, '# stamp')
    assert first['metadata']['tags'] == ['remove-cell'] and first['source'].startswith('# stamp\n')
    assert 'use_static_widgets' in first['source'] and 'https://kaggle/x' in first['source']
    got = [(c['cell_type'], c['source'], c['metadata'].get('tags', [])) for c in cells]
    assert got == [
        ('markdown', '# Title\n> summary', []),
        ('code', 'def f(x): return x', []),                             # the directive goes, the code shows
        ('code', '#| hide\nfrom fastcore.test import *', ['remove-cell']),   # runs, not shown
        ('code', 'f(1)', []),
        ('markdown', website.SLOW_NOTE.format(s='s', are='are', they='they', s_verb='', their='their'), []),
        ('code', 'learn.fit(1)', ['skip-execution']),                   # shown, not run
        ('code', 'learn.fit(2)', ['skip-execution']),
        ('code', 'never()', ['skip-execution']),                        # `#| eval: false`: no note, not slow
        ('code', 'shown_output()', ['remove-input'])]


def test_navigation_lessons_in_order_then_library():
    sections = website.pages()
    assert list(sections)[:2] == ['Lessons', 'Library']
    lessons = [p.name for p in sections['Lessons']]
    assert lessons == sorted(lessons) and lessons[0].startswith('01_') and len(lessons) >= 7
    toc = website.toc_cell(sections)['source']
    assert toc.index(':caption: Lessons') < toc.index('lessons/01_') < toc.index('lessons/07_') < toc.index(':caption: Library')


def test_static_widgets_show_their_start_without_a_kernel():
    a = W.FloatSlider(value=1.5, min=-1, max=5, step=0.05, description='a')
    target = W.Dropdown(options=['sin(x)', '|x|'], value='|x|', description='target')
    html = static_html(W.VBox([a, target, W.Output()]))
    assert '<input type="range" min="-1.0" max="5.0" step="0.05" value="1.5" disabled>' in html
    assert '<option selected>|x|</option>' in html and '<option>sin(x)</option>' in html
    assert 'children=' not in html and 'Output' not in html
    assert '<progress min="0.0" max="1.0" value="0.25">' in static_html(W.FloatProgress(value=0.25, min=0, max=1))
    assert static_html(W.Image(value=b'\x89PNG', format='png')).startswith('<img class="lessonlib-w-image" src="data:image/png;base64,iVBORw==')


def test_a_drawing_pad_shows_its_strokes():
    from lessonlib.pad import PadCanvas
    pad = PadCanvas(size=100)
    pad.strokes = [[[10, 20], [10, 80]]]
    html = static_html(pad)
    assert 'viewBox="0 0 100 100"' in html and '<polyline points="10.0,20.0 10.0,80.0"/>' in html


def test_broken_links_inside_the_site_are_found(tmp_path):
    (tmp_path/'lessons').mkdir()
    (tmp_path/'index.html').write_text('<a href="lessons/a.html#ok">a</a> <a href="lessons/a.html#gone">b</a> '
                                       '<img src="_images/missing.png"> <a href="https://colab.research.google.com/x">c</a>')
    (tmp_path/'lessons'/'a.html').write_text('<h2 id="ok">ok</h2><a href="../index.html">home</a><a href="b.html">b</a>')
    assert website.check_links(tmp_path) == ['index.html: lessons/a.html#gone (no such anchor)',
                                              'index.html: _images/missing.png (no such file)',
                                              'lessons/a.html: b.html (no such file)']


def test_setup_cell_quiets_only_other_packages_noise(in_tmp_repo):
    import warnings
    cell = website.setup_cell(in_tmp_repo/'nbs'/'lessons'/'01_x.ipynb', '# stamp')
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        ns = {}
        exec(cell['source'].split('_site_widgets = {}')[0], ns)   # only its warning filters: the widget patch is for kernels
        warnings.warn('`torch.jit.script` is deprecated. Please switch to `torch.compile`', FutureWarning)
        warnings.warn('learning rate lr=0.3 is probably too high', UserWarning)            # the course's own: shown
        warnings.warn('something else is deprecated', FutureWarning)                       # not ours to hide
    assert [str(w.message) for w in caught] == ['learning rate lr=0.3 is probably too high', 'something else is deprecated']
