"""Widgets on the course website, where no kernel answers them: each is drawn once as plain HTML.

tools/website.py puts this file's code in a hidden first cell of every notebook it builds the site from.
It changes how widgets *display* in that kernel, nothing they compute:

- a displayed widget becomes HTML that shows it as it starts (sliders at their values, the options of a
  menu, a drawing pad's strokes, a progress bar, an image), with a line saying where to use it live;
- what `interact` draws for the sliders' first values (its figure) is shown under its controls like any other
  output, instead of inside an `Output` widget, which a static page cannot show.

Only the site's build runs this; learners' notebooks are untouched."""
import html as _html


def _attr(v) -> str: return _html.escape(str(v), quote=True)


def _label(w) -> str:
    d = getattr(w, 'description', '')
    return f'<span class="lessonlib-w-label">{_html.escape(d)}</span>' if d else ''


def _number(v) -> str: return f'{v:.4g}' if isinstance(v, float) else str(v)


def static_html(w) -> str:
    "HTML that looks like widget `w` as it is now, with nothing that needs a kernel"
    import base64
    import ipywidgets as W
    name = type(w).__name__
    if isinstance(w, W.Output): return ''   # empty here: what it would capture is shown as the cell's own output
    if isinstance(w, W.Box):
        kind = 'row' if isinstance(w, W.HBox) else 'column'
        return (f'<div class="lessonlib-w-box lessonlib-w-{kind}">' + ''.join(static_html(c) for c in w.children) + '</div>')
    if 'strokes' in w.trait_names() and 'size' in w.trait_names():   # a drawing pad: its strokes as lines
        s = w.size
        lines = ''.join(f'<polyline points="{" ".join(f"{x:.1f},{y:.1f}" for x, y in stroke)}"/>' for stroke in w.strokes)
        return (f'<svg class="lessonlib-w-pad" width="{s}" height="{s}" viewBox="0 0 {s} {s}" role="img" '
                f'aria-label="drawing pad"><rect width="{s}" height="{s}"/><g>{lines}</g></svg>')
    if isinstance(w, (W.FloatSlider, W.IntSlider, W.FloatLogSlider)):
        value = _number(w.value)
        if isinstance(w, W.FloatLogSlider):   # the range input moves along the exponent
            import math
            lo, hi, step, pos = w.min, w.max, w.step, math.log(w.value, w.base)
        else: lo, hi, step, pos = w.min, w.max, w.step, w.value
        return (f'<div class="lessonlib-w-control">{_label(w)}<input type="range" min="{_attr(lo)}" max="{_attr(hi)}" '
                f'step="{_attr(step)}" value="{_attr(pos)}" disabled><span class="lessonlib-w-value">{_html.escape(value)}</span></div>')
    if isinstance(w, (W.Dropdown, W.Select)):
        opts = ''.join(f'<option{" selected" if l == w.label else ""}>{_html.escape(str(l))}</option>' for l in w._options_labels)
        return f'<div class="lessonlib-w-control">{_label(w)}<select disabled>{opts}</select></div>'
    if isinstance(w, (W.RadioButtons, W.ToggleButtons)):
        opts = ''.join(f'<label><input type="radio"{" checked" if l == w.label else ""} disabled> {_html.escape(str(l))}</label>'
                       for l in w._options_labels)
        return f'<div class="lessonlib-w-control">{_label(w)}<span class="lessonlib-w-options">{opts}</span></div>'
    if isinstance(w, (W.Checkbox, W.ToggleButton)):
        return f'<div class="lessonlib-w-control"><label><input type="checkbox"{" checked" if w.value else ""} disabled> {_html.escape(w.description)}</label></div>'
    if isinstance(w, (W.Text, W.Textarea, W.FloatText, W.IntText, W.BoundedFloatText, W.BoundedIntText)):
        return f'<div class="lessonlib-w-control">{_label(w)}<input type="text" value="{_attr(w.value)}" disabled></div>'
    if isinstance(w, W.Button):
        return f'<button class="lessonlib-w-button" disabled>{_html.escape(w.description)}</button>'
    if isinstance(w, (W.FloatProgress, W.IntProgress)):
        return (f'<div class="lessonlib-w-control">{_label(w)}<progress min="{_attr(w.min)}" max="{_attr(w.max)}" '
                f'value="{_attr(w.value)}"></progress></div>')
    if isinstance(w, (W.HTML, W.HTMLMath)): return f'<div class="lessonlib-w-html">{w.value}</div>'
    if isinstance(w, W.Label): return f'<span class="lessonlib-w-text">{_html.escape(w.value)}</span>'
    if isinstance(w, W.Image):
        src = f'data:image/{w.format};base64,{base64.b64encode(w.value).decode()}'
        size = ''.join(f' {k}="{_attr(getattr(w, k))}"' for k in ('width', 'height') if getattr(w, k))
        return f'<img class="lessonlib-w-image" src="{src}"{size} alt="">'
    if isinstance(w, W.ValueWidget):
        return f'<div class="lessonlib-w-control">{_label(w)}<span class="lessonlib-w-value">{_html.escape(_number(w.value))}</span></div>'
    return f'<span class="lessonlib-w-text">({_html.escape(name)})</span>'


def use_static_widgets(live: str):
    "From now on this kernel displays widgets as static HTML, ending with `live` (where to use them for real)"
    import ipywidgets as W
    note = f'<p class="lessonlib-w-note">{live}</p>'

    from IPython.display import HTML, display

    def bundle(self, **kwargs):
        return {'text/html': f'<div class="lessonlib-widget">{static_html(self)}{note}</div>',
                'text/plain': f'(a {type(self).__name__} widget: see the web page, or run the notebook)'}
    W.Widget._repr_mimebundle_ = bundle

    def show(self, **kwargs):   # display(w), or `w` at the end of a cell; once, where interact has shown it already
        if not getattr(self, '_site_shown', False): self._site_shown = True; display(HTML(bundle(self)['text/html']))
    W.Widget._ipython_display_ = show

    # `with out:` lets outputs through to the cell, in order, and lets errors stop the cell
    W.Output.__enter__ = lambda self: self
    W.Output.__exit__ = lambda self, *exc: None
    W.Output.clear_output = lambda self, *args, **kwargs: None

    update = W.interactive.update
    def update_once(self, *args):   # interact's drawing: under the cell, no clearing of what came before
        keep, f, failed = self.clear_output, self.f, []
        def recorded(**kwargs):
            try: return f(**kwargs)
            except Exception as e: failed.append(e); raise
        self.clear_output, self.f = False, recorded
        show(self)   # the controls first, then what they draw, as in JupyterLab
        try: update(self, *args)   # it shows an error in the function as a traceback and goes on...
        finally: self.clear_output, self.f = keep, f
        if failed: raise failed[0]   # ...here the cell fails too, and with it the build
    W.interactive.update = update_once
