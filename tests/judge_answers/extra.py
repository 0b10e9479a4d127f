"""More wrong answers, none of them a mistake a catalogue lists, for the exercises where the first answers often turned out
to be listed ones: written after the first measurement, so that each exercise has at least five unlisted wrong answers"""
import torch
from lessonlib.multiclass import log_softmax
from . import wrong

# lesson 2
@wrong('bottom_right', r'cat|doubl', value=True)
def doubled_by_cat():
    t = torch.tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
    return torch.cat([t, t])[1:, 1:]

@wrong('my_rank', r'bracket|method|call|\(\)')
def dim_not_called(t): return t.dim

@wrong('my_rank', r'squeeze|size 1|axes of size')
def squeezed_first(t): return len(t.squeeze().shape)

@wrong('my_mnist_distance', r'keepdim|\[N, ?1, ?1\]|extra')
def keeps_dims(a, b): return (a - b).abs().mean((-1, -2), keepdim=True)

@wrong('my_mnist_distance', r'mean brightness|each image.s mean|means? first|abs')
def difference_of_means(a, b): return (a.mean((-1, -2)) - b.mean((-1, -2))).abs()

@wrong('my_mnist_distance', r'squar|mse|abs')
def mean_squared(a, b): return ((a - b)**2).mean((-1, -2))

@wrong('my_mnist_distance', r'single|one image|two images|axes|stack')
def mean_1_then_1(a, b): return (a - b).abs().mean(1).mean(1)

@wrong('all_distances', r'squar|mse|abs')
def mean_squared(x, means): return ((x[:, None] - means)**2).mean((-1, -2))

@wrong('all_distances', r'keepdim|\[N, ?k, ?1, ?1\]|extra')
def keeps_dims(x, means): return (x[:, None] - means).abs().mean((-1, -2), keepdim=True)

# lesson 3
@wrong('my_apply_step', r'one number|each parameter|average')
def mean_gradient_step(params, f, x, y, lr):
    loss = ((f(x, params) - y)**2).mean()
    loss.backward()
    with torch.no_grad(): params -= lr * params.grad.mean()
    params.grad = None
    return loss.item()

# lesson 4
@wrong('my_batch_accuracy', r'one number|\[N\]|per image|mean\(1\)')
def mean_over_axis_1(xb, yb): return ((xb.sigmoid() > 0.5) == yb).float().mean(1)

@wrong('my_batch_accuracy', r'round|sigmoid')
def rounds_scores(xb, yb): return (torch.round(xb) == yb).float().mean()

# lesson 5
@wrong('MyOptim', r'generator|once|parameters\(\)|iterat|nothing')
class KeepsTheGenerator:
    def __init__(self, params, lr): self.params, self.lr = params, lr
    def step(self):
        with torch.no_grad():
            for p in self.params: p -= self.lr * p.grad
    def zero_grad(self):
        for p in self.params: p.grad = None

@wrong('MyOptim', r'grad|gradient|parameter|step')
class StepsTheGradient:
    def __init__(self, params, lr): self.params, self.lr = list(params), lr
    def step(self):
        for p in self.params: p.grad -= self.lr * p.grad
    def zero_grad(self):
        for p in self.params: p.grad = None

@wrong('shuffled_batches', r'generator|yield')
def yields_batches(x, y, bs):
    idx = torch.randperm(len(x))
    for i in range(0, len(x), bs): yield x[idx[i:i+bs]], y[idx[i:i+bs]]

@wrong('shuffled_batches', r'pair|label|tuple|\(xb, ?yb\)|y\b')
def inputs_only(x, y, bs):
    idx = torch.randperm(len(x))
    return [x[idx[i:i+bs]] for i in range(0, len(x), bs)]

@wrong('shuffled_batches', r'bs|every row|missing|once')
def one_row_short_per_batch(x, y, bs):
    idx = torch.randperm(len(x))
    return [(x[idx[i:i+bs-1]], y[idx[i:i+bs-1]]) for i in range(0, len(x), bs)]

# lesson 6
@wrong('merge_layers', r'item|float|number')
def bias_as_number(w1, b1, w2, b2): return w1 @ w2, (b1 @ w2 + b2).item()

@wrong('merge_layers', r'squeeze|column|\[n_in\]')
def weight_squeezed(w1, b1, w2, b2): return (w1 @ w2).squeeze(), b1 @ w2 + b2

# lesson 7
@wrong('my_cross_entropy', r'one number|\[N, ?1\]|reduc')
def gather_not_reduced(preds, targets): return -log_softmax(preds).gather(1, targets[:, None])

@wrong('my_cross_entropy', r'twice|len')
def averaged_twice(preds, targets): return -log_softmax(preds)[range(len(targets)), targets].mean() / len(targets)

@wrong('my_accuracy', r'classes|C\b|number of')
def divides_by_classes(preds, targets): return (preds.argmax(1) == targets).float().sum() / preds.shape[1]

@wrong('my_accuracy', r'one number|\[N\]|reduc|per image')
def per_image(preds, targets): return (preds.argmax(1) == targets).float()
