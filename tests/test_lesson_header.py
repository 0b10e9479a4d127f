"Every lesson opens with Colab/Kaggle links and a setup cell that installs lessonlib only where it is missing."
import importlib.util, json, subprocess
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
