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
