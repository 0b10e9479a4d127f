"""How long fastbook's `simple_net` takes to train on MNIST_SAMPLE (SGD, lr 0.1, batch 256, 40 epochs):
fastai's `Learner` on the book's `DataLoaders` against `lessonlib.learner.Learner` on `TensorDataLoader`s, in one run.

Usage: python benchmarks/bench_learner.py [--repeat N] [--threads N]
Timings on a shared machine are noisy: the load average is printed before and after; each time is the best of --repeat runs."""
import argparse, contextlib, io, os, time
import torch
from torch import nn
from fastai.data.core import DataLoaders
from fastai.data.load import DataLoader
from fastai.optimizer import SGD
from fastai.learner import Learner as FastaiLearner
import fastai.callback.progress   # fastai's Learner with its progress bar, as the book uses it
from lessonlib.core import set_seed, default_device
from lessonlib.data import mnist_sample_tensors, mnist_sample_path, is_offline_sample
from lessonlib.losses import mnist_loss, batch_accuracy
from lessonlib.learner import Learner, BasicOptim, tensor_dls
from lessonlib.models import simple_net

parser = argparse.ArgumentParser()
parser.add_argument('--repeat', type=int, default=2, help='runs of each learner; the best time is reported')
parser.add_argument('--threads', type=int, default=0, help='torch threads (0: leave the default)')
args = parser.parse_args()
if args.threads: torch.set_num_threads(args.threads)

EPOCHS, LR, BS = 40, 0.1, 256
train_x, train_y, valid_x, valid_y = mnist_sample_tensors()


def timed_fit(learn):
    "Time `learn.fit(EPOCHS, LR)` with its printed progress hidden"
    with contextlib.redirect_stdout(io.StringIO()):
        start = time.perf_counter()
        learn.fit(EPOCHS, LR)
        return time.perf_counter() - start

def fastai_run():   # chapter 4, as printed in the book
    set_seed(42)
    dset, valid_dset = list(zip(train_x, train_y)), list(zip(valid_x, valid_y))
    dls = DataLoaders(DataLoader(dset, batch_size=BS, shuffle=True), DataLoader(valid_dset, batch_size=BS))
    learn = FastaiLearner(dls, simple_net(), opt_func=SGD, loss_func=mnist_loss, metrics=batch_accuracy)
    return timed_fit(learn), learn.recorder.values[-1][2]

def ours_run(opt_func):
    set_seed(42)
    learn = Learner(tensor_dls(train_x, train_y, valid_x, valid_y, bs=BS), simple_net(), mnist_loss, opt_func, metrics=batch_accuracy)
    return timed_fit(learn), learn.history['batch_accuracy'][-1]

runs = {'fastai Learner, fastai SGD': fastai_run,
        'our Learner, BasicOptim': lambda: ours_run(BasicOptim),
        'our Learner, fastai SGD': lambda: ours_run(SGD)}
results = {name: [] for name in runs}
load_before = os.getloadavg()
for _ in range(args.repeat):            # alternate, so that a burst of load hits every learner alike
    for name, run in runs.items(): results[name].append(run())
load_after = os.getloadavg()

path = mnist_sample_path()
print(f'simple_net on {"the OFFLINE sample" if is_offline_sample(path) else "MNIST_SAMPLE"} ({len(train_x)} train, {len(valid_x)} valid), '
      f'{EPOCHS} epochs, lr {LR}, batch {BS}, device {default_device()}, {torch.get_num_threads()} torch threads, {os.cpu_count()} CPUs')
print(f'load average (1, 5, 15 min): before {load_before[0]:.2f} {load_before[1]:.2f} {load_before[2]:.2f}, '
      f'after {load_after[0]:.2f} {load_after[1]:.2f} {load_after[2]:.2f}')
t_fastai = min(t for t, _ in results['fastai Learner, fastai SGD'])
for name, res in results.items():
    t, acc = min(t for t, _ in res), res[-1][1]
    print(f'{name:28s} {t:6.2f} s (runs: {", ".join(f"{r[0]:.2f}" for r in res)})  accuracy {acc:.4f}  '
          f'{"" if name.startswith("fastai") else f"{t_fastai/t:.1f}x faster than fastai"}')
