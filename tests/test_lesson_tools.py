"The tools that keep checks out of a lesson's reading path: the share of visible test lines, and collapsed hidden cells."
import collapse_hidden, test_share


def code(src, **meta): return {'cell_type': 'code', 'source': src, 'metadata': meta}


def test_test_lines_are_asserts_and_fastcore_tests_at_any_depth():
    src = 'x = 1\nassert x == 1\ntest_eq(x,\n        1)\nfor i in range(2):\n    test_close(i, i)\nwith ctx():\n    fastcore.test.test_fail(f)\nprint(x)\nfrom fastcore.test import *'
    assert test_share.test_lines(src) == {2, 3, 4, 6, 8, 10}
    assert test_share.test_lines('%timeit f()') == set()


def test_share_counts_only_what_a_learner_sees(tmp_path, monkeypatch):
    cells = [code('#| hide\ntest_eq(1, 1)\nassert True'), code('x = 1\n\ny = 2\nassert x < y'), {'cell_type': 'markdown', 'source': 'assert'}]
    monkeypatch.setattr(test_share, 'cells', lambda nb: cells)
    assert test_share.share('nb.ipynb') == (3, 1)


def test_hidden_cells_are_collapsed_and_only_they():
    nb = {'cells': [code('#| hide\ntest_eq(1, 1)'), code('x = 1', jupyter={'source_hidden': True}), code('#|hide\ny = 2'),
                    {'cell_type': 'markdown', 'source': '#| hide', 'metadata': {}}]}
    assert collapse_hidden.collapsed(nb)
    assert [c['metadata'].get('jupyter', {}).get('source_hidden', False) for c in nb['cells']] == [True, False, True, False]
    assert 'jupyter' not in nb['cells'][1]['metadata']
    assert not collapse_hidden.collapsed(nb), 'a second pass changes nothing'


def test_notebooks_are_counted_when_two_workers_print_on_one_line(capsys):
    import count_notebooks
    out = ['Starting /p/nbs/index.ipynbStarting /p/nbs/lessons/01_a.ipynb\n', 'Starting /p/nbs/lessons/02_b.ipynb\n',
           '- Completed /p/nbs/index.ipynb\n', '- Completed /p/nbs/lessons/01_a.ipynb\n']   # 02_b's worker died
    started, failed = count_notebooks.count(out)
    assert started == ['index.ipynb', '01_a.ipynb', '02_b.ipynb'] and failed == {'02_b.ipynb'}
    assert capsys.readouterr().out == ''.join(out)
    listed = ['Starting /p/a.ipynb\n', 'nbdev Tests Failed On The Following Notebooks:\n', '\t/p/a.ipynb\n']
    assert count_notebooks.count(listed)[1] == {'a.ipynb'}   # named once, though listed and never completed
