"""Answers a learner might give to each exercise of the lessons, to test the checks with.

Each lesson's module registers functions (or classes, models, values) with `@wrong(var, problem)` or `@right(var)`.
`var` is the name the exercise asks for; `problem` is a regular expression for the words a useful message would
use to name what is wrong. They were written as a learner would write them, from the lessons' instructions alone,
before reading the checks; `listed=True` marks those that turned out to make a mistake an exercise's catalogue lists.
`extra.py` holds the unlisted wrong answers written afterwards, so that each exercise has at least five. `holes.py` holds
near misses that once got the wrong verdict (a wrong answer "Correct", a right one refused, or an error), marked `hole=True`:
each is judged on several fresh sets of inputs, so that a check which catches one only by chance fails the test.
"""
import re
from dataclasses import dataclass

@dataclass
class Answer:
    var: str           # the name the exercise asks for
    name: str          # this answer's name, for the test's id
    made: object       # what the learner hands to the check (a function, class, model), or what makes it (a value)
    right: bool        # is it a correct answer?
    problem: str = ''  # for a wrong answer: a regex, case-insensitive, matching a message that names the problem
    value: bool = False  # is `made` called to give the answer (a value, a trained model)?
    listed: bool = False # a wrong answer that makes the very mistake a catalogued one describes (kept, but not counted as unlisted)
    late: bool = False   # written after the first measurement, to have five unlisted wrong answers per exercise
    hole: bool = False   # it once got the wrong verdict: judged on several fresh sets of inputs, so that it stays fixed
    def answer(self):
        "What the learner hands to the check"
        if not self.value: return self.made
        if not hasattr(self, '_value'): self._value = self.made()
        return self._value
    def names_problem(self, text):
        "Whether message `text` names this answer's problem (descriptions of values, which any message may give, left out)"
        text = re.sub(r'(a )?tensor of shape \[[^\]]*\]( \([^)]*\))?|Try `\w+\.hint\(\)`\.', '', text).replace(f'`{self.var}`', '')
        return bool(self.problem) and re.search(self.problem, text, re.I) is not None

ANSWERS = []

_late = False   # set while extra.py registers

def _add(var, right, problem, value, listed=False, hole=False):
    def deco(f):
        ANSWERS.append(Answer(var, f.__name__, f, right, problem, value, listed, _late, hole))
        return f
    return deco

def wrong(var, problem, value=False, listed=False, hole=False):
    "Register a wrong answer to `var`; with `value=True` the function is called (once, when needed) and its result is the answer"
    return _add(var, False, problem, value, listed, hole)

def right(var, value=False, hole=False):
    "Register a correct answer to `var`, written differently from the exercise's own solution"
    return _add(var, True, '', value, hole=hole)

def load():
    "Every answer of every lesson"
    global _late
    from . import lesson1, lesson2, lesson3, lesson4, lesson5, lesson6, lesson7   # noqa: F401 (they register)
    _late = True
    from . import extra, holes   # noqa: F401
    return ANSWERS
