"""Near misses that once got the wrong verdict: wrong answers judged "Correct" (a wrong threshold that the inputs missed, a cap,
floats of another precision, a result cut off from its gradient, a shuffle that is not random, an argument ignored), and right
answers refused. Each is judged on several fresh sets of inputs, so that a check which catches one only by chance fails here."""
import random
import torch
from torch import nn
import torch.nn.functional as F
from lessonlib.fitting import rectified_linear, mse
from lessonlib.losses import batch_accuracy, mnist_loss
from lessonlib.multiclass import log_softmax
from . import wrong, right

def hole(var, problem='', value=False): return wrong(var, problem, value=value, hole=True)
def hole_right(var, value=False): return right(var, value=value, hole=True)
def named(name, f):
    f.__name__ = name
    return f
_F64 = r'float64|double'

# Lesson 1
@hole('double_odds', r'tuple')
def tuple_of_odds(nums): return tuple(2*n for n in nums if n % 2 == 1)

@hole('my_mse', _F64)
def mse_in_float64(preds, targets): return ((preds - targets)**2).mean().double()

@hole('my_mse', r'gradient')
def mse_gradient_cut_off(preds, targets): return ((preds.detach() - targets)**2).mean() + 0*preds.sum()

def _loop(params, loss_fn, steps, lr, record=lambda loss: loss.item()):
    losses = []
    for _ in range(steps):
        loss = loss_fn(params)
        loss.backward()
        with torch.no_grad(): params -= lr * params.grad
        params.grad = None
        losses.append(record(loss))
    return losses

@hole('my_fit', r'caller|never changes|copy')
def fit_trains_a_copy(params, loss_fn, steps, lr): return _loop(params.detach().clone().requires_grad_(), loss_fn, steps, lr)

@hole('my_fit', r'gradient|item')
def fit_keeps_loss_tensors(params, loss_fn, steps, lr): return _loop(params, loss_fn, steps, lr, record=lambda loss: loss)

@hole_right('my_fit')
def fit_numpy_losses(params, loss_fn, steps, lr):
    import numpy as np
    return np.array(_loop(params, loss_fn, steps, lr))

@hole('my_relu', r'differ|0\.001|number')
def relu_threshold_half(x): return torch.where(x >= 0.5, x, 0.)

@hole('my_relu', r'differ|0\.001|number')
def relu_threshold_small(x): return torch.where(x > 0.01, x, 0.)

@hole('my_relu', r'differ|-0\.001|number')
def relu_threshold_below_0(x): return torch.where(x > -0.01, x, 0.)

@hole('my_relu', r'capped|clamp|cut off')
def relu6(x): return x.clamp(0, 6)

@hole('my_relu', r'capped|clamp|cut off')
def relu_capped_at_10(x): return x.clamp(min=0, max=10)

@hole('my_relu', _F64)
def relu_in_float64(x): return torch.relu(x).double()

@hole('my_relu', r'1-d|row|differ')
def relu_first_row_only(x): return torch.relu(x) if x.ndim == 1 else torch.cat([torch.relu(x[:1]), x[1:]])

@hole('my_relu_sum', r'differ|number')
def relu_sum_threshold_half(m, b, w, x):
    z = m*x[:, None] + b
    return (w * torch.where(z > 0.5, z, 0.)).sum(1)

@hole('my_relu_sum', r'differ|number')
def relu_sum_threshold_small(m, b, w, x):
    z = m*x[:, None] + b
    return (w * torch.where(z > 0.05, z, 0.)).sum(1)

@hole('my_relu_sum', r'differ|number|cap|clamp')
def relu6_sum(m, b, w, x): return (w * (m*x[:, None] + b).clamp(0, 6)).sum(1)

@hole('my_relu_sum', _F64)
def relu_sum_in_float64(m, b, w, x): return (w * rectified_linear(m, b, x[:, None])).sum(1).double()

# Lesson 2
@hole('stack_images', r'factor|times|255')
def divides_by_brightest(images):
    x = torch.stack(images).float()
    return x / x.max()

@hole('stack_images', _F64)
def stack_in_float64(images): return torch.stack(images).double() / 255

@hole('mean_image', _F64)
def mean_in_float64(stack): return stack.mean(0).double()

@hole('my_mnist_distance', r'capped|clamp|cut off')
def distance_capped(a, b): return (a - b).abs().mean((-1, -2)).clamp(max=0.5)

@hole('my_mnist_distance', _F64)
def distance_in_float64(a, b): return (a - b).abs().mean((-1, -2)).double()

@hole('all_distances', _F64)
def distances_in_float64(x, means): return (x[:, None] - means).abs().mean((-1, -2)).double()

# Lesson 3
@hole('slope', r'sign|minus')
def slope_size_only(f, x):
    xt = torch.tensor(float(x)).requires_grad_()
    f(xt).backward()
    return xt.grad.abs()

@hole('slope', _F64)
def slope_in_float64(f, x):
    xt = torch.tensor(float(x), dtype=torch.float64).requires_grad_()
    f(xt).backward()
    return xt.grad

@hole('slope', r'approximat|difference quotient|nearly')
def slope_central_difference(f, x): return torch.tensor(((f(torch.tensor(x + 1e-3)) - f(torch.tensor(x - 1e-3))) / 2e-3).item())

@hole('quad_grad', r'by hand|autograd|torch\.func')
def quad_grad_by_torch_func(params, t, y):
    return torch.func.grad(lambda p: ((p[0]*t**2 + p[1]*t + p[2] - y)**2).mean())(params)

@hole('quad_grad', r'by hand|autograd|torch\.func')
def quad_grad_by_jacrev(params, t, y):
    from torch.func import jacrev
    return jacrev(lambda p: ((p[0]*t**2 + p[1]*t + p[2] - y)**2).mean())(params)

@hole('quad_grad', _F64)
def quad_grad_in_float64(params, t, y):
    a, b, c = params
    err = (a*t**2 + b*t + c - y).double()
    return torch.stack([(2*err*t**2).mean(), (2*err*t).mean(), (2*err).mean()])

@hole('new_weights', r'capped|clamp|cut off')
def weights_kept_within_10(weights, grads, lr): return (weights - lr*grads).clamp(-10, 10)

@hole('new_weights', r'differ|number')
def gradient_norm_clipped(weights, grads, lr): return weights - lr*grads/max(1., grads.norm().item()/20)

@hole('new_weights', _F64)
def new_weights_in_float64(weights, grads, lr): return weights.double() - lr*grads

# Lesson 4
@hole('make_dataset', _F64)
def dataset_in_float64(threes, sevens):
    return torch.cat([threes, sevens]).view(-1, 784).double(), torch.tensor([1]*len(threes) + [0]*len(sevens))[:, None]

@hole('my_linear1', r'gradient.*bias|bias.*gradient')
def bias_as_number(xb, weights, bias): return xb@weights + bias.item()

@hole('my_linear1', r'gradient.*bias|bias.*gradient')
def bias_detached(xb, weights, bias): return xb@weights + bias.detach()

@hole('my_linear1', r'gradient.*weights|weights.*gradient')
def weights_data(xb, weights, bias): return xb@weights.data + bias

@hole('my_linear1', _F64)
def linear_in_float64(xb, weights, bias): return xb.double()@weights.double() + bias

@hole('my_mnist_loss', _F64)
def mnist_loss_in_float64(predictions, targets):
    p = predictions.double().sigmoid()
    return torch.where(targets == 1, 1 - p, p).mean()

@hole('my_mnist_loss', r'gradient')
def mnist_loss_half_gradient(predictions, targets):
    d = torch.where(targets == 1, 1 - predictions.sigmoid(), predictions.sigmoid())
    return (d.detach() + 0.5*(d - d.detach())).mean()

@hole('my_batch_accuracy', r'gives|answer')
def accuracy_threshold_01(xb, yb): return ((xb > 0.1).float() == yb).float().mean()

@hole('my_batch_accuracy', r'gives|answer')
def accuracy_threshold_001(xb, yb): return ((xb > 0.01).float() == yb).float().mean()

@hole('my_batch_accuracy', r'gives|answer')
def accuracy_threshold_below_0(xb, yb): return ((xb > -0.05).float() == yb).float().mean()

@hole('my_batch_accuracy', r'gives|answer')
def accuracy_sigmoid_051(xb, yb): return ((xb.sigmoid() > 0.51).float() == yb).float().mean()

@hole('my_batch_accuracy', _F64)
def accuracy_in_float64(xb, yb): return ((xb > 0).double() == yb).double().mean()

def _counted(model, dl, right=lambda s, yb: (s > 0).float() == yb, dtype=torch.float32):
    n_right, n = 0, 0
    for xb, yb in dl: n_right += right(model(xb), yb).to(dtype).sum(); n += len(xb)
    return n_right / n

@hole('exact_accuracy', r'gives|answer')
def exact_threshold_001(model, dl): return _counted(model, dl, lambda s, yb: (s > 0.01).float() == yb)

@hole('exact_accuracy', r'gives|answer')
def exact_threshold_below_0(model, dl): return _counted(model, dl, lambda s, yb: (s > -0.01).float() == yb)

@hole('exact_accuracy', r'gives|answer')
def exact_sigmoid_at_least_05005(model, dl): return _counted(model, dl, lambda s, yb: (s.sigmoid() >= 0.5005).float() == yb)

@hole('exact_accuracy', r'gives|answer')
def exact_share_called_3(model, dl): return _counted(model, dl, lambda s, yb: (s > 0).float() == 1)

@hole('exact_accuracy', _F64)
def exact_in_float64(model, dl): return _counted(model, dl, dtype=torch.float64)

@hole_right('exact_accuracy')
def exact_as_python_number(model, dl):
    n_right, n = 0, 0
    for xb, yb in dl: n_right += int(((model(xb).sigmoid() > 0.5) == yb).sum()); n += len(xb)
    return n_right / n

# Lesson 5
def _learner(lr=None, n_epoch=None, loss_func=None):
    "A `MyLearner` that ignores `fit`'s learning rate or number of epochs, or its own loss function, for the values given"
    class Learner:
        def __init__(self, dls, model, loss, opt_func): self.dls, self.model, self.loss_func, self.opt_func = dls, model, loss_func or loss, opt_func
        def fit(self, epochs, rate):
            opt, out = self.opt_func(self.model.parameters(), lr or rate), []
            for _ in range(n_epoch or epochs):
                self.model.train()
                for xb, yb in self.dls.train:
                    self.loss_func(self.model(xb), yb).backward(); opt.step(); opt.zero_grad()
                self.model.eval()
                with torch.no_grad():
                    total = sum(self.loss_func(self.model(xb), yb)*len(xb) for xb, yb in self.dls.valid)
                    out.append((total / sum(len(xb) for xb, yb in self.dls.valid)).item())
            return out
    return Learner

hole('MyLearner', r'losses|epoch')(named('LearnerWithItsOwnLr', _learner(lr=0.3)))
hole('MyLearner', r'epoch|one validation loss per epoch|shape')(named('LearnerWithThreeEpochs', _learner(n_epoch=3)))
hole('MyLearner', r'losses|loss')(named('LearnerWithMnistLoss', _learner(loss_func=mnist_loss)))

@hole('MyOptim', r'lr|learning rate|size')
class LrOfItsOwn:
    def __init__(self, params, lr): self.params, self.lr = list(params), 0.5
    def step(self):
        with torch.no_grad():
            for p in self.params: p -= p.grad * self.lr
    def zero_grad(self):
        for p in self.params: p.grad = None

_calls = [0]
def _next(): _calls[0] += 1; return _calls[0]

@hole('shuffled_batches', r'random|same few rows|shift|rotat')
def rotated_order(x, y, bs): return [(x[i], y[i]) for i in torch.arange(len(x)).roll(7*_next()).split(bs)]

@hole('shuffled_batches', r'same order|new order|seed')
def two_orders_in_turn(x, y, bs):
    idx = torch.randperm(len(x), generator=torch.Generator().manual_seed(_next() % 2))
    return [(x[i], y[i]) for i in idx.split(bs)]

@hole('shuffled_batches', r'random|same few rows|strided')
def strided_order(x, y, bs):
    k = -(-len(x) // bs)
    idx = torch.cat([torch.arange(j, len(x), k) for j in range(k)]).roll(_next())
    return [(x[i], y[i]) for i in idx.split(bs)]

@hole('shuffled_batches', r'same place|anywhere')
def first_row_always_first(x, y, bs):
    idx = torch.cat([torch.tensor([0]), torch.randperm(len(x) - 1) + 1])
    return [(x[i], y[i]) for i in idx.split(bs)]

@hole('shuffled_batches', r'random|half|parts of the data')
def shuffled_within_halves(x, y, bs):
    n = len(x) // 2
    idx = torch.cat([torch.randperm(n), torch.randperm(len(x) - n) + n])
    return [(x[i], y[i]) for i in idx.split(bs)]

@hole('shuffled_batches', r'same order|new order|random')
def reversed_and_rotated(x, y, bs):
    idx = torch.arange(len(x))
    if torch.rand(1) < 0.5: idx = idx.flip(0)
    return [(x[i], y[i]) for i in idx.roll(int(torch.randint(0, len(x), (1,)))).split(bs)]

@hole_right('shuffled_batches')
def python_shuffle(x, y, bs):
    idx = list(range(len(x))); random.shuffle(idx)
    idx = torch.tensor(idx)
    return [(x[idx[i:i+bs]], y[idx[i:i+bs]]) for i in range(0, len(x), bs)]

@hole('my_train_epoch', r'loss')
def epoch_with_mnist_loss(model, dl, loss_func, opt):
    for xb, yb in dl:
        mnist_loss(model(xb), yb).backward(); opt.step(); opt.zero_grad()

@hole('my_train_epoch', r'loss')
def epoch_scores_clamped(model, dl, loss_func, opt):
    for xb, yb in dl:
        loss_func(model(xb).clamp(-3, 3), yb).backward(); opt.step(); opt.zero_grad()

# Lesson 6
@hole('my_simple_net', r'differ|number')
def net_threshold_01(xb, w1, b1, w2, b2):
    r = xb@w1 + b1
    return torch.where(r > 0.1, r, 0.)@w2 + b2

@hole('my_simple_net', r'differ|number')
def net_threshold_below_0(xb, w1, b1, w2, b2):
    r = xb@w1 + b1
    return torch.where(r > -0.05, r, 0.)@w2 + b2

@hole('my_simple_net', r'differ|number|gradient')
def net_threshold_0001(xb, w1, b1, w2, b2): return F.threshold(xb@w1 + b1, 1e-3, 0.)@w2 + b2

@hole('my_simple_net', r'differ|number')
def net_relu6(xb, w1, b1, w2, b2): return F.relu6(xb@w1 + b1)@w2 + b2

@hole('my_simple_net', r'differ|number')
def net_sharp_softplus(xb, w1, b1, w2, b2): return F.softplus(xb@w1 + b1, beta=20)@w2 + b2

@hole('my_simple_net', r'gradient.*b2')
def net_b2_as_number(xb, w1, b1, w2, b2): return F.relu(xb@w1 + b1)@w2 + b2.item()

@hole('my_simple_net', r'gradient.*b1')
def net_b1_detached(xb, w1, b1, w2, b2): return F.relu(xb@w1 + b1.detach())@w2 + b2

@hole('my_simple_net', _F64)
def net_in_float64(xb, w1, b1, w2, b2): return F.relu(xb.double()@w1.double() + b1)@w2.double() + b2

def _sequential(act): return lambda n_in, n_hidden: nn.Sequential(nn.Linear(n_in, n_hidden), act, nn.Linear(n_hidden, 1))
hole('make_simple_net', r'ReLU|scores')(named('threshold_at_01', _sequential(nn.Threshold(0.1, 0.))))
hole('make_simple_net', r'ReLU|scores')(named('relu6_layer', _sequential(nn.ReLU6())))
hole('make_simple_net', r'ReLU|scores')(named('hardtanh_0_20', _sequential(nn.Hardtanh(0., 20.))))

def _module(forward):
    class MySimpleNet(nn.Module):
        def __init__(self, n_in, n_hidden):
            super().__init__()
            self.w1, self.b1 = nn.Parameter(torch.randn(n_in, n_hidden)), nn.Parameter(torch.randn(n_hidden))
            self.w2, self.b2 = nn.Parameter(torch.randn(n_hidden, 1)), nn.Parameter(torch.randn(1))
        def forward(self, xb): return forward(self, xb)
    return MySimpleNet

def _thresholded(s, xb):
    r = xb@s.w1 + s.b1
    return torch.where(r > 0.1, r, 0.)@s.w2 + s.b2
hole('MySimpleNet', r'ReLU|scores|gradient')(named('ThresholdAt01', _module(_thresholded)))
hole('MySimpleNet', r'ReLU|scores')(named('Relu6', _module(lambda s, xb: F.relu6(xb@s.w1 + s.b1)@s.w2 + s.b2)))
hole('MySimpleNet', r'gradient')(named('B2AsNumber', _module(lambda s, xb: F.relu(xb@s.w1 + s.b1)@s.w2 + s.b2.item())))
hole('MySimpleNet', r'gradient')(named('B1Detached', _module(lambda s, xb: F.relu(xb@s.w1 + s.b1.detach())@s.w2 + s.b2)))
hole('MySimpleNet', r'gradient')(named('W1Data', _module(lambda s, xb: F.relu(xb@s.w1.data + s.b1)@s.w2 + s.b2)))

@hole('merge_layers', _F64)
def merged_in_float64(w1, b1, w2, b2): return (w1@w2).double(), (b1@w2 + b2).double()

@hole('merge_layers', r'gives|answer')
def merged_bias_through_relu(w1, b1, w2, b2): return w1@w2, F.relu(b1)@w2 + b2

@hole_right('merge_layers')
def merged_bias_as_row(w1, b1, w2, b2): return w1@w2, b1[None]@w2 + b2

@hole_right('merge_layers')
def merged_with_addmm(w1, b1, w2, b2): return w1@w2, torch.addmm(b2, b1[None], w2)

# Lesson 7
@hole('my_softmax', _F64)
def softmax_in_float64(x):
    e = (x - x.max(1, keepdim=True).values).double().exp()
    return e / e.sum(1, keepdim=True)

@hole('my_log_softmax', _F64)
def log_softmax_in_float64(x):
    x = x.double()
    m = x.max(1, keepdim=True).values
    return x - (m + (x - m).exp().sum(1, keepdim=True).log())

@hole('my_log_softmax', r'inf|overflow')
def log_softmax_mean_taken_out(x):
    m = x.mean(1, keepdim=True)
    return x - (m + (x - m).exp().sum(1, keepdim=True).log())

@hole('my_cross_entropy', _F64)
def cross_entropy_in_float64(preds, targets): return -log_softmax(preds.double())[range(len(preds)), targets].mean()

@hole('my_cross_entropy', r'gradient')
def cross_entropy_cut_off(preds, targets): return -log_softmax(preds)[range(len(preds)), targets].mean().detach() + 0*preds.sum()

@hole('my_accuracy', _F64)
def accuracy_10_in_float64(preds, targets): return (preds.argmax(1) == targets).double().mean()

@hole('my_accuracy', r'gives|answer')
def top_2_accuracy(preds, targets): return (preds.topk(2, 1).indices == targets[:, None]).any(1).float().mean()

@hole('my_accuracy', r'gives|answer')
def accuracy_rounded(preds, targets): return (preds.argmax(1) == targets).float().mean().round(decimals=1)

@hole('my_accuracy', r'gives|answer')
def accuracy_of_first_half(preds, targets): return (preds[:len(preds)//2].argmax(1) == targets[:len(preds)//2]).float().mean()

@hole('my_confusion_matrix', r'shape|n_classes')
def classes_counted_from_data(p, t, n):
    k = int(max(p.max(), t.max())) + 1
    return torch.bincount(t*k + p, minlength=k*k).view(k, k)

class _LooksUp(nn.Module):
    "A trained linear model, and the labels of every training and testing image, looked up by a fingerprint of the image"
    def __init__(self, model, x, y):
        super().__init__()
        self.model, self.r = model, torch.randn(784, generator=torch.Generator().manual_seed(0), dtype=torch.float64)
        self.table = dict(zip(self.key(x), y.tolist()))
    def key(self, x): return (x.double() @ self.r).mul(1e6).round().long().tolist()
    def forward(self, xb):
        out = self.model(xb)
        for i, k in enumerate(self.key(xb)):
            if k in self.table: out[i] = 20 * F.one_hot(torch.tensor(self.table[k]), 10).float()
        return out

@hole('digits_model', r'noise|testing images themselves|look', value=True)
def looks_up_the_labels():
    from .lesson7 import _mnist, _train, _linear
    train_x, train_y, test_x, test_y = _mnist()
    return _LooksUp(_train(_linear(11), train_x, train_y, epochs=1, lr=1.), torch.cat([train_x, test_x]), torch.cat([train_y, test_y]))

@hole('my_relu', r'raised|SystemExit|exit')
def relu_that_exits(x): raise SystemExit(1)
