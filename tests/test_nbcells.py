"`#|` directives are read once, by nbdev's parser, with settings.ini's tst_flags: every spelling nbdev accepts counts."
import json
import pytest
import nbcells


def code(src): return {'cell_type': 'code', 'source': src}


@pytest.mark.parametrize('src', ['#| slow\nfit()', '#|slow\nfit()', '# | slow\nfit()', '#| hide\n#| slow\nfit()'])
def test_slow_in_every_spelling_is_skipped(src):
    assert nbcells.skip_reason(code(src)) == '#| slow'
    assert nbcells.skip_reason(code(src), force_flags=['slow']) is None


def test_what_else_is_skipped_or_run():
    assert nbcells.skip_flags() == ['slow']            # from settings.ini
    assert nbcells.skip_reason(code('#| eval: false\nx = 1')) == '#| eval: false'
    assert nbcells.skip_reason(code('#|eval:false\nx = 1')) == '#| eval: false'
    assert nbcells.skip_reason(code('import nbdev; nbdev.nbdev_export()')) == 'nbdev_export'
    assert nbcells.skip_reason({'cell_type': 'markdown', 'source': '#| slow'}) == 'not code'
    assert nbcells.skip_reason(code('x = 1\n#| slow')) is None   # a directive only counts at the top


def test_hidden_and_first_line():
    assert nbcells.is_hidden(code('#|hide\nx = 1')) and not nbcells.is_hidden(code('x = 1  #| hide'))
    assert nbcells.first_code_line(code('#| hide\n\nfrom x import y\nz')) == 'from x import y'
    assert nbcells.code_lines(code('#| export\ndef f(): pass')) == ['def f(): pass']


def test_flagged_notebooks(tmp_path):
    nb = tmp_path/'nb.ipynb'
    nb.write_text(json.dumps({'cells': [code(['#|slow\n', 'train()'])]}))
    assert nbcells.flagged(nb, ['slow']) and not nbcells.flagged(nb, ['cuda'])
    assert all(nb.suffix == '.ipynb' for nb in nbcells.notebooks())
    assert any(nbcells.flagged(nb, ['slow']) for nb in nbcells.notebooks()), 'lesson 6 trains a ResNet in slow cells'
