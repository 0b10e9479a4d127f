"""Widgets on the course website, where no kernel answers them: each is drawn as HTML.

tools/website_pages.py puts this file's code, then website_live.py's and website_quiz_pad.py's, in a hidden first
cell of every notebook it builds the site from. They change how widgets *display* in that kernel, nothing they compute:

- sliders, menus and check boxes whose figure can be drawn for every position (website_live.py), quizzes and lesson
  7's pad (website_quiz_pad.py) work on the page with no kernel, with tools/site/_static/lessonlib-widgets.js;
- any other widget is drawn once as it starts (sliders at their values, the options of a menu, a progress bar, an
  image), its controls disabled but labelled, with a line saying where to use it live; what `interact` draws for
  the first values is shown under its controls like any other output.

Only the site's build runs this; learners' notebooks are untouched."""
import html as _html
import itertools as _itertools

_ids = _itertools.count(1)


def _attr(v) -> str: return _html.escape(str(v), quote=True)


def new_id(kind='w') -> str:
    "An id no other element of the page has"
    return f'lessonlib-{kind}{next(_ids)}'


def _number(v) -> str: return f'{v:.4g}' if isinstance(v, float) else str(v)


def readout(w, value=None) -> str:
    "A slider's value as its readout shows it (`readout_format`)"
    value = w.value if value is None else value
    fmt = getattr(w, 'readout_format', '')
    try: return format(value, fmt.lstrip('~') or '') if fmt else _number(value)
    except (TypeError, ValueError): return _number(value)


def control_name(w) -> str:
    "What a control is called on the page: its description, else what the widget is"
    return getattr(w, 'description', '') or type(w).__name__


def _label(w, for_id) -> str:
    "A visible label for control `w` (its description); controls without one are labelled with aria-label"
    d = getattr(w, 'description', '')
    return f'<label class="lessonlib-w-label" for="{for_id}">{_html.escape(d)}</label>' if d else ''


def _named(w) -> str:
    "The aria-label of a control with no description"
    return '' if getattr(w, 'description', '') else f' aria-label="{_attr(type(w).__name__)}"'


def static_html(w) -> str:
    "HTML that looks like widget `w` as it is now, with nothing that needs a kernel (its controls disabled)"
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
                f'aria-label="a drawing pad{" with a drawing" if w.strokes else ", empty"}"><rect width="{s}" height="{s}"/><g>{lines}</g></svg>')
    i = new_id()
    if isinstance(w, (W.FloatSlider, W.IntSlider, W.FloatLogSlider)):
        if isinstance(w, W.FloatLogSlider):   # the range input moves along the exponent
            import math
            lo, hi, step, pos = w.min, w.max, w.step, math.log(w.value, w.base)
        else: lo, hi, step, pos = w.min, w.max, w.step, w.value
        return (f'<div class="lessonlib-w-control">{_label(w, i)}<input id="{i}" type="range" min="{_attr(lo)}" max="{_attr(hi)}" '
                f'step="{_attr(step)}" value="{_attr(pos)}" aria-valuetext="{_attr(readout(w))}"{_named(w)} disabled>'
                f'<span class="lessonlib-w-value">{_html.escape(readout(w))}</span></div>')
    if isinstance(w, (W.Dropdown, W.Select)):
        opts = ''.join(f'<option{" selected" if l == w.label else ""}>{_html.escape(str(l))}</option>' for l in w._options_labels)
        return f'<div class="lessonlib-w-control">{_label(w, i)}<select id="{i}"{_named(w)} disabled>{opts}</select></div>'
    if isinstance(w, (W.RadioButtons, W.ToggleButtons)):
        opts = ''.join(f'<label><input type="radio" name="{i}"{" checked" if l == w.label else ""} disabled> {_html.escape(str(l))}</label>'
                       for l in w._options_labels)
        legend = f'<legend class="lessonlib-w-label">{_html.escape(w.description)}</legend>' if w.description else ''
        return f'<fieldset class="lessonlib-w-control lessonlib-w-options">{legend}{opts}</fieldset>'
    if isinstance(w, (W.Checkbox, W.ToggleButton)):
        return (f'<div class="lessonlib-w-control"><input id="{i}" type="checkbox"{" checked" if w.value else ""}{_named(w)} disabled>'
                f'<label for="{i}">{_html.escape(w.description)}</label></div>')
    if isinstance(w, (W.Text, W.Textarea, W.FloatText, W.IntText, W.BoundedFloatText, W.BoundedIntText)):
        return f'<div class="lessonlib-w-control">{_label(w, i)}<input id="{i}" type="text" value="{_attr(w.value)}"{_named(w)} disabled></div>'
    if isinstance(w, W.Button):
        return f'<button class="lessonlib-w-button" disabled>{_html.escape(w.description or name)}</button>'
    if isinstance(w, (W.FloatProgress, W.IntProgress)):
        return (f'<div class="lessonlib-w-control">{_label(w, i)}<progress id="{i}" min="{_attr(w.min)}" max="{_attr(w.max)}" '
                f'value="{_attr(w.value)}"{_named(w)}></progress></div>')
    if isinstance(w, (W.HTML, W.HTMLMath)): return f'<div class="lessonlib-w-html">{w.value}</div>'
    if isinstance(w, W.Label): return f'<span class="lessonlib-w-text">{_html.escape(w.value)}</span>'
    if isinstance(w, W.Image):
        src = f'data:image/{w.format};base64,{base64.b64encode(w.value).decode()}'
        size = ''.join(f' {k}="{_attr(getattr(w, k))}"' for k in ('width', 'height') if getattr(w, k))
        return f'<img class="lessonlib-w-image" src="{src}"{size} alt="">'
    if isinstance(w, W.ValueWidget):
        return f'<div class="lessonlib-w-control">{_label(w, i)}<span id="{i}" class="lessonlib-w-value">{_html.escape(_number(w.value))}</span></div>'
    return f'<span class="lessonlib-w-text">({_html.escape(name)})</span>'


def note_html(text) -> str: return f'<p class="lessonlib-w-note">{text}</p>'


def widget_html(inner, note, classes='', attrs='') -> str:
    return f'<div class="lessonlib-widget {classes}"{attrs}>{inner}{note_html(note)}</div>'
