"""Pass `nbdev_test --do_print` output through, then end with one line: `notebooks: N passed, M failed`.

    nbdev_test --do_print ... 2>&1 | python tools/count_notebooks.py

A notebook that started and never completed (its worker died) counts as failed, as do those
in nbdev_test's list of failures. Workers print at once, so two notes may share a line.
Exits 1 if any failed or none ran."""
import re, sys
from pathlib import Path


def count(lines):
    "Pass `lines` through to stdout; return (names of the notebooks started, names of those that failed)"
    started, completed, failed, in_list = [], set(), set(), False
    for line in lines:
        sys.stdout.write(line); sys.stdout.flush()
        started += [Path(m).name for m in re.findall(r'Starting (\S+?\.ipynb)', line)]
        completed |= {Path(m).name for m in re.findall(r'- Completed (\S+?\.ipynb)', line)}
        if 'nbdev Tests Failed On The Following Notebooks' in line: in_list = True
        elif in_list and line.startswith('\t') and line.strip().endswith('.ipynb'): failed.add(Path(line.strip()).name)
    return started, failed | (set(started) - completed)


if __name__ == '__main__':
    started, failed = count(sys.stdin)
    print(f'notebooks: {len(started) - len(failed)} passed, {len(failed)} failed' + (f' ({", ".join(sorted(failed))})' if failed else ''))
    if not started: print('no notebook ran: see the output above')
    sys.exit(1 if failed or not started else 0)
