"""Build the course website from nbs/: every notebook executed, with its figures, on pages you can search, whose
sliders, quizzes and drawing pad work in the browser with no kernel behind them.

    python tools/website.py            build _site/html (what `make site` runs)
    python tools/website.py --source   only write the Sphinx source folder, _site/src

The stack is Sphinx with myst-nb (notebooks as pages, executed through jupyter-cache) and sphinx-book-theme
(navigation, search, "launch in Colab" buttons): the Jupyter Book 1 stack, installed from PyPI (the `docs` extra)
and built offline. Its parts, one job each:

- tools/website_pages.py: notebooks to pages (_site/src), and the project's settings;
- tools/website_run.py: runs the notebooks that changed, in parallel, into the jupyter-cache myst-nb reads;
- tools/website_widgets.py, website_live.py: run in each page's kernel, they draw widgets as HTML that works
  without a kernel: sliders with their figures, quizzes, lesson 7's pad (with the weights of the net it trained);
- tools/site/: Sphinx's conf.py, the stylesheet, the browser's JavaScript, a template;
- tools/website_links.py: checks every link and image of the built site.

`sphinx-build -W --keep-going -n`: any warning fails the build (a broken link between pages, an unknown
reference), and a cell that raises fails it too. The notebooks run with the data lessonlib finds (FASTAI_HOME
etc.), as a learner's would: the real MNIST when it is extracted, else the offline sample."""
import os, subprocess, sys, time
from website_pages import ASSETS, CACHE, CONF_DIR, DOCTREES, HTML, SRC, BASE_URL, doc_name, nbs, pages, root, write_source
from website_run import execute, kernel_env
from website_links import check_links


def build(workers=None) -> None:
    t = time.time()
    notebooks = write_source()
    workers = workers or int(os.environ.get('SITE_WORKERS', 0)) or min(os.cpu_count() or 2, len(notebooks))
    env = kernel_env(workers, ASSETS)
    os.environ.clear(); os.environ.update(env)   # the executor's kernels inherit it
    execute(notebooks, SRC, CACHE, workers)
    cmd = [sys.executable, '-m', 'sphinx', '-b', 'html', '-W', '--keep-going', '-n', '-q', '-j', 'auto',
           '-c', str(CONF_DIR), '-d', str(DOCTREES), str(SRC), str(HTML)]
    print('site: ' + ' '.join(cmd[2:]), flush=True)
    if subprocess.run(cmd, env=env).returncode: sys.exit('site: sphinx-build failed: see the warnings above')
    (HTML/'.nojekyll').touch()   # GitHub Pages: serve _static/ and _images/ as they are
    shipped = HTML/'_static'/'lessonlib'   # the widgets' files: those of earlier builds go
    for p in sorted(shipped.rglob('*'), reverse=True) if shipped.exists() else []:
        if not (ASSETS/'lessonlib'/p.relative_to(shipped)).exists(): p.unlink() if p.is_file() else p.rmdir()
    broken = check_links(HTML)
    if broken: sys.exit('site: broken links inside the site (`make clean-site` rebuilds everything):\n  ' + '\n  '.join(broken))
    print(f'site: {len(notebooks)} pages in {HTML.relative_to(root)}/ ({time.time() - t:.0f}s); open {HTML.relative_to(root)}/index.html')


if __name__ == '__main__':
    if '--source' in sys.argv: print('\n'.join(str(p.relative_to(root)) for p in write_source()))
    else: build()
