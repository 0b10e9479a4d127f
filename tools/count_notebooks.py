"""Pass `nbdev_test --do_print` output through, then end with one line: `notebooks: N passed, M failed`.

    nbdev_test --do_print ... 2>&1 | python tools/count_notebooks.py

A notebook that started and never completed (its worker died) counts as failed, as do those
in nbdev_test's list of failures. Exits 1 if any failed or none ran."""
import re, sys
from pathlib import Path

started, completed, failed, in_list = [], set(), set(), False
for line in sys.stdin:
    sys.stdout.write(line); sys.stdout.flush()
    text = line.strip()
    if m := re.fullmatch(r'Starting (.+\.ipynb)', text): started.append(Path(m[1]).name)
    elif m := re.fullmatch(r'- Completed (.+\.ipynb)', text): completed.add(Path(m[1]).name)
    elif 'nbdev Tests Failed On The Following Notebooks' in text: in_list = True
    elif in_list and line.startswith('\t') and text.endswith('.ipynb'): failed.add(text)
failed |= set(started) - completed
print(f'notebooks: {len(started) - len(failed)} passed, {len(failed)} failed' + (f' ({", ".join(sorted(failed))})' if failed else ''))
if not started: print('no notebook ran: see the output above')
sys.exit(1 if failed or not started else 0)
