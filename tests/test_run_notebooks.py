"""The lesson runner (tools/run_notebooks.py) fails a notebook for whatever a learner would see fail, and fails fast;
`--answers` (tools/answers.py) answers each exercise wrongly in every way before its check."""
import asyncio, time
import nbformat, pytest
from queue import Empty
from run_notebooks import run_notebook, poll_in_slices
from answers import blanks, replaced, with_wrong_answers


def notebook(tmp_path, *sources):
    path = tmp_path/'nb.ipynb'
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in sources]), path)
    return path


def test_a_notebook_that_runs_passes(tmp_path):
    ok, secs, msg, lines = run_notebook(notebook(tmp_path, 'x = 1', 'print(x + 1)'))
    assert ok and not msg, msg


def test_an_error_fails_and_names_the_cell(tmp_path):
    ok, secs, msg, lines = run_notebook(notebook(tmp_path, 'x = 1', 'y = x / 0'))
    assert not ok and 'failed at cell 1' in msg and 'ZeroDivisionError' in msg, msg


def test_an_error_that_an_interact_function_shows_fails(tmp_path):
    "ipywidgets catches the error and shows its traceback in the widget: the cell itself succeeds"
    ok, secs, msg, lines = run_notebook(notebook(tmp_path, 'from ipywidgets import interact',
                                                 'def inverse(x=0): return 1 / x\ninteract(inverse, x=(0, 2));'))
    assert not ok and 'failed at cell 1' in msg and 'shows an error: ZeroDivisionError' in msg, msg


def test_a_cell_that_waits_without_computing_fails_fast(tmp_path):
    start = time.monotonic()
    ok, secs, msg, lines = run_notebook(notebook(tmp_path, 'import time', 'time.sleep(120)'), hang=3)
    assert not ok and 'hung: no CPU used for 3 s' in msg and 'still in the cell' in msg, msg
    assert time.monotonic() - start < 60


def test_a_cell_that_computes_too_long_fails_at_its_timeout(tmp_path):
    start = time.monotonic()
    ok, secs, msg, lines = run_notebook(notebook(tmp_path, 'while True: pass'), timeout=3)
    assert not ok and 'longer than the timeout' in msg, msg
    assert time.monotonic() - start < 60


def test_a_reply_seen_late_by_its_wait_is_found_within_a_slice():
    "A shell channel whose wait, like ZeroMQ's after a missed edge, only looks when its timeout ends"
    class Channel:
        def __init__(self): self.ready_at = time.monotonic() + 0.2
        async def get_msg(self, timeout=None):
            await asyncio.sleep(timeout)
            if time.monotonic() >= self.ready_at: return 'reply'
            raise Empty
    ch = Channel()
    poll_in_slices(ch, step=0.1)
    start = time.monotonic()
    assert asyncio.run(ch.get_msg(timeout=30)) == 'reply'
    assert time.monotonic() - start < 2
    never = Channel(); never.ready_at = float('inf')
    poll_in_slices(never, step=0.1)
    with pytest.raises(Empty): asyncio.run(never.get_msg(timeout=0.3))   # and with no reply, the timeout still ends the wait


def test_blanks_are_found_in_code_and_told_apart():
    src = 'from lessonlib.practice import ____\nt = ____\ndef f(x):\n    y = ____   # your code\n    return ____\n'
    assert blanks(src) == [(5, 11, True), (4, 8, True), (2, 4, False)]
    assert replaced(src, 'None', 'VALUE') == 'from lessonlib.practice import ____\nt = VALUE\ndef f(x):\n    y = None   # your code\n    return None\n'
    assert blanks('x = 1  # ____ in a comment') == [] and blanks('print("____")') == []


CHECKER = '''import __main__
____ = object()
class Check:
    "Checks `double`; as careless as a checker can be: it uses the answer's result without looking at it"
    var, _mistakes = 'double', [type('Mistake', (), {'wrong': staticmethod(lambda x: x)})()]
    def _made(self, wrong): return wrong
    def check(self):
        f = getattr(__main__, self.var)
        got = f(2)
        print('Not answered yet' if got is ____ else 'Correct' if got * 2 == 8 else 'Not yet')
q1 = Check()'''


def test_answers_are_inserted_after_each_check():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in (CHECKER, 'def double(x):\n    return ____', 'q1.check()', 'x = 1')])
    answered, n = with_wrong_answers(nb)
    sources = [c.source for c in answered.cells]
    assert n == 4 and len(sources) == 4 + 2*3 + 1
    assert sources[3:9:2] == ['# answered with None\ndef double(x):\n    return None', '# answered with code that raises\ndef double(x):\n    return (1/0)',
                             "# answered with a string\ndef double(x):\n    return 'my answer'"]
    assert sources[4:10:2] == ['q1.check()'] * 3 and 'q1._mistakes' in sources[9] and sources[10] == 'x = 1'


def test_a_check_that_breaks_on_a_wrong_answer_fails_the_notebook(tmp_path):
    path = notebook(tmp_path, CHECKER, 'def double(x):\n    return ____', 'q1.check()', 'x = 1')
    assert run_notebook(path)[0], 'as shipped, the exercise is blank and the check says so'
    ok, secs, msg, lines = run_notebook(path, answers=True)
    assert not ok and "failed at cell 4: 'q1.check()'" in msg and 'TypeError' in msg, msg   # None * 2


def test_a_check_that_takes_any_answer_passes(tmp_path):
    robust = CHECKER.replace('        got = f(2)\n', '        try: got = f(2); got * 2\n        except Exception as e: return print(f"Not yet: {e}")\n')
    ok, secs, msg, lines = run_notebook(notebook(tmp_path, robust, 'def double(x):\n    return ____', 'q1.check()'), answers=True)
    assert ok, msg
    assert lines[0].endswith('4 wrong answers checked'), lines
