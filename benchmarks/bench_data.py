"""How long loading all of MNIST_SAMPLE (14,434 PNGs) into tensors takes: fastbook's plain PIL loop,
then `lessonlib.data` cold (decoding, writing the cache) and warm (reading the cache), in one run."""
import os, tempfile, time
import numpy as np, torch
from PIL import Image

os.environ['LESSONLIB_CACHE'] = tempfile.mkdtemp(prefix='lessonlib-bench-')   # start cold
from lessonlib.data import MNIST_SAMPLE, load_digits, mnist_sample_path, mnist_sample_tensors

def timed(f, repeat=1):
    best = float('inf')
    for _ in range(repeat):
        t = time.perf_counter(); res = f(); best = min(best, time.perf_counter() - t)
    return best, res

path = mnist_sample_path()
folders = [(s, d) for s in MNIST_SAMPLE.splits for d in MNIST_SAMPLE.labels]

def fastbook():   # chapter 4: [tensor(Image.open(o)) for o in threes], stacked, float, /255
    return [torch.stack([torch.tensor(np.array(Image.open(o))) for o in sorted((path/s/str(d)).iterdir())]).float()/255
            for s, d in folders]

def ours(): return [load_digits(path, s, d) for s, d in folders]

t_book, book = timed(fastbook)
t_cold, cold = timed(ours)
t_warm, warm = timed(ours, repeat=5)
t_all, _ = timed(mnist_sample_tensors, repeat=5)
assert all(torch.equal(a, b) and torch.equal(a, c) for a, b, c in zip(book, cold, warm))
n = sum(len(x) for x in warm)
print(f'MNIST_SAMPLE from {path}: {n} images, {torch.get_num_threads()} torch threads')
print(f'fastbook PIL loop:           {t_book:6.3f} s')
print(f'load_digits, cold:           {t_cold:6.3f} s  (decode + write cache)')
print(f'load_digits, warm:           {t_warm:6.3f} s  (best of 5; {t_book/t_warm:.0f}x faster than the PIL loop)')
print(f'mnist_sample_tensors, warm:  {t_all:6.3f} s  (best of 5; find + load + stack + labels)')
