"""The exercises' checks against answers nobody listed: each wrong answer is judged wrong, each right one correct,
and no check raises. `python tests/test_judge_answers.py` prints the counts and every message instead."""
import importlib, traceback
from collections import Counter
import pytest

from judge_answers import load   # tests/ is on the path: pytest puts a test's folder there, as python does a script's

LESSONS = range(1, 8)

def exercises():
    "Every exercise of the lessons, by the name of what it checks"
    found = {}
    for n in LESSONS:
        mod = importlib.import_module(f'lessonlib.exercises.lesson{n}')
        for obj in vars(mod).values():
            if not isinstance(obj, type) and hasattr(obj, 'var') and hasattr(obj, 'feedback'): found[obj.var] = obj
    return found

ANSWERS = load()
EXERCISES = exercises()

def judge(a):
    "`(kind, text)` the check gives answer `a`; kind is 'raised' if the check itself raised"
    try: fb = EXERCISES[a.var].feedback(a.answer())
    except Exception as e: return 'raised', ''.join(traceback.format_exception_only(type(e), e)).strip()
    return fb.kind, fb.text

def test_every_exercise_has_answers():
    "Each exercise gets at least five wrong answers that its catalogue does not list, and two right ones"
    wrongs = Counter(a.var for a in ANSWERS if not a.right and not a.listed)
    rights = Counter(a.var for a in ANSWERS if a.right)
    assert set(wrongs) == set(EXERCISES) == set(rights)
    assert min(wrongs.values()) >= 5 and min(rights.values()) >= 2

@pytest.mark.parametrize('a', ANSWERS, ids=lambda a: f"{a.var}-{'right' if a.right else 'wrong'}-{a.name}")
def test_answer(a):
    for _ in range(5 if a.hole and not a.value else 1):   # fresh inputs each time: a near miss must fail on every set, not by chance
        kind, text = judge(a)
        assert kind == ('correct' if a.right else 'wrong'), f"{a.var}: {a.name} gets {kind}: {text}"

def report():
    "Print each answer's verdict and message, then the counts: for all answers, and for the first ones alone"
    counts = {'all': Counter(), 'first': Counter()}
    for a in ANSWERS:
        kind, text = judge(a)
        ok = kind == ('correct' if a.right else 'wrong')
        group = 'right' if a.right else 'listed' if a.listed else 'unlisted'
        for name, n in counts.items():
            if name == 'first' and a.late: continue
            n[f'{group} answers'] += 1
            if kind == 'raised': n['check raised'] += 1
            elif ok: n['judged as they should be'] += 1
            elif a.right: n['false "wrong"'] += 1
            else: n['false "Correct"' if kind == 'correct' else f'other ({kind})'] += 1
            if group == 'unlisted' and kind == 'wrong': n['unlisted: message names the problem'] += a.names_problem(text)
            if a.hole: n['near misses that once got the wrong verdict, judged as they should be now'] += ok
        mark = 'ok ' if ok else 'BAD'
        print(f"{mark} {a.var:20} {group:8} {a.name:30} {kind}: {text[:400]!r}")
    print(f"\n{len(ANSWERS)} answers to {len(EXERCISES)} exercises")
    for name, n in counts.items():
        print(f"{name} answers:" if name == 'all' else "the answers written before the first measurement:")
        for k, v in sorted(n.items()): print(f"  {k}: {v}")

if __name__ == '__main__': report()
