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
