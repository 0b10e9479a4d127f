"""The platform pin files (checks/pins/), PyTorch's one pin for CI (checks/torch.txt), and the freeze comparison
that `make test-colab`/`test-kaggle` make with them."""
import re, shlex
from pathlib import Path
import pytest
from nbdev.config import get_config
from packaging.requirements import Requirement

import pip_changes as pc

root = Path(__file__).resolve().parent.parent
pin_files = sorted((root/'checks'/'pins').glob('*.txt'))
requirements = [Requirement(r) for r in shlex.split(get_config(path=root).requirements)]


def test_there_are_colab_and_kaggle_pins():
    assert {p.stem for p in pin_files} >= {'colab', 'kaggle'}


@pytest.mark.parametrize('pins', pin_files, ids=[p.stem for p in pin_files])
def test_pins_name_what_a_lesson_runs_on(pins):
    pinned = pc.read_pins(pins.read_text())
    must = 'torch torchvision fastai fastcore fastprogress ipywidgets ipykernel ipython numpy pandas matplotlib pillow mlxtend'
    assert not set(must.split()) - pinned.keys(), f'{pins.name} does not pin {set(must.split()) - pinned.keys()}'


@pytest.mark.parametrize('pins', pin_files, ids=[p.stem for p in pin_files])
def test_requirements_accept_the_platforms_versions(pins):
    """What `make test-colab` checks by installing, checked here in a second, for PyTorch too, which CI cannot install
    in the platform's version: pip has no reason to replace a platform's packages (its CUDA build of PyTorch above all)"""
    pinned = pc.read_pins(pins.read_text())
    for r in requirements:
        v = pinned.get(pc.canonical(r.name))
        assert v is None or r.specifier.contains(v, prereleases=True), (
            f"settings.ini requires {r}, so installing lessonlib would replace {pins.stem}'s {r.name} {v}")


def test_ci_installs_its_own_pytorch_in_place_of_the_platforms():
    ci = pc.read_pins(pc.CI_TORCH.read_text())
    assert set(ci) == {'torch', 'torchvision'}, ci
    colab = pc.read_pins((root/'checks'/'pins'/'colab.txt').read_text())
    assert colab['torch'] != ci['torch'], 'colab.txt records Colab\'s own PyTorch'
    here = pc.installable(colab)
    assert {k: here[k] for k in ci} == ci and {k: v for k, v in here.items() if k not in ci} == {k: v for k, v in colab.items() if k not in ci}
    assert pc.installable({'numpy': '2.1.3'}) == {'numpy': '2.1.3'}, 'a pin file without PyTorch gets none'


def test_pytorch_is_pinned_for_ci_in_one_place():
    "checks/torch.txt, which .ci/run and checks/runtime.sh install; the platforms' pins record the platforms' versions"
    files = [root/'.ci'/'run', root/'Makefile', *(root/'checks').rglob('*.sh'), *(root/'checks').rglob('*.py'),
             *(root/'tools').glob('*.py'), *(root/'tests').glob('*.py'), *(root/'.github'/'workflows').glob('*.yaml')]
    pinned = [f'{f.relative_to(root)}: {m[0]}' for f in files for m in re.finditer(r'torch(vision)?==[0-9][^\s\'"]*', f.read_text())]
    assert not pinned, pinned
    assert 'checks/torch.txt' in (root/'.ci'/'run').read_text() and 'checks/torch.txt' in (root/'checks'/'runtime.sh').read_text()


def test_read_freeze():
    text = 'PyYAML==6.0.3\njupyter_client==7.4.9\nlessonlib @ file:///tmp/dist/lessonlib-0.1.0-py3-none-any.whl\n\n'
    assert pc.read_freeze(text) == {'pyyaml': '6.0.3', 'jupyter-client': '7.4.9',
                                    'lessonlib': 'file:///tmp/dist/lessonlib-0.1.0-py3-none-any.whl'}


def test_read_pins_takes_only_exact_pins():
    assert pc.read_pins('# Colab\nipywidgets==7.7.1   # the widgets\n\nNumPy==2.1.3\n') == {'ipywidgets': '7.7.1', 'numpy': '2.1.3'}
    with pytest.raises(ValueError, match="line 2: 'ipywidgets>=7' is not"): pc.read_pins('numpy==2.1.3\nipywidgets>=7\n')


pins = {'ipywidgets': '7.7.1', 'numpy': '2.1.3'}
before = {'ipywidgets': '7.7.1', 'numpy': '2.1.3', 'widgetsnbextension': '3.6.10'}


def test_adding_packages_keeps_the_promise():
    after = {**before, 'lessonlib': 'file:///lessonlib.whl', 'comm': '0.2.3'}
    assert pc.changes(before, after) == {'comm': (None, '0.2.3'), 'lessonlib': (None, 'file:///lessonlib.whl')}
    assert pc.problems(pins, before, after) == []


def test_an_upgraded_or_removed_pin_breaks_it():
    assert pc.problems(pins, before, {**before, 'ipywidgets': '8.1.9'}) == ['ipywidgets: 7.7.1 -> 8.1.9']
    assert pc.problems(pins, before, {'ipywidgets': '7.7.1'}) == ['numpy: 2.1.3 -> removed']


def test_a_pin_that_was_not_installed_is_reported():
    assert pc.problems(pins, {'ipywidgets': '7.7.1', 'numpy': '2.4.6'}, {'ipywidgets': '7.7.1', 'numpy': '2.4.6'}) == [
        'numpy: pinned 2.1.3, but the venv had 2.4.6 before lessonlib came']


def test_main_fails_on_a_changed_pin(tmp_path, capsys):
    files = {'pins.txt': 'ipywidgets==7.7.1\n', 'before.txt': 'ipywidgets==7.7.1\n', 'after.txt': 'ipywidgets==8.1.9\ncomm==0.2.3\n'}
    for name, text in files.items(): (tmp_path/name).write_text(text)
    assert pc.main(*(tmp_path/n for n in files)) == 1
    out = capsys.readouterr().out
    assert 'ipywidgets: 7.7.1 -> 8.1.9   <- pinned' in out and 'comm: added 0.2.3' in out
