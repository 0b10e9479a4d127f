"""tools/link_packages.py, which gives the learner runtimes' venv PyTorch as hard links to .venv's files: the packages
asked for and all they require arrive, as links, usable by the new venv's own Python, and nothing at all when the
versions do not match. Tried here with execnb, which is small, requires packages that require others, and has a
console script."""
import os, subprocess, sys, venv
from importlib.metadata import distribution
import pytest
import link_packages


@pytest.fixture
def target(tmp_path):
    venv.create(tmp_path/'venv', with_pip=False)
    return tmp_path/'venv'


def run(target, requirements):
    return subprocess.run([sys.executable, link_packages.__file__, '-r', str(requirements), str(target)],
                          capture_output=True, text=True)


def test_links_the_packages_and_what_they_require(target, tmp_path):
    (tmp_path/'req.txt').write_text(f'# a comment\nexecnb=={distribution("execnb").version}\n')
    r = run(target, tmp_path/'req.txt')
    assert r.returncode == 0, r.stdout + r.stderr
    py = str(target/'bin'/'python')
    # execnb, IPython (which it requires) and parso (which IPython's jedi requires) import in the new venv, from it
    out = subprocess.run([py, '-c', 'import execnb, IPython, parso; print(execnb.__file__, IPython.__file__, parso.__file__)'],
                         capture_output=True, text=True, check=True, cwd=tmp_path).stdout.split()
    assert all(f.startswith(str(target)) for f in out), out
    # the files are the same files as this environment's, not copies
    src = distribution('execnb').locate_file('execnb/nbio.py')
    assert os.path.samefile(src, target/'lib'/f'python{sys.version_info[0]}.{sys.version_info[1]}'/'site-packages'/'execnb'/'nbio.py')
    # the console script runs the new venv's Python, and its package's metadata came along
    assert (target/'bin'/'exec_nb').read_text().split('\n')[0] == f'#!{py}'
    meta = subprocess.run([py, '-c', 'from importlib.metadata import version; print(version("execnb"), version("fastcore"))'],
                          capture_output=True, text=True, check=True).stdout.split()
    assert meta == [distribution('execnb').version, distribution('fastcore').version]
    assert not list(target.rglob('*.pyc')), 'compiled files name the source environment; the new venv makes its own'


def test_another_version_links_nothing(target, tmp_path):
    (tmp_path/'req.txt').write_text('execnb==0.0.1\n')
    r = run(target, tmp_path/'req.txt')
    assert r.returncode == link_packages.NOT_LINKED and 'asks for 0.0.1' in r.stdout, r.stdout + r.stderr
    assert not list(target.glob('lib/python*/site-packages/execnb*'))


def test_a_requirement_that_is_not_a_pin_is_refused(target, tmp_path):
    (tmp_path/'req.txt').write_text('execnb>=0.1\n')
    r = run(target, tmp_path/'req.txt')
    assert r.returncode != 0 and 'is not name==version' in r.stderr
