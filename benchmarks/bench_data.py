"""How long loading MNIST into tensors takes: fastbook's plain PIL loop, then `lessonlib.data` cold
(decoding, writing the cache) and warm (reading the cache), for MNIST_SAMPLE (14,434 PNGs) and
full MNIST (70,000 PNGs), in one run. Each warm time is the best of 5; the load average is printed.

Usage: python benchmarks/bench_data.py [--sample-only]"""
import os, sys, tempfile, time
import numpy as np, torch
from PIL import Image

os.environ['LESSONLIB_CACHE'] = tempfile.mkdtemp(prefix='lessonlib-bench-')   # start cold
from lessonlib.data import MNIST_SAMPLE, MNIST, load_digits, mnist_sample_path, mnist_path, mnist_sample_tensors, mnist_tensors, is_offline_sample

def timed(f, repeat=1):
    best = float('inf')
    for _ in range(repeat):
        t = time.perf_counter(); res = f(); best = min(best, time.perf_counter() - t)
    return best, res

def fastbook(path, layout):   # chapter 4: [tensor(Image.open(o)) for o in threes], stacked, float, /255
    return [torch.stack([torch.tensor(np.array(Image.open(o))) for o in sorted((path/s/str(d)).iterdir())]).float()/255
            for s in layout.splits for d in layout.labels]

def bench(name, path, layout, tensors):
    t_book, book = timed(lambda: fastbook(path, layout))
    t_cold, x = timed(tensors)
    t_warm, y = timed(tensors, repeat=5)
    n_train = sum(len(b) for b in book[:len(layout.labels)])
    assert all(torch.equal(a, b) for a, b in zip(x, y)), 'warm and cold loads differ'
    assert torch.equal(x[0], torch.cat(book[:len(layout.labels)]).view(-1, 28*28)), 'the PIL loop and ours differ'
    n = sum(len(b) for b in book)
    print(f'{name} from {path}{" (the OFFLINE sample)" if is_offline_sample(path) else ""}: {n} images ({n_train} training)')
    print(f'  fastbook PIL loop:         {t_book:6.3f} s')
    print(f'  {tensors.__name__ + "(), cold:":26s} {t_cold:6.3f} s  (decode + write cache; {t_book/t_cold:.1f}x faster than the PIL loop)')
    print(f'  {tensors.__name__ + "(), warm:":26s} {t_warm:6.3f} s  (best of 5; {t_book/t_warm:.0f}x faster than the PIL loop)')

print(f'{torch.get_num_threads()} torch threads, {os.cpu_count()} CPUs; load average before: {os.getloadavg()[0]:.2f}')
path = mnist_sample_path()
bench('MNIST_SAMPLE', path, MNIST_SAMPLE, mnist_sample_tensors)
t_one, _ = timed(lambda: load_digits(path, 'train', 3), repeat=5)
print(f'  load_digits(train/3), warm: {t_one:6.3f} s  (best of 5)')
if '--sample-only' not in sys.argv: bench('MNIST', mnist_path(), MNIST, mnist_tensors)
print(f'load average after: {os.getloadavg()[0]:.2f}')
