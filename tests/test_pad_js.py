"""The drawing pad's JavaScript twin (lessonlib.pad.MNIST_JS, which the website runs) against its Python original:
the same strokes give the same 28x28 image, and the same image the same ten probabilities, run with Node.js.

Cases: lesson 7's ten digits drawn by code, scribbles drawn at random as a mouse would (whole pixels) and as a pen
would (fractions), dots, a drawing off the canvas, other pen widths; and 200 of MNIST's testing images. The net is
lesson 7's 784-100-10 shape, trained for 300 mini-batches, so that its probabilities are far from uniform."""
import json, math, shutil, subprocess
import numpy as np
import pytest
import torch
import torch.nn.functional as F
from lessonlib.pad import MNIST_JS, browser_net, predict_probs, strokes_to_mnist

IMAGE_TOL = 1/64 + 1e-7   # one point of a pixel's 8x8 grid: where a point lies exactly on the pen's edge
PROB_TOL = 1e-4


def arc(cx, cy, rx, ry, start, end, n=30):
    t = np.deg2rad(np.linspace(start, end, n))
    return np.stack([cx + rx*np.cos(t), cy + ry*np.sin(t)], 1).tolist()


def line(*points): return [list(p) for p in points]


DIGITS = [[arc(50, 50, 28, 45, 0, 360, 60)], [line((50, 5), (50, 95))], [arc(50, 30, 28, 25, 180, 360) + line((78, 30), (20, 95), (85, 95))],
          [arc(50, 28, 24, 22, -160, 90) + arc(50, 72, 27, 24, -90, 160)], [line((55, 5), (15, 65), (85, 65)), line((65, 30), (65, 95))],
          [line((80, 5), (30, 5), (26, 45)) + arc(50, 68, 30, 27, -130, 150)], [line((72, 5), (40, 30), (27, 65)) + arc(50, 72, 23, 23, 180, 540)],
          [line((15, 8), (85, 8), (40, 95))], [arc(50, 27, 20, 22, 90, 450) + arc(50, 72, 25, 23, -90, 270)], [arc(50, 30, 22, 24, 0, 360) + line((72, 30), (65, 95))]]


def scribbles(n=40, seed=0):
    "Drawings of 1 to 3 strokes, each a random walk on a 280-pixel canvas: half in whole pixels, as a mouse gives them"
    rng, out = np.random.default_rng(seed), []
    for k in range(n):
        strokes = []
        for _ in range(rng.integers(1, 4)):
            walk = np.cumsum(rng.normal(0, 12, (rng.integers(2, 60), 2)), 0) + rng.uniform(40, 240, 2)
            strokes.append((np.round(walk) if k % 2 else walk).tolist())
        out.append(strokes)
    return out


def cases():
    "`(strokes, pen)` pairs"
    yield from ((d, 2.5) for d in DIGITS)
    yield from ((s, 2.5) for s in scribbles())
    yield [[(140, 140)]], 2.5                                        # a dot
    yield [[(10, 10)], [(200, 250)]], 2.5                            # two dots
    yield [[(5, 5), (5, 5), (5, 5)]], 2.5                            # a stroke that never moves
    yield [[(-50, 300), (400, -20)], [(100.25, 100.75)]], 2.5        # off the canvas, and a dot
    yield [[(0, 0), (1e-3, 2e-3)]], 2.5                              # a tiny drawing, scaled up enormously
    yield DIGITS[7], 1.
    yield DIGITS[3], 5.


@pytest.fixture(scope='module')
def net():
    "A 784-100-10 net trained for 300 mini-batches on MNIST (or the offline sample)"
    from lessonlib.data import mnist_tensors
    from lessonlib.models import simple_net
    train_x, train_y, test_x, _ = mnist_tensors()
    torch.manual_seed(0)
    model = simple_net(n_hidden=100, n_out=10)
    opt = torch.optim.SGD(model.parameters(), lr=0.5)
    batches = [idx for _ in range(300 * 256 // len(train_x) + 1) for idx in torch.randperm(len(train_x)).split(256)][:300]
    for idx in batches:
        loss = F.cross_entropy(model(train_x[idx]), train_y[idx])
        loss.backward(); opt.step(); opt.zero_grad()
    return model, test_x[:200]


def run_node(tmp_path, spec, data, drawings, images):
    node = shutil.which('node')
    if node is None: pytest.fail("Node.js is missing: the pad's JavaScript is tested with it (apt-get install nodejs)")
    (tmp_path/'mnist.mjs').write_text(MNIST_JS)
    (tmp_path/'net.bin').write_bytes(data)
    (tmp_path/'cases.json').write_text(json.dumps(dict(spec=spec, drawings=drawings, images=images)))
    (tmp_path/'run.mjs').write_text("""
import { readFileSync } from 'fs';
import { strokesToMnist, netFromBuffer, predictProbs } from './mnist.mjs';
const c = JSON.parse(readFileSync(new URL('./cases.json', import.meta.url)));
const b = readFileSync(new URL('./net.bin', import.meta.url));
const net = netFromBuffer(c.spec, b.buffer.slice(b.byteOffset, b.byteOffset + b.length));
const drawn = c.drawings.map(([strokes, pen]) => { const image = strokesToMnist(strokes, pen); return { image: Array.from(image), probs: predictProbs(net, image) }; });
const read = c.images.map((image) => predictProbs(net, Float32Array.from(image)));
console.log(JSON.stringify({ drawn, read }));
""")
    r = subprocess.run([node, str(tmp_path/'run.mjs')], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def test_javascript_draws_and_reads_as_python(tmp_path, net):
    model, test_images = net
    spec, data = browser_net(model)
    drawings = [(json.loads(json.dumps(s, default=list)), pen) for s, pen in cases()]
    got = run_node(tmp_path, spec, data, drawings, test_images.tolist())
    image_diffs, prob_diffs = [], []
    for (strokes, pen), js in zip(drawings, got['drawn']):
        image = strokes_to_mnist(strokes, pen)
        image_diffs.append((torch.tensor(js['image']).view(28, 28) - image).abs().max().item())
        probs = predict_probs(model, image) if strokes else torch.zeros(10)
        if strokes: prob_diffs.append((torch.tensor(js['probs']) - probs).abs().max().item())
    read = predict_probs(model, test_images.view(-1, 28, 28))
    read_diff = (torch.tensor(got['read']) - read).abs().max().item()
    print(f'\nJavaScript vs Python, {len(drawings)} drawings: largest pixel difference {max(image_diffs):.3g}, '
          f'largest probability difference {max(prob_diffs):.3g}; {len(test_images)} MNIST testing images: {read_diff:.3g}')
    assert max(image_diffs) <= IMAGE_TOL, [i for i, d in enumerate(image_diffs) if d > IMAGE_TOL]
    assert max(prob_diffs) <= PROB_TOL and read_diff <= PROB_TOL, (max(prob_diffs), read_diff)
    peaky = read.max(1).values
    assert (peaky > 0.9).float().mean() > 0.5, "the net's probabilities should be far from uniform, to test something"
    assert not math.isnan(read_diff)


def test_javascript_refuses_a_net_file_of_the_wrong_size(tmp_path, net):
    spec, data = browser_net(net[0])
    with pytest.raises(AssertionError, match='its layers need'):
        run_node(tmp_path, spec, data[:-4], [], [])
