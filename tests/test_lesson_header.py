"Every lesson opens with Colab/Kaggle links and a setup cell that installs lessonlib only where it is missing."
import importlib.util, json, subprocess, sys, types
import pytest

import lesson_header as lh


@pytest.mark.parametrize('nb', lh.lessons, ids=[p.name for p in lh.lessons])
def test_lesson_has_header(nb):
    assert lh.has_header(json.loads(nb.read_text()), nb), f'{nb.name} lacks the header: run `python tools/lesson_header.py`'


def test_links_point_at_the_lesson_in_the_repository():
    nb = lh.root/'nbs'/'lessons'/'01_how_a_net_works.ipynb'
    text = lh.badges(nb)
    assert f"colab.research.google.com/github/lessonlib/lessonlib/blob/main/nbs/lessons/01_how_a_net_works.ipynb" in text
    assert f"kaggle.com/kernels/welcome?src=https://github.com/lessonlib/lessonlib/blob/main/nbs/lessons/01_how_a_net_works.ipynb" in text


real_find_spec = importlib.util.find_spec

def run_setup(monkeypatch, env, installed):
    "Run the setup cell as if on a machine with `env`, with lessonlib `installed` or not; return the commands it ran"
    calls = []
    monkeypatch.setattr(subprocess, 'run', lambda cmd, **kw: calls.append(cmd))
    real = real_find_spec
    monkeypatch.setattr(importlib.util, 'find_spec', lambda name, *a: (real(name, *a) if installed else None) if name == 'lessonlib' else real(name, *a))
    for k in ('COLAB_RELEASE_TAG', 'KAGGLE_KERNEL_RUN_TYPE'): monkeypatch.delenv(k, raising=False)
    for k, v in env.items(): monkeypatch.setenv(k, v)
    exec(lh.setup_code(), {})
    return calls


def test_setup_does_nothing_locally(monkeypatch):
    assert run_setup(monkeypatch, {}, installed=False) == []


@pytest.mark.parametrize('env', [{'COLAB_RELEASE_TAG': 'release-colab'}, {'KAGGLE_KERNEL_RUN_TYPE': 'Interactive'}])
def test_setup_installs_only_when_missing(monkeypatch, env):
    (cmd,) = run_setup(monkeypatch, env, installed=False)
    assert cmd[-1] == 'git+https://github.com/lessonlib/lessonlib' and cmd[1:4] == ['-m', 'pip', 'install']
    assert not any(a.startswith(('-U', '--upgrade', '--force')) for a in cmd), 'must not upgrade or reinstall torch/fastai'
    assert run_setup(monkeypatch, env, installed=True) == []


def fake_colab(monkeypatch):
    "A stand-in for Colab's `google.colab.output` module; returns the list its widget-manager switch appends to"
    calls = []
    google, colab, output = (types.ModuleType(n) for n in ('google', 'google.colab', 'google.colab.output'))
    output.enable_custom_widget_manager = lambda: calls.append('enable_custom_widget_manager')
    google.colab, colab.output = colab, output
    for m in (google, colab, output): monkeypatch.setitem(sys.modules, m.__name__, m)
    return calls


def run_lesson_setup(monkeypatch, nb, env, installed=True):
    "Run lesson `nb`'s setup cell on a machine with `env`; return (pip commands, widget-manager calls)"
    calls = fake_colab(monkeypatch) if 'COLAB_RELEASE_TAG' in env else []
    real = real_find_spec
    monkeypatch.setattr(importlib.util, 'find_spec', lambda name, *a: (real(name, *a) if installed else None) if name == 'lessonlib' else real(name, *a))
    for k in ('COLAB_RELEASE_TAG', 'KAGGLE_KERNEL_RUN_TYPE'): monkeypatch.delenv(k, raising=False)
    for k, v in env.items(): monkeypatch.setenv(k, v)
    cmds = []
    monkeypatch.setattr(subprocess, 'run', lambda cmd, **kw: cmds.append(cmd))
    exec(lh.setup_code(nb), {})
    return cmds, calls


pad_lesson = lh.root/'nbs'/'lessons'/'07_ten_digits.ipynb'   # shows a drawing pad (a third-party widget)
colab, kaggle = {'COLAB_RELEASE_TAG': 'release-colab_20260825-060048_RC00'}, {'KAGGLE_KERNEL_RUN_TYPE': 'Interactive'}


@pytest.mark.parametrize('installed', [True, False])
def test_colab_gets_its_custom_widget_manager_for_a_third_party_widget(monkeypatch, installed):
    cmds, calls = run_lesson_setup(monkeypatch, pad_lesson, colab, installed)
    assert calls == ['enable_custom_widget_manager']
    assert len(cmds) == (0 if installed else 1), 'the install step must work as in every lesson'


@pytest.mark.parametrize('nb', lh.lessons, ids=[p.name for p in lh.lessons])
def test_each_lesson_on_colab(monkeypatch, nb):
    "Only lessons with third-party widgets switch Colab's widget manager; the others keep Colab's own"
    want = ['enable_custom_widget_manager'] if lh.needs_custom_widgets(nb) else []
    assert run_lesson_setup(monkeypatch, nb, colab) == ([], want)


@pytest.mark.parametrize('env', [{}, kaggle], ids=['local', 'kaggle'])
def test_custom_widget_manager_is_only_for_colab(monkeypatch, env):
    "Elsewhere there is no google.colab to import: the setup cell must not try"
    assert 'google.colab' not in sys.modules
    assert run_lesson_setup(monkeypatch, pad_lesson, env) == ([], [])


def test_header_of_a_lesson_with_a_third_party_widget():
    nb_json = {'cells': [lh.cell('markdown', '# Ten digits'), lh.cell('code', 'from lessonlib.pad import DrawingPad')]}
    nb_json['cells'] = lh.with_header(nb_json, pad_lesson)
    assert lh.has_header(nb_json, pad_lesson)
    assert 'enable_custom_widget_manager()' in ''.join(nb_json['cells'][2]['source'])
    assert not lh.has_header(nb_json, lh.lessons[0].with_name(pad_lesson.name.replace('07', '08'))), 'another lesson gets the plain header'


def test_a_lesson_importing_a_third_party_widget_library_is_caught():
    code = lambda src: {'cells': [lh.cell('code', src)]}
    assert lh.custom_widget_libs_used(code('import anywidget\nclass Pad(anywidget.AnyWidget): pass')) == {'anywidget'}
    assert lh.custom_widget_libs_used(code('from ipycanvas import Canvas')) == {'ipycanvas'}
    assert lh.custom_widget_libs_used(code('from ipywidgets import interact')) == set()


@pytest.mark.parametrize('nb', lh.lessons, ids=[p.name for p in lh.lessons])
def test_lessons_with_third_party_widgets_are_listed(nb):
    used = lh.custom_widget_libs_used(json.loads(nb.read_text()))
    assert not used or lh.needs_custom_widgets(nb), (
        f'{nb.name} uses {used}: add it to CUSTOM_WIDGET_LESSONS in tools/lesson_header.py, then run `python tools/lesson_header.py`')
