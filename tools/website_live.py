"""Sliders and menus that work with no kernel: `interact` on the website (run in each page's kernel, after
website_widgets.py and before website_quiz_pad.py).

An interact gets its figure for every position of its controls, when there are few enough (MAX_POSITIONS, drawn in
at most MAX_SECONDS): each drawn here by the notebook's own function and shipped beside the page as an image, which
the page shows as the reader moves the controls. A function the page can compute itself (LIVE_FIGURES, written in
tools/site/_static/lessonlib-figures.js) gets its figure drawn here once as SVG, which the browser redraws for each
position, and `SAMPLES` positions drawn here too, which the site check compares with the browser's drawing.

Files go to $LESSONLIB_SITE_ASSETS/lessonlib/<page>/ (tools/website.py has Sphinx copy them into the site's _static/)."""
import contextlib as _contextlib, io as _io, json as _json, os as _os, random as _random, re as _re, sys as _sys
import time as _time, types as _types
from pathlib import Path as _Path

LIVE_FIGURES = ('fit_by_hand', 'plot_relu', 'plot_double_relu')   # interact functions the browser draws
MAX_POSITIONS = 160
MAX_SECONDS = 60
SAMPLES = 6

_site = _types.ModuleType('_lessonlib_site')   # what the page's hidden cells talk to: the alt text of the next figure
_site.alt_next = _site.alt_now = None
_sys.modules['_lessonlib_site'] = _site


def _json_attr(x) -> str: return _attr(_json.dumps(x, separators=(',', ':')))


def positions(w):
    "`[(value, label), ...]` for each position of control `w`, or None for a control with no list of positions"
    import ipywidgets as W
    if isinstance(w, W.Checkbox): return [(False, 'off'), (True, 'on')]
    if isinstance(w, (W.Dropdown, W.RadioButtons, W.ToggleButtons, W.Select)):
        return [(v, str(l)) for l, v in zip(w._options_labels, w._options_values)]
    if isinstance(w, W.IntSlider): values = list(range(w.min, w.max + 1, w.step))
    elif isinstance(w, (W.FloatSlider, W.FloatLogSlider)):
        steps = [float(f'{w.min + k*w.step:.12g}') for k in range(round((w.max - w.min) / w.step) + 1)]
        values = [w.base ** s for s in steps] if isinstance(w, W.FloatLogSlider) else steps
    else: return None
    return [(v, readout(w, v)) for v in values]


def _start(w, ps) -> int:
    "The position of control `w`'s value among its positions `ps`"
    import math
    if not isinstance(w.value, (int, float)) or isinstance(w.value, bool): return [v for v, _ in ps].index(w.value)
    key = (lambda v: math.log(v)) if type(w).__name__ == 'FloatLogSlider' else (lambda v: v)
    return min(range(len(ps)), key=lambda k: abs(key(ps[k][0]) - key(w.value)))


def _controls_html(controls, ps, starts, wid) -> str:
    "The controls of an interact, each labelled, usable with the mouse and the keyboard"
    import ipywidgets as W
    parts = []
    for n, (w, p, k) in enumerate(zip(controls, ps, starts)):
        i, name = f'{wid}-c{n}', _html.escape(control_name(w))
        if isinstance(w, W.Checkbox):
            parts.append(f'<div class="lessonlib-w-control"><input id="{i}" type="checkbox"{" checked" if k else ""}>'
                         f'<label for="{i}">{name}</label></div>')
        elif isinstance(w, (W.Dropdown, W.RadioButtons, W.ToggleButtons, W.Select)):
            opts = ''.join(f'<option value="{j}"{" selected" if j == k else ""}>{_html.escape(l)}</option>' for j, (_, l) in enumerate(p))
            parts.append(f'<div class="lessonlib-w-control"><label class="lessonlib-w-label" for="{i}">{name}</label>'
                         f'<select id="{i}">{opts}</select></div>')
        else:
            parts.append(f'<div class="lessonlib-w-control"><label class="lessonlib-w-label" for="{i}">{name}</label>'
                         f'<input id="{i}" type="range" min="0" max="{len(p) - 1}" step="1" value="{k}" '
                         f'aria-valuetext="{_attr(p[k][1])}" data-labels="{_json_attr([l for _, l in p])}">'
                         f'<output for="{i}" class="lessonlib-w-value">{_html.escape(p[k][1])}</output></div>')
    return '<div class="lessonlib-w-box lessonlib-w-column">' + ''.join(parts) + '</div>'


@_contextlib.contextmanager
def _same_random_state():
    "Drawing every position must not change what later cells get from the random number generators"
    import numpy as np, torch
    states = torch.get_rng_state(), np.random.get_state(), _random.getstate()
    try: yield
    finally: torch.set_rng_state(states[0]); np.random.set_state(states[1]); _random.setstate(states[2])


def _figure(f, kwargs):
    "Call interact's function `f` with `kwargs`: the one figure it draws, or None if it draws another number or prints"
    import warnings
    import matplotlib.pyplot as plt
    before, out = set(plt.get_fignums()), _io.StringIO()
    with _contextlib.redirect_stdout(out), warnings.catch_warnings():
        warnings.simplefilter('ignore')   # the page shows the first position's warnings, under the cell
        f(**kwargs)
    new = [plt.figure(n) for n in plt.get_fignums() if n not in before]
    if len(new) == 1 and not out.getvalue(): return new[0]
    for fig in new: plt.close(fig)
    return None


def _png(fig) -> bytes:
    "The figure as the notebook shows it (IPython's inline backend's settings)"
    import matplotlib.pyplot as plt
    from IPython.core.pylabtools import print_figure
    from matplotlib_inline.backend_inline import InlineBackend
    try: return print_figure(fig, 'png', **InlineBackend.instance().print_figure_kwargs)
    finally: plt.close(fig)


def _assets(doc):
    "The folder for page `doc`'s files, and its address from the page (None where the build gives no folder)"
    base = _os.environ.get('LESSONLIB_SITE_ASSETS')
    if not base: return None, None
    return _Path(base)/'lessonlib'/doc, '../' * doc.count('/') + f'_static/lessonlib/{doc}/'


def _kwargs(self, values):
    "interact's arguments for the controls' `values` (and its `fixed` ones)"
    import ipywidgets as W
    kw, it = {}, iter(values)
    for w in self.kwargs_widgets: kw[w._kwarg] = next(it) if isinstance(w, W.DOMWidget) else w.value
    return kw


def _images(self, controls, ps, starts, wid, doc):
    "Draw the figure of every position into the page's folder: the widget's HTML, or None if that is not practical"
    import itertools, math
    folder, url = _assets(doc)
    n = math.prod(len(p) for p in ps)
    if folder is None or n > MAX_POSITIONS: return None
    files, t = [], _time.time()
    with _same_random_state():
        for k, combo in enumerate(itertools.product(*ps)):
            fig = _figure(self.f, _kwargs(self, [v for v, _ in combo]))
            if fig is None or (k == 2 and (_time.time() - t) / 3 * n > MAX_SECONDS):
                if fig is not None: _png(fig)
                for p in files: p.unlink()
                return None
            files.append(folder/f'{wid}-{k}.png')
            files[-1].parent.mkdir(parents=True, exist_ok=True)
            files[-1].write_bytes(_png(fig))
    start = sum(k * math.prod(len(p) for p in ps[i+1:]) for i, k in enumerate(starts))
    srcs = [url + p.name for p in files]
    alt = _site.alt_now or ''
    return widget_html(
        _controls_html(controls, ps, starts, wid) +
        f'<img class="lessonlib-w-figure" src="{srcs[start]}" alt="{_attr(alt)}" data-alt="{_attr(alt)}" data-srcs="{_json_attr(srcs)}">',
        'Each position of the controls shows the figure the notebook draws for it, drawn when this page was built. ' + _site.note,
        'lessonlib-interact', f' id="{wid}" data-mode="images"')


def _axes_data(fig):
    "What a figure's axes show: lines, scattered points, title and limits, as numbers"
    return dict(axes=[dict(lines=[l.get_xydata().tolist() for l in ax.lines], points=[c.get_offsets().tolist() for c in ax.collections],
                           title=ax.get_title(), xlim=list(ax.get_xlim()), ylim=list(ax.get_ylim())) for ax in fig.axes],
                suptitle=fig._suptitle.get_text() if fig._suptitle else '')


def _svg(fig, wid):
    "The figure as SVG (its text as text), with ids of its own, and the map from each axes' data to SVG coordinates"
    import matplotlib as mpl, matplotlib.pyplot as plt
    from matplotlib_inline.backend_inline import InlineBackend
    maps = []
    for a, ax in enumerate(fig.axes):
        for j, line in enumerate(ax.lines): line.set_gid(f'{wid}-a{a}-l{j}')
        ax.title.set_gid(f'{wid}-a{a}-title')
    def grab(event):   # during the SVG's own drawing, where the figure's transforms are those of the file
        maps.clear()
        for ax in fig.axes:
            (x0, y0), (x1, y1) = ax.transData.transform([(0, 0), (1, 1)])
            maps.append(dict(sx=x1 - x0, tx=x0, sy=y0 - y1, ty=event.renderer.height - y0))
    cid = fig.canvas.mpl_connect('draw_event', grab)
    buf = _io.StringIO()
    try:
        with mpl.rc_context({'svg.fonttype': 'none', 'path.simplify': False, 'svg.hashsalt': wid}):
            fig.savefig(buf, format='svg', **InlineBackend.instance().print_figure_kwargs)
    finally: fig.canvas.mpl_disconnect(cid); plt.close(fig)
    svg = buf.getvalue()
    svg = svg[svg.index('<svg'):]
    for i in sorted(set(_re.findall(r'id="([^"]+)"', svg)) - {g for g in _re.findall(r'id="([^"]+)"', svg) if g.startswith(wid)}, key=len, reverse=True):
        svg = _re.sub(rf'(id="|#){_re.escape(i)}(?=["\)])', rf'\g<1>{wid}-{i}', svg)   # ids unique on the page
    return svg, maps


def _live(self, controls, ps, starts, wid):
    "The figure as SVG, redrawn in the browser by lessonlib-figures.js; None if the function draws other than one figure"
    import matplotlib.pyplot as plt
    with _same_random_state():
        fig = _figure(self.f, _kwargs(self, [p[k][0] for p, k in zip(ps, starts)]))
        if fig is None: return None
        data = _axes_data(fig)
        svg, maps = _svg(fig, wid)
        rng, samples = _random.Random(wid), []
        for _ in range(SAMPLES):   # positions drawn here too: the site check compares them with the browser's drawing
            values = [p[rng.randrange(len(p))][0] for p in ps]
            sample = _figure(self.f, _kwargs(self, values))
            if sample is None: return None
            samples.append(dict(values=values, **_axes_data(sample)))
            plt.close(sample)
    alt = _site.alt_now or ''
    svg = svg.replace('<svg ', f'<svg role="img" aria-label="{_attr(alt)}" data-alt="{_attr(alt)}" class="lessonlib-w-figure" ', 1)
    spec = dict(name=self.f.__name__, names=[w._kwarg for w in controls], values=[[v for v, _ in p] for p in ps],
                maps=maps, start=data, samples=samples)
    blob = _json.dumps(spec).replace('</', '<\\/')   # inside <script>
    return widget_html(
        _controls_html(controls, ps, starts, wid) + svg + f'<script type="application/json" class="lessonlib-figure-data">{blob}</script>',
        'Your browser redraws the figure for each position of the controls, with the formulas of the notebook\'s '
        f'function (<code>{_html.escape(self.f.__name__)}</code>). ' + _site.note,
        'lessonlib-interact', f' id="{wid}" data-mode="live" data-figure="{_attr(self.f.__name__)}"')


def interact_html(self):
    "An interact that works on the page, live or from images, or None where it cannot"
    import ipywidgets as W
    controls = [w for w in self.kwargs_widgets if isinstance(w, W.DOMWidget)]
    ps = [positions(w) for w in controls]
    if not controls or None in ps or self.manual: return None
    starts, wid = [_start(w, p) for w, p in zip(controls, ps)], new_id('i')
    if self.f.__name__ in LIVE_FIGURES: return _live(self, controls, ps, starts, wid)
    return _images(self, controls, ps, starts, wid, _site.doc)

