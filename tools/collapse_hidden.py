"""Collapse the `#| hide` cells of the lessons in JupyterLab, so that checks of the notebook stay out of the reading path.

Sets each hidden cell's metadata `jupyter.source_hidden` (kept by nbdev_clean: settings.ini's
`allowed_cell_metadata_keys`), and takes it off cells that are no longer hidden. A learner still
sees a collapsed cell's outline and can open it with a click.

    python tools/collapse_hidden.py            fix every lesson
    python tools/collapse_hidden.py --check    fail if a lesson needs fixing"""
import json, sys
from pathlib import Path
from nbcells import is_hidden

root = Path(__file__).resolve().parent.parent
lessons = sorted((root/'nbs'/'lessons').glob('[0-9]*.ipynb'))


def collapsed(nb_json) -> bool:
    "Set `jupyter.source_hidden` on exactly the hidden code cells of `nb_json`; return whether anything changed"
    changed = False
    for cell in nb_json['cells']:
        want, meta = cell['cell_type'] == 'code' and is_hidden(cell), cell.setdefault('metadata', {})
        if bool(meta.get('jupyter', {}).get('source_hidden')) == want: continue
        changed = True
        if want: meta.setdefault('jupyter', {})['source_hidden'] = True
        else:
            meta['jupyter'].pop('source_hidden')
            if not meta['jupyter']: del meta['jupyter']
    return changed


if __name__ == '__main__':
    bad = []
    for nb in lessons:
        j = json.loads(nb.read_text(encoding='utf-8'))
        if not collapsed(j): continue
        if '--check' in sys.argv: bad.append(nb.name); continue
        nb.write_text(json.dumps(j, indent=1, ensure_ascii=False) + '\n', encoding='utf-8')
        print(f'collapsed the hidden cells of {nb.relative_to(root)}')
    if bad: sys.exit(f"lessons with `#| hide` cells not collapsed (or collapsed cells not hidden): {', '.join(bad)}. "
                     "Run `make export` (or `python tools/collapse_hidden.py`).")
