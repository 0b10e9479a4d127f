"""Lessons as a learner runs them: JupyterLab in a real browser, Run All Cells, then use the widgets.

    make test-browser     (or: .venv/bin/python -m pytest checks/test_jupyterlab.py -s)

Starts `jupyter lab` from this venv on a free localhost port with its own config, data and runtime
folders, opens a copy of each lesson (nothing in the repo changes; the cells nbdev_test skips, such as
`#| slow` ones, left out unless LESSONLIB_BROWSER_FLAGS=slow), runs every cell from the Run menu and checks: no cell shows an error, the `interact` sliders render as widgets (not as text),
moving the first slider redraws its figure in place, every other widget answers its first control, an
exercise typed wrong then right gets 'Not yet' then 'Correct' from its check, and on a drawing pad (lesson 7) a vertical
stroke drawn with the mouse is read as a 1 and Clear wipes it. Drives Debian's Chromium
(/usr/bin/chromium, `apt-get install chromium`) with Playwright. Screenshots go to
$LESSONLIB_ARTIFACTS (or a temp folder).
LESSONLIB_BROWSER_NB=path/to/notebook.ipynb checks other notebooks (several separated by `:`)
instead of every lesson with widgets.
LESSONLIB_BROWSER_PYTHON=path/to/python runs the kernel in another environment (JupyterLab stays this
venv's, serving the widget front ends of the kernel's environment): checks/runtime.sh uses it to show
Kaggle's ipywidgets and anywidget in this JupyterLab."""
import json, os, re, shutil, signal, socket, subprocess, sys, tempfile, time, urllib.request
from pathlib import Path
import pytest

root = Path(__file__).resolve().parent.parent
from nbcells import cells as read_cells, first_code_line, is_hidden, skip_reason, source
LESSONS = [Path(p).resolve() for p in os.environ.get('LESSONLIB_BROWSER_NB', '').split(os.pathsep) if p] or [
    nb for nb in sorted((root/'nbs'/'lessons').glob('[0-9]*.ipynb')) if re.search(r'\binteract(ive)?\(|widgets\.|DigitPad\(', nb.read_text())]
RUN_TIMEOUT = 600   # seconds for Run All Cells (lesson 7 trains three models)
KERNEL_PYTHON = os.environ.get('LESSONLIB_BROWSER_PYTHON')   # the kernel's Python (default: this venv's)
# Cells that nbdev_test skips (`#| slow`: training a ResNet) are left out, as their code does nothing a widget shows;
# `make test-learner` and `make test-runtime` run them. LESSONLIB_BROWSER_FLAGS=slow runs them here too.
RUN_FLAGS = os.environ.get('LESSONLIB_BROWSER_FLAGS', '').split()


def lesson_copy(nb_path) -> str:
    "Notebook `nb_path` with the code of each cell that nbdev_test would skip left out, so that cells keep their numbers"
    nb = json.loads(nb_path.read_text(encoding='utf-8'))
    for c in nb['cells']:
        why = skip_reason(c, RUN_FLAGS)
        if why and why != 'not code':   # its directives stay (a hidden cell stays collapsed), its code goes
            directives = [l for l in source(c).splitlines(keepends=True) if re.match(r'\s*#\s*\|', l)]
            c['source'] = ''.join(directives) + f'# a cell nbdev_test skips ({why}), left out of this check\n'
    return json.dumps(nb, indent=1, ensure_ascii=False)


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def http(url, method='GET'):
    with urllib.request.urlopen(urllib.request.Request(url, method=method), timeout=10) as r: return r.read()


def pids_using(marker):
    "Processes whose command line mentions `marker` (our temp folder): the server's kernels"
    found = []
    for p in Path('/proc').iterdir():
        if not p.name.isdigit() or int(p.name) == os.getpid(): continue
        try: cmd = (p/'cmdline').read_bytes().replace(b'\0', b' ').decode(errors='replace')
        except OSError: continue
        if marker in cmd: found.append(int(p.name))
    return found


@pytest.fixture(scope='module')
def artifacts():
    d = Path(os.environ.get('LESSONLIB_ARTIFACTS') or tempfile.mkdtemp(prefix='lessonlib-browser-'))
    d.mkdir(parents=True, exist_ok=True)
    return d


@pytest.fixture(scope='module')
def lab(artifacts):
    "A JupyterLab server on a copy of settings.ini and nbs/ (with the lessons to check); yields (base url, token, lessons folder)"
    tmp = Path(tempfile.mkdtemp(prefix='lessonlib-lab-'))
    proj = tmp/'project'   # a copy of the nbdev project, so the lesson's nbdev_export cell works and writes here
    proj.mkdir()
    shutil.copy(root/'settings.ini', proj)
    shutil.copytree(root/'nbs', proj/'nbs', ignore=shutil.ignore_patterns('.ipynb_checkpoints', '_proc'))
    for lesson in LESSONS: (proj/'nbs'/'lessons'/lesson.name).write_text(lesson_copy(lesson), encoding='utf-8')
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(('JUPYTER', 'JPY_')) and k not in ('MPLBACKEND', 'IN_TEST', 'IPYTHONDIR')}
    env.update(JUPYTER_CONFIG_DIR=str(tmp/'config'), JUPYTER_DATA_DIR=str(tmp/'data'),
               JUPYTER_RUNTIME_DIR=str(tmp/'runtime'), IPYTHONDIR=str(tmp/'ipython'))
    # The browser and the server need the CPU too: a kernel whose PyTorch spins a thread on every core fights
    # them for it (lesson 7's epochs took 10 s instead of 0.5 s on 2 cores), so the kernels get one thread.
    env.setdefault('OMP_NUM_THREADS', '1')
    # Show every cell in the page (no virtual scrolling), so each cell's outputs can be read.
    settings = tmp/'config'/'lab'/'user-settings'/'@jupyterlab'
    (settings/'notebook-extension').mkdir(parents=True)
    (settings/'notebook-extension'/'tracker.jupyterlab-settings').write_text(json.dumps({'windowingMode': 'none', 'scrollPastEnd': False}))
    (settings/'apputils-extension').mkdir(parents=True)
    (settings/'apputils-extension'/'notification.jupyterlab-settings').write_text(
        json.dumps({'fetchNews': 'false', 'checkForUpdates': False}))
    if KERNEL_PYTHON:   # a `python3` kernelspec on JUPYTER_PATH, which comes first, takes the place of this venv's own
        # The front end's widget extensions come from the kernel's environment too (its share/jupyter/labextensions
        # on JUPYTER_PATH win over this venv's), as on a platform where JupyterLab and the kernel share one: a widget
        # library's front end must match its Python side (anywidget 0.9 in the kernel needs anywidget 0.9's).
        prefix = subprocess.run([KERNEL_PYTHON, '-c', 'import sys; print(sys.prefix)'], capture_output=True, text=True, check=True).stdout.strip()
        env['JUPYTER_PATH'] = os.pathsep.join([str(tmp/'path'), str(Path(prefix)/'share'/'jupyter')])
        spec = tmp/'path'/'kernels'/'python3'
        spec.mkdir(parents=True)
        (spec/'kernel.json').write_text(json.dumps(dict(argv=[KERNEL_PYTHON, '-m', 'ipykernel_launcher', '-f', '{connection_file}'],
                                                        display_name='Python 3 (ipykernel)', language='python')))
        versions = subprocess.run([KERNEL_PYTHON, '-c', 'import sys, ipywidgets, ipykernel; print(sys.version.split()[0], '
                                   'ipywidgets.__version__, ipykernel.__version__)'], capture_output=True, text=True, check=True).stdout.split()
        print(f'\nkernel: {KERNEL_PYTHON} (Python {versions[0]}, ipywidgets {versions[1]}, ipykernel {versions[2]})')
    port, token = free_port(), os.urandom(16).hex()
    log = open(artifacts/'jupyterlab.log', 'w')
    cmd = [str(Path(sys.prefix)/'bin'/'jupyter'), 'lab', '--no-browser', f'--ServerApp.port={port}',
           '--ServerApp.ip=127.0.0.1', '--ServerApp.port_retries=0', f'--IdentityProvider.token={token}',
           f'--ServerApp.root_dir={proj}', '--LabApp.news_url=None',
           '--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate', '--LabApp.extension_manager=readonly']
    if os.geteuid() == 0: cmd.append('--allow-root')   # as CI runs
    server = subprocess.Popen(cmd, env=env, cwd=proj, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f'http://127.0.0.1:{port}'
    try:
        for _ in range(120):
            if server.poll() is not None:
                pytest.fail(f'jupyter lab exited with {server.returncode}:\n{(artifacts/"jupyterlab.log").read_text()[-3000:]}')
            try: http(f'{base}/api/status?token={token}'); break
            except OSError: time.sleep(0.5)
        else: pytest.fail(f'jupyter lab did not answer on {base} within 60s; see {artifacts/"jupyterlab.log"}')
        yield base, token, proj/'nbs'/'lessons'
    finally:
        try:   # shut the kernels down the way JupyterLab does, then the server
            for k in json.loads(http(f'{base}/api/kernels?token={token}')):
                http(f'{base}/api/kernels/{k["id"]}?token={token}', method='DELETE')
        except OSError: pass
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try: server.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL); server.wait(5)
        log.close()
        left = pids_using(str(tmp))   # kernels run in their own session: find them by their connection file
        for pid in left:
            try: os.kill(pid, signal.SIGKILL)
            except ProcessLookupError: pass
        shutil.rmtree(tmp, ignore_errors=True)
        assert not left, f'processes {left} were still running after the server stopped'


def cell_sources(nb_path): return [source(c) for c in read_cells(nb_path)]


def where(nb, sources, i):
    first = first_code_line({'cell_type': 'code', 'source': sources[i]}) if i < len(sources) else '?'
    lesson = next(l for l in LESSONS if l.name == nb.name)   # the notebook that was copied
    name = lesson.relative_to(root) if lesson.is_relative_to(root) else lesson
    return f'{name}, cell {i} ({first!r})'


# Per cell (in notebook order): error outputs, widget outputs shown as text, widgets and sliders.
READ_CELLS = r'''() => [...document.querySelectorAll('.jp-Notebook .jp-Cell')].map(c => {
  const texts = sel => [...c.querySelectorAll(sel)].map(e => e.innerText);
  return {
    code: c.classList.contains('jp-CodeCell'),
    prompt: (c.querySelector('.jp-InputPrompt') || {}).innerText || '',
    stderr: texts('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'),
    text: texts('.jp-OutputArea-output.jp-RenderedText, .jp-OutputArea-output .jp-RenderedText'),
    widgets: c.querySelectorAll('.jupyter-widgets').length,
    widgetText: texts('.jupyter-widgets'),
    sliders: c.querySelectorAll('.jupyter-widgets .widget-slider, .jupyter-widgets .widget-hslider').length,
  };
})'''


def wait_for_run(page, timeout=RUN_TIMEOUT):
    "Wait until no cell is queued or running ([*]) and the kernel is idle, twice in a row"
    end, calm = time.time() + timeout, 0
    while time.time() < end:
        busy = page.evaluate('''() => [...document.querySelectorAll('.jp-Notebook .jp-InputPrompt')]
                                       .some(p => p.innerText.includes('*'))''')
        idle = page.locator('.jp-Notebook-ExecutionIndicator[data-status="idle"]').count() > 0
        calm = calm + 1 if idle and not busy else 0
        if calm >= 3: return
        time.sleep(1)
    raise AssertionError(f'the notebook was still running after {timeout}s')


def start_kernel(page, base, token, nb):
    "Accept JupyterLab's 'Select Kernel' dialog as a learner does, and wait until the kernel is idle"
    end = time.time() + 90
    while time.time() < end:
        dialog = page.locator('.jp-Dialog')
        if dialog.count():
            text = dialog.inner_text()
            assert 'Select Kernel' in text and 'Python 3' in text, f'{nb.name}: unexpected dialog in JupyterLab:\n{text}'
            dialog.locator('.jp-Dialog-button.jp-mod-accept').click()
        sessions = json.loads(http(f'{base}/api/sessions?token={token}'))
        if any(s['path'].endswith(nb.name) and s['kernel']['execution_state'] == 'idle' for s in sessions): return
        time.sleep(0.5)
    raise AssertionError(f'{nb.name}: no kernel started in JupyterLab within 90s')


def shut_down_kernel(base, token, nb):
    "Stop the notebook's kernel as JupyterLab's 'Shut Down Kernel' does, so that lessons don't run side by side"
    for s in json.loads(http(f'{base}/api/sessions?token={token}')):
        if s['path'].endswith(nb.name): http(f'{base}/api/sessions/{s["id"]}?token={token}', method='DELETE')


@pytest.mark.parametrize('lesson', LESSONS, ids=lambda p: p.stem)
def test_lesson_runs_in_jupyterlab(lab, browser, artifacts, lesson):
    base, token, lessons = lab
    nb = lessons/lesson.name
    sources = cell_sources(nb)
    rel = nb.relative_to(nb.parents[2]).as_posix()   # nbs/lessons/NAME.ipynb
    page = browser.new_page(viewport={'width': 1400, 'height': 1000})
    page.route(re.compile(r'^(?!https?://127\.0\.0\.1:)'), lambda route: route.abort())   # only our server (badges stay blank)
    messages = []
    page.on('console', lambda m: messages.append(m.text) if m.type == 'error' and 'ERR_FAILED' not in m.text else None)
    try:
        # each lesson in a workspace of its own, so that JupyterLab does not reopen the previous lesson beside it
        page.goto(f'{base}/lab/workspaces/{nb.stem}/tree/{rel}?token={token}', timeout=60_000)
        page.locator('.jp-Notebook .jp-Cell').first.wait_for(timeout=60_000)
        start_kernel(page, base, token, nb)
        if KERNEL_PYTHON:
            kernels = [(pid, cmd) for pid in pids_using(str(nb.parents[3]/'runtime'))
                       for cmd in [Path(f'/proc/{pid}/cmdline').read_bytes().split(b'\0')[0].decode()]]
            assert kernels and all(cmd == KERNEL_PYTHON for _, cmd in kernels), f'the kernel is not {KERNEL_PYTHON}: {kernels}'
        t0 = time.time()
        page.locator('.lm-MenuBar-itemLabel', has_text=re.compile('^Run$')).click()
        page.locator('.lm-Menu-itemLabel', has_text=re.compile('^Run All Cells$')).click()
        wait_for_run(page)
        print(f'\n{nb.name}: Run All Cells took {time.time() - t0:.1f}s in JupyterLab')
        cells = page.evaluate(READ_CELLS)
        assert len(cells) == len(sources), f'{len(cells)} cells in the page, {len(sources)} in {nb.name}'

        for i, c in enumerate(cells):   # an error in any cell, in notebook order
            bad = [t for t in c['stderr'] if 'Traceback' in t or 'Error' in t]
            shows_errors = 'show_error(' in sources[i]   # prints an error message on purpose, as a learner meets it
            bad += [t for t in c['text'] if 'Traceback' in t or (not shows_errors and re.search(r'^\w*(Error|Exception)\b', t, re.M))]
            bad += [t for t in c['widgetText'] if 'Error displaying widget' in t]
            assert not bad, f'{where(nb, sources, i)} shows an error in JupyterLab:\n{bad[0][-2000:]}'
        hidden = [is_hidden({'cell_type': 'code', 'source': s}) for s in sources]   # collapsed: JupyterLab shows no prompt number
        not_run = [i for i, c in enumerate(cells) if c['code'] and sources[i].strip() and not hidden[i] and not re.search(r'\d', c['prompt'])]
        assert not not_run, f'{where(nb, sources, not_run[0])} was not run by Run All Cells'

        uses_interact = [i for i, s in enumerate(sources) if re.search(r'\binteract(ive)?\(', s)]
        for i in uses_interact:   # each `interact` shows real sliders, not the widget's text repr
            text = ' '.join(cells[i]['text'])
            assert 'interactive(children=' not in text and cells[i]['sliders'] > 0, (
                f'{where(nb, sources, i)}: the sliders did not render as widgets '
                f'({cells[i]["widgets"]} widgets, {cells[i]["sliders"]} sliders; output text {text[:200]!r})')
        if uses_interact: move_first_slider(page, nb, sources, uses_interact[0], artifacts)
        controls = page.evaluate(READ_CONTROLS)
        moved = [move_a_control(page, nb, sources, i, kind) for i, kind in enumerate(controls) if kind and i not in uses_interact[:1]]
        print(f'{nb.name}: {len(moved) + bool(uses_interact)} widgets answered a move of one of their controls')
        if nb.stem in TYPED_EXERCISES:
            start, *answers = TYPED_EXERCISES[nb.stem]
            i = next((i for i, s in enumerate(sources) if s.startswith(start)), None)
            assert i is not None, f'{nb.name}: no exercise cell starts with {start!r}'
            answer_an_exercise(page, nb, sources, i, *answers, artifacts)
        pads = [i for i in range(len(cells)) if page.locator('.jp-Notebook .jp-Cell').nth(i).locator('canvas.lessonlib-pad').count()]
        if re.search(r'\bDigitPad\(', ''.join(sources)): assert pads, f'{nb.name}: no drawing pad was displayed'
        if pads: draw_a_one(page, nb, sources, pads[0], artifacts)
    finally:
        shot = artifacts/f'{nb.stem}-jupyterlab.png'
        try:
            height = page.evaluate('''() => {   // from the top of the page to the bottom of the last cell
                const outer = document.querySelector('.jp-NotebookPanel .jp-WindowedPanel-outer');
                const cells = outer.querySelectorAll('.jp-Cell');
                return cells[cells.length - 1].getBoundingClientRect().bottom + outer.scrollTop; }''')
            page.set_viewport_size({'width': 1400, 'height': min(max(1000, int(height) + 100), 30000)})
            page.wait_for_timeout(1000)
            page.screenshot(path=str(shot), full_page=True)
            print(f'screenshot of the whole notebook: {shot}')
        except Exception as e: print(f'no screenshot: {e}')
        if messages: print('browser console errors:\n  ' + '\n  '.join(messages[:20]))
        page.close()
        try: shut_down_kernel(base, token, nb)
        except OSError: pass


def nudge_slider(handle, readout):
    "Move a slider a few steps with the arrow keys: right, or left if it is at the end of its range"
    before = readout.inner_text()
    handle.focus()
    for _ in range(10): handle.press('ArrowRight')
    if readout.inner_text() == before:
        for _ in range(10): handle.press('ArrowLeft')


def move_first_slider(page, nb, sources, i, artifacts):
    "Press the right arrow on the first slider of cell `i`; its figure must change, and stay one figure"
    cell = page.locator('.jp-Notebook .jp-Cell').nth(i)
    cell.scroll_into_view_if_needed()
    img = cell.locator('.jupyter-widgets img')
    assert img.count() == 1, f'{where(nb, sources, i)}: expected one figure under the sliders, found {img.count()}'
    before_src, before_png = img.get_attribute('src'), img.screenshot(path=str(artifacts/f'{nb.stem}-slider-before.png'))
    readout = cell.locator('.widget-readout').first
    before_value = readout.inner_text()
    nudge_slider(cell.locator('.jupyter-widgets .noUi-handle').first, readout)
    end = time.time() + 30
    while time.time() < end and img.count() == 1 and img.get_attribute('src') == before_src: time.sleep(0.5)
    wait_for_run(page, 60)
    after_value = readout.inner_text()
    assert after_value != before_value, f'{where(nb, sources, i)}: the slider did not move (readout {before_value})'
    assert img.count() == 1, f'{where(nb, sources, i)}: moving the slider left {img.count()} figures, not one'
    after_png = img.screenshot(path=str(artifacts/f'{nb.stem}-slider-after.png'))
    page.screenshot(path=str(artifacts/f'{nb.stem}-slider.png'))
    changed = img.get_attribute('src') != before_src and after_png != before_png
    assert changed, (
        f'{where(nb, sources, i)}: moving the slider from {before_value} to {after_value} did not change the plot')
    print(f'{nb.name}: slider moved {before_value} -> {after_value}, plot redrawn: {artifacts/(nb.stem + "-slider.png")}')


# Per cell: the kind of the first control its widgets offer a learner (None for a cell without one, or with the pad)
READ_CONTROLS = r'''() => [...document.querySelectorAll('.jp-Notebook .jp-Cell')].map(c => {
  if (c.querySelector('canvas.lessonlib-pad')) return null;
  const w = c.querySelector('.jp-OutputArea .jupyter-widgets');
  if (!w) return null;
  if (c.querySelector('.jupyter-widgets .noUi-handle')) return 'slider';
  if (c.querySelector('.jupyter-widgets select')) return 'dropdown';
  if (c.querySelector('.jupyter-widgets input[type=radio]')) return 'choice';
  if (c.querySelector('.jupyter-widgets input[type=checkbox]')) return 'checkbox';
  if (c.querySelector('.jupyter-widgets input[type=number]')) return 'number';
  if (c.querySelector('.jupyter-widgets input[type=text]') && c.querySelector('.jupyter-widgets button')) return 'text';
  return null;
})'''

# What a widget shows below its controls: its output areas (figures, text), not the controls' own readouts
READ_OUTPUT = "c => [...c.querySelectorAll('.widget-output')].map(o => o.innerHTML).join('|')"


def move_a_control(page, nb, sources, i, kind):
    "Use the first control of cell `i`'s widget as a learner would; what the widget shows must change"
    cell = page.locator('.jp-Notebook .jp-Cell').nth(i)
    cell.scroll_into_view_if_needed()
    before = cell.evaluate(READ_OUTPUT)
    if kind == 'slider': nudge_slider(cell.locator('.jupyter-widgets .noUi-handle').first, cell.locator('.widget-readout').first)
    elif kind == 'dropdown':
        select = cell.locator('.jupyter-widgets select').first
        options = select.locator('option').all_inner_texts()
        select.select_option(index=(options.index(select.evaluate('s => s.options[s.selectedIndex].text')) + 1) % len(options))
    elif kind == 'choice':   # a quiz: pick an answer, then Check
        cell.locator('.jupyter-widgets input[type=radio]').first.check()
        cell.locator('.jupyter-widgets button', has_text='Check').click()
    elif kind == 'checkbox': cell.locator('.jupyter-widgets input[type=checkbox]').first.click()
    elif kind == 'number':
        box = cell.locator('.jupyter-widgets input[type=number]').first
        box.fill('1'); box.press('Enter')
        if cell.locator('.jupyter-widgets button', has_text='Check').count(): cell.locator('.jupyter-widgets button', has_text='Check').click()
    elif kind == 'text':   # a quiz that asks for a number: type one, then Check
        cell.locator('.jupyter-widgets input[type=text]').first.fill('1')
        cell.locator('.jupyter-widgets button').first.click()
    end = time.time() + 30
    while time.time() < end and cell.evaluate(READ_OUTPUT) == before: time.sleep(0.5)
    wait_for_run(page, 60)
    assert cell.evaluate(READ_OUTPUT) != before, f'{where(nb, sources, i)}: using its {kind} changed nothing the widget shows'
    return kind


# One exercise per lesson answered as a learner would, by typing into its cell: the lesson, how the exercise's
# cell starts, a wrong answer with words its feedback must have (a catalogued mistake's message), the right answer.
TYPED_EXERCISES = {
    '01_how_a_net_works': ('def my_mse(',
        'def my_mse(preds, targets):\n    return ((preds - targets)**2).sum()', 'the sum of the squared errors',
        'def my_mse(preds, targets):\n    return ((preds - targets)**2).mean()'),
}


def check_output(cell):
    "The text a check cell shows (its feedback)"
    area = cell.locator('.jp-OutputArea')
    return area.inner_text() if area.count() else ''


def answer_an_exercise(page, nb, sources, i, wrong, says, right, artifacts):
    "Type `wrong` into exercise cell `i`, run it and its check; then `right`: the feedback must go from 'Not yet' to 'Correct'"
    cells = page.locator('.jp-Notebook .jp-Cell')
    j = next(j for j in range(i + 1, len(sources)) if re.search(r'\bq\w*\.check\(\)', sources[j]))   # its check cell
    shown = check_output(cells.nth(j))
    assert shown.startswith('Not answered yet'), f'{where(nb, sources, j)}: as shipped, the check says {shown[:200]!r}'
    for code, verdict, words in ((wrong, 'Not yet:', says), (right, 'Correct:', '')):
        editor = cells.nth(i).locator('.cm-content')
        editor.scroll_into_view_if_needed()
        editor.click()
        page.keyboard.press('Control+A')
        page.keyboard.insert_text(code)   # as pasted: no auto-indent on top of the code's own
        typed = editor.inner_text()
        assert typed.strip() == code.strip(), f'{where(nb, sources, i)}: the cell holds {typed!r} after typing {code!r}'
        page.keyboard.press('Shift+Enter')   # run the learner's cell, as a learner does; then its check
        cells.nth(j).locator('.jp-InputArea-prompt').click()
        page.keyboard.press('Shift+Enter')
        end = time.time() + 30
        while time.time() < end and check_output(cells.nth(j)) == shown: time.sleep(0.3)
        wait_for_run(page, 60)
        shown = check_output(cells.nth(j))
        assert shown.startswith(verdict) and words in shown, (
            f'{where(nb, sources, j)}: after typing {code!r} the check says {shown[:300]!r}, not {verdict} {words}')
        print(f'{nb.name}: typed into the exercise, its check says {shown.strip()[:120]!r}')
    page.screenshot(path=str(artifacts/f'{nb.stem}-exercise.png'))


# The pad's state as the learner sees it: dark pixels on the canvas, the width of each probability bar, the verdict.
READ_PAD = r'''(cell) => {
  const canvas = cell.querySelector('canvas.lessonlib-pad');
  const px = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  let ink = 0;
  for (let i = 0; i < px.length; i += 4) if (px[i] < 128) ink++;
  const bars = [...Array(10).keys()].map(d => {
    const fill = cell.querySelector(`.lessonlib-prob-${d} .progress-bar`);
    return fill ? fill.getBoundingClientRect().width : null;
  });
  const verdict = cell.querySelector('.lessonlib-verdict');
  return {ink, bars, text: verdict ? verdict.innerText : ''};
}'''


def wait_for_pad(cell, done, timeout=30):
    "Read the pad until `done(state)` holds or `timeout` seconds pass; return the last state"
    end = time.time() + timeout
    while True:
        state = cell.evaluate(READ_PAD)
        if done(state) or time.time() > end: return state
        time.sleep(0.3)


def draw_a_one(page, nb, sources, i, artifacts):
    "Draw a vertical stroke on the pad of cell `i` with the mouse: the chart must rank 1 first; Clear must wipe it all"
    cell = page.locator('.jp-Notebook .jp-Cell').nth(i)
    canvas = cell.locator('canvas.lessonlib-pad')
    canvas.scroll_into_view_if_needed()
    empty = lambda s: s['ink'] == 0 and all(b == 0 for b in s['bars'])
    before = wait_for_pad(cell, empty)
    assert None not in before['bars'], f'{where(nb, sources, i)}: the pad shows no bar chart of ten bars: {before}'
    assert empty(before), f'{where(nb, sources, i)}: the pad is not empty before drawing: {before}'
    box = canvas.bounding_box()
    x, top, bottom = box['x'] + box['width']*0.5, box['y'] + box['height']*0.15, box['y'] + box['height']*0.85
    page.mouse.move(x, top)
    page.mouse.down()
    for k in range(1, 21): page.mouse.move(x + (k % 2), top + (bottom - top)*k/20)   # a hand is never quite straight
    page.mouse.up()
    drawn = wait_for_pad(cell, lambda s: max(s['bars']) > 0 and 'reads' in s['text'])   # bars and verdict: two updates
    page.screenshot(path=str(artifacts/f'{nb.stem}-pad-drawn.png'))
    assert drawn['ink'] > 0, f'{where(nb, sources, i)}: the stroke did not appear on the canvas: {drawn}'
    ranked = sorted(range(10), key=lambda d: -drawn['bars'][d])
    assert ranked[0] == 1, (f'{where(nb, sources, i)}: a vertical stroke was read as {ranked[0]}, not 1 '
                            f'(bar widths {drawn["bars"]}, {drawn["text"]!r}); see {artifacts/(nb.stem + "-pad-drawn.png")}')
    assert 'reads 1' in drawn['text'], f'{where(nb, sources, i)}: the verdict says {drawn["text"]!r}'
    cell.locator('.lessonlib-clear').click()
    cleared = wait_for_pad(cell, empty)
    page.screenshot(path=str(artifacts/f'{nb.stem}-pad-cleared.png'))
    assert empty(cleared), f'{where(nb, sources, i)}: Clear left {cleared["ink"]} dark pixels and bars {cleared["bars"]}'
    print(f'{nb.name}: a stroke drawn with the mouse reads as 1 (bars {[round(b) for b in drawn["bars"]]} px), Clear wipes it')
