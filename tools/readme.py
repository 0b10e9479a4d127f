"""Write README.md from nbs/index.ipynb (the course home page), or with --check, fail if they differ.

nbdev's own `nbdev_readme` needs Quarto; this does the same job for our one page: markdown cells
are copied, code cells become Python blocks, and cells marked `#| hide` are left out."""
import sys
from pathlib import Path
from nbcells import cells, code_lines, is_hidden, source

root = Path(__file__).resolve().parent.parent
index, readme = root/'nbs'/'index.ipynb', root/'README.md'
banner = '<!-- README.md is generated from nbs/index.ipynb by tools/readme.py: edit the notebook, then run `make readme`. -->\n\n'

def render(nb_path=index) -> str:
    parts = []
    for cell in cells(nb_path):
        src = source(cell).strip()
        if not src or is_hidden(cell): continue
        if cell['cell_type'] == 'markdown':   # links are relative to nbs/ in the notebook, to the root here
            parts.append(src.replace('](lessons/', '](nbs/lessons/').replace('](library/', '](nbs/library/').replace('](practice/', '](nbs/practice/'))
        elif cell['cell_type'] == 'code':
            parts.append('```python\n' + '\n'.join(code_lines(cell)).strip('\n') + '\n```')
    return banner + '\n\n'.join(parts) + '\n'

if __name__ == '__main__':
    text = render()
    if '--check' in sys.argv:
        if readme.read_text(encoding='utf-8') != text:
            sys.exit('README.md is out of date with nbs/index.ipynb: run `make readme` and commit README.md.')
        print('README.md matches nbs/index.ipynb')
    else:
        readme.write_text(text, encoding='utf-8')
        print(f'wrote {readme.relative_to(root)}')
