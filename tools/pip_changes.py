"""A platform's packages as CI installs them, and what installing lessonlib changed in them.

    python tools/pip_changes.py --installable PINS.txt       the pins as pip installs them here
    python tools/pip_changes.py PINS.txt BEFORE.txt AFTER.txt

PINS.txt is a pip requirements file of `name==version` lines (checks/pins/colab.txt, kaggle.txt): the
platform's own versions. Here, torch and torchvision are CI's (checks/torch.txt, the only PyTorch on the CI
machine) in place of the platform's. The second form prints every package that pip added, removed, upgraded
or downgraded, then fails (exit 1) if the pinned versions were not what the venv held before, or if any pinned
package changed: the promise of the lessons' setup cell is that Colab's and Kaggle's own packages are kept."""
import re, sys
from pathlib import Path

CI_TORCH = Path(__file__).resolve().parent.parent/'checks'/'torch.txt'


def canonical(name) -> str:
    "A package name as pip compares them (PEP 503): `PyYAML`, `jupyter_client` -> `pyyaml`, `jupyter-client`"
    return re.sub(r'[-_.]+', '-', name).lower()


def read_freeze(text) -> dict:
    "`pip freeze` output as {name: version}; a package installed from a file or URL maps to that location"
    pkgs = {}
    for line in text.splitlines():
        line = line.split('#')[0].strip()
        if not line or line.startswith('-'): continue
        name, sep, ver = line.partition('==')
        if not sep: name, _, ver = line.partition(' @ ')
        pkgs[canonical(name.strip())] = ver.strip()
    return pkgs


def read_pins(text) -> dict:
    "A pin file's `name==version` lines as {name: version}; anything else is an error"
    pins = {}
    for n, line in enumerate(text.splitlines(), 1):
        line = line.split('#')[0].strip()
        if not line: continue
        m = re.fullmatch(r'([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)', line)
        if not m: raise ValueError(f'line {n}: {line!r} is not a `name==version` pin')
        pins[canonical(m[1])] = m[2]
    return pins


def installable(pins, ci=None) -> dict:
    "`pins` with the packages of checks/torch.txt (or `ci`) at CI's versions: what CI installs for a platform"
    ci = read_pins(CI_TORCH.read_text()) if ci is None else ci
    return {**pins, **{k: v for k, v in ci.items() if k in pins}}


def changes(before, after) -> dict:
    "{name: (version before or None, version after or None)} for every package that differs"
    return {k: (before.get(k), after.get(k)) for k in sorted(before.keys() | after.keys()) if before.get(k) != after.get(k)}


def problems(pins, before, after) -> list:
    "What breaks the promise: a pin that was not installed as pinned, or a pinned package that pip changed"
    out = [f'{k}: pinned {v}, but the venv had {before.get(k) or "nothing"} before lessonlib came'
           for k, v in pins.items() if before.get(k) != v]
    out += [f'{k}: {b} -> {a or "removed"}' for k, (b, a) in changes(before, after).items() if k in pins]
    return out


def main(pins_file, before_file, after_file):
    pins = installable(read_pins(Path(pins_file).read_text()))
    before, after = (read_freeze(Path(f).read_text()) for f in (before_file, after_file))
    diff = changes(before, after)
    print(f'  pip freeze before and after: {len(diff)} changed of {len(after)} packages ({len(pins)} pinned)')
    for k, (b, a) in diff.items():
        what = 'added' if b is None else 'removed' if a is None else f'{b} ->'
        print(f'    {k}: {what} {a or ""}{"   <- pinned" if k in pins else ""}')
    bad = problems(pins, before, after)
    if bad:
        print(f'FAIL: installing lessonlib as the setup cell does changed packages that {pins_file} pins:\n    '
              + '\n    '.join(bad) + "\n  Loosen settings.ini's `requirements` so that these versions satisfy them.")
        return 1
    print(f'  none of the {len(pins)} pinned packages changed')
    return 0


if __name__ == '__main__':
    if sys.argv[1:2] == ['--installable'] and len(sys.argv) == 3:
        pins = read_pins(Path(sys.argv[2]).read_text())
        print(*(f'{k}=={v}' for k, v in installable(pins).items()), sep='\n')
    elif len(sys.argv) == 4: sys.exit(main(*sys.argv[1:]))
    else: sys.exit(__doc__)
