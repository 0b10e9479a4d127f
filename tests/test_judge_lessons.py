"""The practice part of each lesson as shipped: every exercise a blank to fill, checked by its own `check()` cell, and every
quiz and exercise of the lesson's practice module used; and the quizzes take the number forms learners type."""
import importlib, json, re
from pathlib import Path
import pytest
from lessonlib.quiz import Quiz

LESSONS = sorted((Path(__file__).parent.parent/'nbs'/'lessons').glob('0*.ipynb'))

def code_cells(path): return [''.join(c['source']) for c in json.loads(path.read_text())['cells'] if c['cell_type'] == 'code']

def practice(path):
    "The lesson's practice module: its exercises and its quizzes, by name"
    mod = importlib.import_module(f'lessonlib.exercises.lesson{int(path.name[:2])}')
    items = {n: v for n, v in vars(mod).items() if n in getattr(mod, '__all__', [])}
    return {n: v for n, v in items.items() if not isinstance(v, Quiz)}, {n: v for n, v in items.items() if isinstance(v, Quiz)}

@pytest.mark.parametrize('path', LESSONS, ids=lambda p: p.stem)
def test_every_exercise_is_a_blank_with_its_check(path):
    cells, (exercises, quizzes) = code_cells(path), practice(path)
    assert exercises and quizzes
    for name, q in exercises.items():
        defining = [c for c in cells if re.search(rf'^(def|class) {q.var}\b|^{q.var} = ', c, re.M)]
        assert defining, f"{path.name}: no cell defines `{q.var}`"
        assert all('____' in c for c in defining), f"{path.name}: `{q.var}` is not left blank as shipped"
        assert any(c.strip() == f'{name}.check()' for c in cells), f"{path.name}: no `{name}.check()` cell"
        assert any(f'# {name}.hint()' in c and f'# {name}.solution()' in c for c in cells), f"{path.name}: no hint/solution cell for {name}"
    for name in quizzes: assert any(c.strip() == name for c in cells), f"{path.name}: the quiz `{name}` is never shown"

@pytest.mark.parametrize('path', LESSONS, ids=lambda p: p.stem)
def test_quizzes_judge_their_answer_and_no_other(path):
    for name, q in practice(path)[1].items():
        q.self_test()
        if q.choices: assert not any(re.search(r'[`*<>$]', c) for c in q.choices), f"{name}: a choice with markup"

@pytest.mark.parametrize('quiz, typed, kind', [
    ('lesson7.quiz_same_scores', '1/3', 'correct'), ('lesson7.quiz_same_scores', '0.33', 'correct'), ('lesson7.quiz_same_scores', '0.3', 'wrong'),
    ('lesson6.quiz_params', '23,581', 'correct'), ('lesson6.quiz_params', '23 581', 'correct'), ('lesson6.quiz_params', '23,580', 'wrong'),
    ('lesson6.quiz_params', '2.36e4', 'wrong'), ('lesson4.quiz_sigmoid', '50%', 'correct'), ('lesson4.quiz_sigmoid', '0,5', 'correct'), ('lesson4.quiz_sigmoid', '0.6', 'wrong'),
    ('lesson4.quiz_batches', '49', 'correct'), ('lesson4.quiz_batches', '48', 'wrong'), ('lesson2.quiz_rmse', '3.54', 'correct'),
    ('lesson2.quiz_rmse', '3.5', 'wrong'), ('lesson7.quiz_guessing_loss', '2.30', 'correct'), ('lesson3.quiz_step', '2,4', 'correct'),
    ('lesson1.quiz_bend', '3/2', 'correct'), ('lesson1.quiz_bend', 'one and a half', 'blank'), ('lesson5.quiz_opt_func', 'BasicOptim, the class', 'correct'),
    ('lesson2.quiz_rmse', '3.531', 'wrong'), ('lesson2.quiz_rmse', '3.536', 'correct'), ('lesson7.quiz_guessing_loss', '2.304', 'wrong'),
    ('lesson7.quiz_guessing_loss', '2.3', 'correct'), ('lesson1.quiz_mse', '1e999', 'blank')])
def test_number_forms(quiz, typed, kind):
    lesson, name = quiz.split('.')
    q = getattr(importlib.import_module(f'lessonlib.exercises.{lesson}'), name)
    assert q.feedback(typed).kind == kind
