from pathlib import Path
import readme

root = Path(__file__).resolve().parent.parent


def test_readme_is_generated_from_index():
    assert (root/'README.md').read_text(encoding='utf-8') == readme.render(), \
        'README.md differs from nbs/index.ipynb: edit the notebook, run `make readme`, commit both'


def test_render_keeps_markdown_and_code_and_drops_hidden(tmp_path):
    nb = tmp_path/'nb.ipynb'
    nb.write_text('{"cells": [{"cell_type": "markdown", "source": ["# Title\\n", "> summary"]},'
                  '{"cell_type": "code", "source": ["#| hide\\n", "secret = 1"]}, {"cell_type": "code", "source": ["#|hide\\n", "secret = 2"]},'
                  '{"cell_type": "code", "source": ["#| eval: false\\n", "x = 1"]}]}')
    assert readme.render(nb) == readme.banner + '# Title\n> summary\n\n```python\nx = 1\n```\n'
