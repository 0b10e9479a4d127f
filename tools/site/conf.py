# Sphinx's configuration of the course website. tools/website.py builds with it (`sphinx-build -c tools/site`);
# the pages come from _site/src, which it writes. Project settings come from settings.ini (nbdev's get_config).
import sys
from pathlib import Path
here = Path(__file__).resolve().parent
sys.path[:0] = [str(here.parent), str(here)]   # tools/ and this folder (mathml.py): Sphinx runs conf.py, not Python
from website_pages import ASSETS, BASE_URL, CACHE, cfg

project = cfg.title
author = cfg.author
copyright = cfg.copyright
extensions = ['myst_nb', 'mathml']
html_math_renderer = 'mathml'   # maths as MathML, written at build time (mathml.py): no MathJax from a CDN
source_suffix = {'.ipynb': 'myst-nb'}
exclude_patterns = ['**.ipynb_checkpoints']
root_doc = 'index'
language = 'en'
html_theme = 'sphinx_book_theme'
html_title = project
html_baseurl = BASE_URL
templates_path = ['_templates']
html_static_path = ['_static', str(ASSETS)]   # the stylesheet and the widgets' JavaScript; what the notebooks' widgets wrote
html_css_files = ['lessonlib.css']
html_js_files = [('lessonlib-widgets.js', {'type': 'module'})]
html_show_sourcelink = False
html_theme_options = dict(
    repository_url=cfg.git_url.rstrip('/'), repository_branch=cfg.branch, path_to_docs=Path(cfg.nbs_path).name,
    use_repository_button=True, home_page_in_toc=True, show_navbar_depth=1,
    launch_buttons=dict(colab_url='https://colab.research.google.com', notebook_interface='jupyterlab'))
nitpicky = True
myst_enable_extensions = ['dollarmath', 'amsmath', 'colon_fence', 'html_image']
myst_heading_anchors = 3
nb_execution_mode = 'cache'
nb_execution_cache_path = str(CACHE)
nb_execution_raise_on_error = True
nb_execution_show_tb = True
nb_execution_timeout = 1800
nb_merge_streams = True
nb_ipywidgets_js = {}   # no widget JavaScript from a CDN: the widgets are drawn by the site's own (tools/website_widgets.py)
