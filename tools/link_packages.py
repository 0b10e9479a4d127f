"""Put packages this Python has installed into another venv as hard links, with all they require: no second copy.

    python tools/link_packages.py -r checks/torch.txt VENV

PyTorch from checks/torch.txt is over 5 GB on disk. The learner runtimes (checks/runtime.sh) need it in a fresh
venv of their own; installing it there a second time doubled what CI writes and once filled the CI machine's
disk. This links the files of each `name==version` in the requirements file, and of every package they require
(markers evaluated, extras followed), from this interpreter's environment into VENV's, dist-info included, so
that pip in VENV sees them installed and may replace them (pip replaces files, it never writes into them, so the
source environment stays as it is). Compiled `__pycache__` files are left out (they name the source environment's
paths; VENV compiles its own), and console scripts get VENV's Python in their first line.

Exits 3 (NOT_LINKED), linking nothing, when this environment does not hold exactly the versions asked for, or runs
another Python version than VENV's: the caller then installs them as usual. Any other failure is an error (exit 1):
VENV may then be half linked, and is not to be used."""
import argparse, os, re, shutil, subprocess, sys
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path
from packaging.requirements import Requirement

NOT_LINKED = 3


def pinned(path) -> dict:
    "{name: version} of the `name==version` lines of requirements file `path`; anything else is an error"
    pins = {}
    for line in Path(path).read_text().splitlines():
        line = line.split('#')[0].strip()
        if not line: continue
        m = re.fullmatch(r'([A-Za-z0-9_.-]+)\s*==\s*([^\s;]+)', line)
        if not m: raise SystemExit(f'{path}: {line!r} is not name==version')
        pins[m[1]] = m[2]
    return pins


def closure(names) -> dict:
    "{normalised name: Distribution} of `names` and everything they require in this environment, extras followed"
    found, done, todo = {}, set(), [(n, '') for n in names]
    while todo:
        name, extra = todo.pop()
        key = re.sub(r'[-_.]+', '-', name).lower()
        if (key, extra) in done: continue
        done.add((key, extra))
        found[key] = dist = found.get(key) or distribution(name)
        for r in map(Requirement, dist.requires or []):
            if r.marker is None or r.marker.evaluate({'extra': extra}):
                todo += [(r.name, '')] + [(r.name, e) for e in r.extras]
    return found


def link_dist(dist, site: Path, bin_dir: Path, python: str) -> int:
    "Link the files of `dist` into `site` (paths as its RECORD gives them); return how many bytes were linked"
    size = 0
    for f in dist.files or []:
        if '__pycache__' in f.parts or f.suffix == '.pyc': continue
        src = Path(dist.locate_file(f))
        if not src.is_file(): continue
        dest = Path(os.path.normpath(site/f))
        dest.parent.mkdir(parents=True, exist_ok=True)
        if dest.exists(): dest.unlink()
        if dest.parent.resolve() == bin_dir.resolve() and src.read_bytes()[:2] == b'#!':   # a console script: VENV's Python runs it
            lines = src.read_text().split('\n')
            dest.write_text('\n'.join([f'#!{python}'] + lines[1:]))
            shutil.copymode(src, dest)
            continue
        try: os.link(src, dest)
        except OSError: shutil.copy2(src, dest)   # another file system: a copy
        size += src.stat().st_size
    return size


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('-r', dest='requirements', required=True, help='a file of name==version lines')
    p.add_argument('venv', type=Path, help='the venv to link the packages into')
    a = p.parse_args(argv)
    python = str(a.venv.absolute()/'bin'/'python')
    ask = 'import sys, sysconfig; print(sys.version_info[:2]); print(sysconfig.get_paths()["purelib"])'
    version, site = subprocess.run([python, '-c', ask], capture_output=True, text=True, check=True).stdout.split('\n')[:2]
    if version != str(sys.version_info[:2]):
        print(f'not linked: {a.venv} runs Python {version}, this environment {sys.version_info[:2]}'); return NOT_LINKED
    pins = pinned(a.requirements)
    for name, want in pins.items():
        try: have = distribution(name).version
        except PackageNotFoundError: have = None
        if have != want:
            print(f'not linked: {sys.prefix} has {name} {have or "not installed"}, {a.requirements} asks for {want}')
            return NOT_LINKED
    dists = closure(pins)
    # What VENV came with (pip, setuptools) goes first, as pip would replace it, so that no files of two versions mix
    ask = 'import re; from importlib.metadata import distributions as d; print(*{re.sub(r"[-_.]+", "-", x.name).lower() for x in d()})'
    had = set(subprocess.run([python, '-c', ask], capture_output=True, text=True, check=True).stdout.split()) & set(dists)
    if had: subprocess.run([python, '-m', 'pip', 'uninstall', '-y', '-q', *sorted(had)], check=True)
    size = sum(link_dist(d, Path(site), a.venv.absolute()/'bin', python) for d in dists.values())
    print(f'linked {len(dists)} packages ({", ".join(f"{n} {pins[n]}" for n in pins)} and what they require), '
          f'{size/2**30:.1f} GiB, from {sys.prefix} into {a.venv}')
    return 0


if __name__ == '__main__': sys.exit(main())
