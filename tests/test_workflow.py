"The GitHub Actions workflow parses, installs as the README says, and runs the README's commands on real data."
import re
from pathlib import Path
import yaml

root = Path(__file__).resolve().parent.parent
workflow = root/'.github'/'workflows'/'test.yaml'


def run_lines():
    jobs = yaml.safe_load(workflow.read_text())['jobs']
    return [line.strip() for job in jobs.values() for step in job['steps'] for line in step.get('run', '').splitlines() if line.strip()]


def test_workflow_parses_and_triggers():
    wf = yaml.safe_load(workflow.read_text())
    triggers = wf.get('on', wf.get(True))   # YAML 1.1 reads a bare `on` as true
    assert {'push', 'pull_request'} <= set(triggers), triggers
    (job,) = wf['jobs'].values()
    assert job['runs-on'].startswith('ubuntu') and job['timeout-minutes'] <= 90
    assert any(s.get('uses', '').startswith('actions/checkout@') for s in job['steps'])


def test_workflow_runs_the_readme_commands():
    readme = (root/'README.md').read_text(encoding='utf-8')
    commands = re.findall(r'^(make \w+)', readme, re.M)           # the quick start's commands
    assert 'make test' in commands, 'the README no longer gives `make test`'
    lines = run_lines()
    assert 'make test' in lines and 'make check' in lines, lines
    assert lines.index('make check') < lines.index('make test')
    assert any('pip install -e ".[dev]"' in l for l in lines), 'install the project as the README does'
    assert 'pip install -e ".[dev]"' in readme


def test_workflow_tests_on_data_fastai_downloads():
    lines = run_lines()
    download = next(i for i, l in enumerate(lines) if 'untar_data' in l)
    assert 'URLs.MNIST_SAMPLE' in lines[download] and 'URLs.MNIST)' in lines[download]
    assert download < lines.index('make test')


# The website: .github/workflows/deploy.yaml builds it with `make site` and publishes it on GitHub Pages.
deploy = root/'.github'/'workflows'/'deploy.yaml'


def _website():
    import importlib.util
    spec = importlib.util.spec_from_file_location('website', root/'tools'/'website.py')
    mod = importlib.util.module_from_spec(spec); spec.loader.exec_module(mod)
    return mod


def test_deploy_publishes_main_on_pages():
    from configparser import ConfigParser
    wf = yaml.safe_load(deploy.read_text())
    triggers = wf.get('on', wf.get(True))
    cfg = ConfigParser(delimiters=['=']); cfg.read(root/'settings.ini', encoding='utf-8'); cfg = cfg['DEFAULT']
    assert triggers['push']['branches'] == [cfg['branch']], triggers   # only what is merged is published
    assert wf['permissions'] == {'contents': 'read', 'pages': 'write', 'id-token': 'write'}, wf['permissions']
    build, publish = wf['jobs']['build'], wf['jobs']['deploy']
    assert publish['needs'] == 'build' and publish['environment']['name'] == 'github-pages'
    assert any(s.get('uses', '').startswith('actions/deploy-pages@') for s in publish['steps'])
    upload = next(s for s in build['steps'] if s.get('uses', '').startswith('actions/upload-pages-artifact@'))
    site = _website()
    assert upload['with']['path'] == site.HTML.relative_to(root).as_posix(), 'upload the folder `make site` writes'


def test_deploy_builds_the_site_on_the_real_data():
    wf = yaml.safe_load(deploy.read_text())
    lines = [l.strip() for s in wf['jobs']['build']['steps'] for l in s.get('run', '').splitlines() if l.strip()]
    assert 'make site' in lines, lines
    assert any('pip install -e ".[dev,docs]"' in l for l in lines), 'the site needs the docs extra'
    assert any('download.pytorch.org/whl/cpu' in l for l in lines), "PyTorch's CPU build: no GPU on the runner"
    download = next(i for i, l in enumerate(lines) if 'untar_data' in l)
    assert 'URLs.MNIST_SAMPLE' in lines[download] and 'URLs.MNIST)' in lines[download]
    assert download < lines.index('make site')
