"""Quizzes and lesson 7's drawing pad that work with no kernel (run in each page's kernel, after website_widgets.py and
website_live.py; `use_static_widgets`, at the end, puts all of them in place):

- a quiz (lessonlib.practice.Quiz): its choices or number box and Check button, with the feedback for every answer;
- lesson 7's pad (lessonlib.pad.DigitPad): the canvas, what the net sees and its probabilities, computed in the
  browser by lessonlib.pad's JavaScript with the weights of the model it was given, shipped beside the page."""
import hashlib as _hashlib, shutil as _shutil

def quiz_html(q) -> str:
    "A quiz (lessonlib.practice.Quiz) that says right or wrong on the page: its feedback for every answer, drawn here"
    box = q.widget()   # the notebook's own widget: its question and its choices or number box
    question, pick = box.children[0].value, box.children[1]
    wid, fb = new_id('q'), lambda v: q.feedback(v)._repr_html_()
    if q.choices is not None:
        options = ''.join(f'<label class="lessonlib-quiz-choice"><input type="radio" name="{wid}" value="{k}"> {_html.escape(str(c))}</label>'
                          for k, c in enumerate(q.choices))
        field = f'<fieldset class="lessonlib-quiz-field"><legend>{question}</legend>{options}</fieldset>'
        answers = dict(choices=[fb(c) for c in q.choices], blank=fb(None))
    else:   # a number, judged in the browser as Quiz judges it (lessonlib-python.js's quizAccepts): the feedback
            # for a right and for a wrong number, with where the text typed goes
        wrong, typo = '987654.321', 'zqxj'
        assert q.feedback(wrong).kind == 'wrong', q.question
        answers = dict(right=q.right, decimals=q.decimals, correct=fb(str(q.right)), blank=fb(''),
                       wrong=fb(wrong).replace(wrong, '{}', 1), nan=fb(typo).replace(typo, '{}'))
        field = (f'<div class="lessonlib-quiz-question" id="{wid}-q">{question}</div><div class="lessonlib-w-control">'
                 f'<label class="lessonlib-w-label" for="{wid}-n">answer:</label><input id="{wid}-n" type="text" inputmode="decimal" '
                 f'placeholder="{_html.escape(pick.placeholder)}" aria-describedby="{wid}-q"></div>')
    return widget_html(f'{field}<button type="button" class="lessonlib-w-button lessonlib-quiz-check">Check</button>'
                       f'<div class="lessonlib-quiz-feedback" aria-live="polite"></div>',
                       'Checked in your browser. ' + _site.note, 'lessonlib-quiz', f' id="{wid}" data-answers="{_json_attr(answers)}"')


def _trained_on() -> str:
    "Which data the lesson's models learned from, as this build found it"
    try:
        from lessonlib.data import MNIST, find_data, is_offline_sample
        offline = is_offline_sample(find_data(MNIST))
    except Exception: return ''
    return (' It learned from the <b>offline sample</b> of MNIST (4,000 training images): the full MNIST was not '
            'available when this site was built, and a net trained on all 60,000 reads digits better.' if offline else
            ' It learned from the full MNIST training set, 60,000 images.')


def pad_html(pad):
    "lesson 7's pad, working in the browser with the weights of its model, or None where that model cannot go there"
    from lessonlib.pad import browser_net
    folder, url = _assets(_site.doc)
    try: spec, data = browser_net(pad.model)
    except ValueError: return None
    if folder is None: return None
    name = f'net-{_hashlib.sha256(data).hexdigest()[:12]}.bin'
    folder.mkdir(parents=True, exist_ok=True)
    (folder/name).write_bytes(data)
    wid, n = new_id('pad'), sum(l.get('inputs', 0) * l.get('outputs', 0) + l.get('outputs', 0) for l in spec['layers'])
    bars = ''.join(f'<div class="lessonlib-pad-bar"><label for="{wid}-p{d}">{d}</label><progress id="{wid}-p{d}" class="lessonlib-prob-{d}" '
                   f'max="1" value="0"></progress><span class="lessonlib-pad-pct"></span></div>' for d in range(10))
    inner = (f'<div class="lessonlib-pad-row"><div class="lessonlib-pad-draw"><div class="lessonlib-pad-canvas"></div>'
             f'<button type="button" class="lessonlib-w-button lessonlib-clear">Clear</button></div>'
             f'<div class="lessonlib-pad-seen"><p id="{wid}-seen">what the net sees</p>'
             f'<canvas class="lessonlib-pad-preview" width="112" height="112" role="img" aria-labelledby="{wid}-seen"></canvas>'
             f'<p class="lessonlib-verdict" aria-live="polite">draw a digit on the left</p></div>'
             f'<div class="lessonlib-pad-bars" role="group" aria-label="the probability the net gives each digit">{bars}</div></div>'
             '<p class="lessonlib-pad-keys">With the keyboard: press Tab to reach the pad, then the arrow keys move the pen '
             '(Home, End, Page Up, Page Down diagonally; with Shift in smaller steps) and Space puts it down or lifts it.</p>')
    note = (f'Everything here runs in your browser, with the model given to the pad: its {n:,} weights and biases '
            f'({len(data) // 1024} KB) were saved beside this page when the site was built.{_trained_on()} ' + _site.note)
    return widget_html(inner, note, 'lessonlib-pad-live',
                       f' id="{wid}" data-net="{_json_attr(spec)}" data-net-src="{url}{name}" data-pen="{pad.pen}" data-size="{pad.canvas.size}"')


def use_static_widgets(note: str, doc: str):
    """From now on this kernel displays widgets as HTML that works without a kernel where it can (`doc`: the page),
    else as a picture of the widget, each ending with `note` (where to use them with Python)"""
    import ipywidgets as W
    from IPython import get_ipython
    from IPython.display import HTML, display
    _site.note, _site.doc = note, doc
    folder, _ = _assets(doc)
    if folder is not None: _shutil.rmtree(folder, ignore_errors=True)   # this page's files are all written again
    def roll(*args): _site.alt_now, _site.alt_next = _site.alt_next, None   # an alt text holds for the cell after its hidden cell
    get_ipython().events.register('post_run_cell', roll)

    def picture(self):
        return widget_html(static_html(self), 'A picture of the widget as it starts. ' + note)

    def bundle(self, **kwargs):
        live = pad_html(self) if type(self).__name__ == 'DigitPad' and hasattr(self, 'model') else None
        return {'text/html': live or picture(self),
                'text/plain': f'(a {type(self).__name__} widget: see the web page, or run the notebook)'}
    W.Widget._repr_mimebundle_ = bundle

    def show(self, **kwargs):   # display(w), or `w` at the end of a cell; once, where interact has shown it already
        if not getattr(self, '_site_shown', False): self._site_shown = True; display(HTML(bundle(self)['text/html']))
    W.Widget._ipython_display_ = show

    try:
        from lessonlib.practice import Quiz
        Quiz._ipython_display_ = lambda self: display(HTML(quiz_html(self)))
    except ImportError: pass

    # `with out:` lets outputs through to the cell, in order, and lets errors stop the cell
    W.Output.__enter__ = lambda self: self
    W.Output.__exit__ = lambda self, *exc: None
    W.Output.clear_output = lambda self, *args, **kwargs: None

    update = W.interactive.update
    def update_once(self, *args):   # interact's drawing: under the cell, no clearing of what came before
        if not getattr(self, '_site_shown', False):
            live = interact_html(self)
            if live is not None:   # the controls and every figure they give, working on the page
                self._site_shown = True
                display(HTML(live))
                return
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
