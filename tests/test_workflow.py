"""The GitHub Actions workflows, parsed as GitHub reads them: test.yaml checks out, installs as the README says, then
runs `make check` and `make test` on the data fastai downloads; deploy.yaml builds the site with `make site` and
publishes the folder it writes on GitHub Pages, from the branch settings.ini names."""
import ast, re, shlex
from pathlib import Path
from urllib.parse import urlparse
import yaml
from nbdev.config import get_config
from packaging.version import Version

root = Path(__file__).resolve().parent.parent
cfg = get_config(path=root)
workflow, deploy = root/'.github'/'workflows'/'test.yaml', root/'.github'/'workflows'/'deploy.yaml'


def load(path):
    wf = yaml.safe_load(path.read_text())
    wf['on'] = wf.pop(True, wf.get('on'))   # YAML 1.1 reads a bare `on` as true
    return wf


def commands(step) -> list:
    "The commands of a step's `run` script, each split as the shell splits it"
    return [shlex.split(line) for line in step.get('run', '').splitlines() if line.strip() and not line.strip().startswith('#')]


def first(steps, found, what) -> int:
    "The index of the first step for which `found(step)` is true"
    i = next((i for i, s in enumerate(steps) if found(s)), None)
    assert i is not None, f'no step {what}'
    return i


def uses(action): return lambda s: s.get('uses', '').split('@')[0] == action
def runs(*cmd): return lambda s: list(cmd) in commands(s)


def pip_installs(step) -> list:
    "The arguments of each `python -m pip install` in a step, without the options"
    out = []
    for c in commands(step):
        if c[1:4] == ['-m', 'pip', 'install']: out.append(c[4:])
    return out


def installs_project(extras):
    "A step that pip-installs this project in editable mode with (at least) `extras`"
    def found(s):
        for args in pip_installs(s):
            if '-e' in args:
                m = re.fullmatch(r'\.\[([\w,]+)\]', args[args.index('-e') + 1])
                if m and set(extras) <= set(m[1].split(',')): return True
        return False
    return found


def installs_cpu_torch(step) -> bool:
    "PyTorch's CPU build, from PyTorch's own index (the default would download its CUDA build, gigabytes the runner cannot use)"
    for args in pip_installs(step):
        if 'torch' in args and '--index-url' in args:
            url = urlparse(args[args.index('--index-url') + 1])
            if url.hostname == 'download.pytorch.org' and url.path.rstrip('/').endswith('/whl/cpu'): return True
    return False


def downloads_data(step) -> bool:
    "A step that runs Python code calling fastai's untar_data on URLs.MNIST_SAMPLE and URLs.MNIST"
    for c in commands(step):
        if '-c' not in c: continue
        tree = ast.parse(c[c.index('-c') + 1])
        calls = {n.func.id for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
        urls = {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id == 'URLs'}
        if 'untar_data' in calls and {'MNIST_SAMPLE', 'MNIST'} <= urls: return True
    return False


def setup_python_supported(step) -> bool:
    version = str(step.get('with', {}).get('python-version', ''))
    return step.get('uses', '').startswith('actions/setup-python@') and Version(version) >= Version(cfg.min_python)


def test_tests_run_on_every_push_and_pull_request():
    wf = load(workflow)
    assert {'push', 'pull_request'} <= set(wf['on']), wf['on']
    (job,) = wf['jobs'].values()
    assert job['runs-on'].startswith('ubuntu') and job['timeout-minutes'] <= 90


def test_the_job_checks_out_installs_then_checks_and_tests_on_real_data():
    (job,) = load(workflow)['jobs'].values()
    steps = job['steps']
    checkout = first(steps, uses('actions/checkout'), 'checks out the repository')
    python = first(steps, setup_python_supported, f'sets up a Python that settings.ini supports (>= {cfg.min_python})')
    install = first(steps, installs_project({'dev'}), 'installs the project as the README does, `pip install -e ".[dev]"`')
    assert installs_cpu_torch(steps[install]) or any(installs_cpu_torch(s) for s in steps[:install]), "PyTorch's CPU build, before the project"
    assert runs('touch', '.venv/.installed')(steps[install]), 'the stamp that tells `make` the venv is made'
    check, data, test = (first(steps, runs('make', 'check'), 'runs `make check`'),
                         first(steps, downloads_data, "downloads MNIST_SAMPLE and MNIST with fastai's untar_data"),
                         first(steps, runs('make', 'test'), 'runs `make test`'))
    assert checkout < python < install < check < test and install < data < test, (checkout, python, install, check, data, test)


def test_the_readme_installs_and_tests_as_the_workflow_does():
    readme = (root/'README.md').read_text(encoding='utf-8')
    assert re.search(r'^make test\b', readme, re.M), 'the README no longer gives `make test`'
    assert 'pip install -e ".[dev]"' in readme
    assert re.search(r'^STAMP\s*:=\s*\$\(VENV\)/\.installed$', (root/'Makefile').read_text(), re.M) and 'VENV ?= .venv' in (root/'Makefile').read_text()


def test_deploy_publishes_main_on_pages():
    wf = load(deploy)
    assert wf['on']['push']['branches'] == [cfg.branch], wf['on']   # only what is merged is published
    assert wf['permissions'] == {'contents': 'read', 'pages': 'write', 'id-token': 'write'}, wf['permissions']
    build, publish = wf['jobs']['build'], wf['jobs']['deploy']
    assert publish['needs'] == 'build' and publish['environment']['name'] == 'github-pages'
    assert any(uses('actions/deploy-pages')(s) for s in publish['steps'])


def test_deploy_builds_the_site_on_real_data_and_uploads_what_make_site_writes():
    import website   # tools/website.py: `make site` writes the pages into website.HTML
    steps = load(deploy)['jobs']['build']['steps']
    checkout = first(steps, uses('actions/checkout'), 'checks out the repository')
    install = first(steps, installs_project({'dev', 'docs'}), 'installs the project with its dev and docs extras')
    assert installs_cpu_torch(steps[install]), "PyTorch's CPU build"
    data = first(steps, downloads_data, "downloads MNIST_SAMPLE and MNIST with fastai's untar_data")
    build = first(steps, runs('make', 'site'), 'runs `make site`')
    upload = first(steps, uses('actions/upload-pages-artifact'), 'uploads the pages')
    assert checkout < install < data < build < upload, (checkout, install, data, build, upload)
    assert Path(steps[upload]['with']['path']) == website.HTML.relative_to(root), 'upload the folder `make site` writes'
