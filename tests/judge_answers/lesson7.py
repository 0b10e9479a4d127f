"Lesson 7's exercises, answered as learners might"
import torch
from torch import nn
import torch.nn.functional as F
from lessonlib.multiclass import log_softmax, softmax
from . import wrong, right

# Exercise 1: my_softmax(x), rows of logits -> probabilities, without overflow
@wrong('my_softmax', r'min|overflow|max|large|inf|nan')
def subtracts_min(x):
    e = (x - x.min(1, keepdim=True).values).exp()
    return e / e.sum(1, keepdim=True)

@wrong('my_softmax', r'max of (the )?(whole|all)|far apart|underflow|nan|0/0|global|overflow|every row', listed=True)
def subtracts_global_max(x):
    e = (x - x.max()).exp()
    return e / e.sum(1, keepdim=True)

@wrong('my_softmax', r'whole batch|total|each row|own|every row')
def divides_by_total(x):
    e = (x - x.max(1, keepdim=True).values).exp()
    return e / e.sum()

@wrong('my_softmax', r'keepdim|broadcast|\[N\]|column', listed=True)
def no_keepdim(x):
    e = (x - x.max(1, keepdim=True).values).exp()
    return e / e.sum(1)

@wrong('my_softmax', r'sigmoid|exp')
def sigmoid_normalised(x):
    s = x.sigmoid()
    return s / s.sum(1, keepdim=True)

@wrong('my_softmax', r'chang|in place|modif')
def in_place(x):
    x -= x.max(1, keepdim=True).values
    x.exp_()
    return x / x.sum(1, keepdim=True)

@wrong('my_softmax', r'normal|add up')
def not_normalised(x): return (x - x.max(1, keepdim=True).values).exp()

@wrong('my_softmax', r'exp')
def no_exp(x): return x / x.sum(1, keepdim=True)

@wrong('my_softmax', r'column|max\(0')
def column_max(x):
    e = (x - x.max(0, keepdim=True).values).exp()
    return e / e.sum(1, keepdim=True)

@wrong('my_softmax', r'overflow|max|large|inf|nan')
def subtracts_mean(x):
    e = (x - x.mean(1, keepdim=True)).exp()
    return e / e.sum(1, keepdim=True)

@right('my_softmax')
def amax_last_dim(x):
    e = torch.exp(x - x.amax(dim=-1, keepdim=True))
    return e / e.sum(dim=-1, keepdim=True)

@right('my_softmax')
def via_logsumexp(x): return (x - x.logsumexp(1, keepdim=True)).exp()

# Exercise 2: my_log_softmax(x) = x minus each row's log-sum-exp
@wrong('my_log_softmax', r'max|log-sum-exp|logsumexp|sum of|exp')
def minus_max_only(x): return x - x.max(1, keepdim=True).values

@wrong('my_log_softmax', r'column|0\b', listed=True)
def wrong_axis(x): return x - x.logsumexp(0, keepdim=True)

@wrong('my_log_softmax', r'keepdim|broadcast|\[N\]|column', listed=True)
def no_keepdim(x): return x - x.logsumexp(1)

@wrong('my_log_softmax', r'log\b|log of|exp')
def no_log(x): return x - x.exp().sum(1, keepdim=True)

@wrong('my_log_softmax', r'chang|in place|modif')
def in_place(x):
    x -= x.logsumexp(1, keepdim=True)
    return x

@wrong('my_log_softmax', r'softmax|exp|probabilit|log')
def returns_probabilities(x): return (x - x.logsumexp(1, keepdim=True)).exp()

@wrong('my_log_softmax', r'sign|minus|negat|flip|opposite')
def sign_flipped(x): return x.logsumexp(1, keepdim=True) - x

@wrong('my_log_softmax', r'max|overflow|inside|both|exp|large|inf|nan')
def max_in_one_place_only(x):
    m = x.max(1, keepdim=True).values
    return x - m - x.exp().sum(1, keepdim=True).log()

@right('my_log_softmax')
def max_trick(x):
    m = x.max(1, keepdim=True).values
    return x - m - (x - m).exp().sum(1, keepdim=True).log()

@right('my_log_softmax')
def torch_logsumexp(x): return x - torch.logsumexp(x, dim=-1, keepdim=True)

# Exercise 3: my_cross_entropy(preds, targets)
def _rows(targets): return range(len(targets))

@wrong('my_cross_entropy', r'\[targets\]|column|range', listed=True)
def indexes_rows(preds, targets): return -log_softmax(preds)[targets].mean()

@wrong('my_cross_entropy', r'column|0\b', listed=True)
def log_softmax_over_batch(preds, targets):
    return -(preds - preds.logsumexp(0, keepdim=True))[_rows(targets), targets].mean()

@wrong('my_cross_entropy', r'item|backward')
def item(preds, targets): return -log_softmax(preds)[_rows(targets), targets].mean().item()

@wrong('my_cross_entropy', r'log\b|probabilit|softmax', listed=True)
def probabilities(preds, targets): return -softmax(preds)[_rows(targets), targets].mean()

@wrong('my_cross_entropy', r'one number|reduc|single|0-d', listed=True)
def not_reduced(preds, targets): return -log_softmax(preds)[_rows(targets), targets]

@wrong('my_cross_entropy', r'shift|targets ?- ?1')
def classes_from_one(preds, targets): return -log_softmax(preds)[_rows(targets), targets - 1].mean()

@wrong('my_cross_entropy', r'classes|C\b|number of')
def divides_by_classes(preds, targets): return -log_softmax(preds)[_rows(targets), targets].sum() / preds.shape[1]

@wrong('my_cross_entropy', r'one.hot|every class|all classes|other classes')
def sums_all_classes(preds, targets): return -log_softmax(preds).sum(1).mean()

@right('my_cross_entropy')
def gather(preds, targets): return -preds.log_softmax(1).gather(1, targets[:, None]).mean()

@right('my_cross_entropy')
def one_hot(preds, targets): return -(log_softmax(preds) * F.one_hot(targets, preds.shape[1])).sum(1).mean()

# Exercise 4: my_accuracy(preds, targets)
@wrong('my_accuracy', r'bool', listed=True)
def mean_of_bools(preds, targets): return (preds.argmax(1) == targets).mean()

@wrong('my_accuracy', r'fraction', listed=True)
def count(preds, targets): return (preds.argmax(1) == targets).sum()

@wrong('my_accuracy', r'100|percent')
def percent(preds, targets): return (preds.argmax(1) == targets).float().mean() * 100

@wrong('my_accuracy', r'max|argmax', listed=True)
def max_values(preds, targets): return (preds.max(1).values == targets).float().mean()

@wrong('my_accuracy', r'broadcast|\[N, ?1\]|None|\[N, ?N\]', listed=True)
def targets_as_column(preds, targets): return (preds.argmax(1) == targets[:, None]).float().mean()

@wrong('my_accuracy', r'argmin|min|lowest|smallest')
def argmin(preds, targets): return (preds.argmin(1) == targets).float().mean()

@wrong('my_accuracy', r'!=|error|wrong ones|mistakes|1 minus|invert|opposite')
def error_rate(preds, targets): return (preds.argmax(1) != targets).float().mean()

@wrong('my_accuracy', r'shift|\+ ?1')
def classes_from_one(preds, targets): return (preds.argmax(1) + 1 == targets).float().mean()

@right('my_accuracy')
def softmax_first(preds, targets): return (preds.softmax(1).argmax(1) == targets).float().mean()

@right('my_accuracy')
def sum_over_len(preds, targets): return (preds.argmax(-1) == targets).sum() / len(targets)

# Exercise 5: my_confusion_matrix(pred_classes, targets, n_classes)
@wrong('my_confusion_matrix', r'\+=|set|duplicate|repeat|accumulat')
def ones_not_counts(pred_classes, targets, n_classes):
    cm = torch.zeros(n_classes, n_classes, dtype=torch.long)
    for a, p in zip(targets, pred_classes): cm[a, p] = 1
    return cm

@wrong('my_confusion_matrix', r'duplicate|repeat|accumulat|index_put|once|same cell')
def fancy_index_add(pred_classes, targets, n_classes):
    cm = torch.zeros(n_classes, n_classes, dtype=torch.long)
    cm[targets, pred_classes] += 1
    return cm

@wrong('my_confusion_matrix', r'minlength|missing|view', listed=True)
def bincount_without_minlength(pred_classes, targets, n_classes):
    return torch.bincount(targets * n_classes + pred_classes).view(n_classes, n_classes)

@wrong('my_confusion_matrix', r'fraction|normali')
def row_fractions(pred_classes, targets, n_classes):
    cm = torch.zeros(n_classes, n_classes)
    for a, p in zip(targets, pred_classes): cm[a, p] += 1
    return cm / cm.sum(1, keepdim=True).clamp(min=1)

@wrong('my_confusion_matrix', r'n_classes ?\+ ?1|extra')
def one_too_many(pred_classes, targets, n_classes):
    cm = torch.zeros(n_classes + 1, n_classes + 1, dtype=torch.long)
    for a, p in zip(targets, pred_classes): cm[a, p] += 1
    return cm

@wrong('my_confusion_matrix', r'diagonal|correct|right|mistakes')
def only_the_diagonal(pred_classes, targets, n_classes):
    cm = torch.zeros(n_classes, n_classes, dtype=torch.long)
    for a, p in zip(targets, pred_classes):
        if a == p: cm[a, p] += 1
    return cm

@wrong('my_confusion_matrix', r'diagonal|mistakes|correct')
def only_mistakes(pred_classes, targets, n_classes):
    cm = torch.zeros(n_classes, n_classes, dtype=torch.long)
    for a, p in zip(targets, pred_classes):
        if a != p: cm[a, p] += 1
    return cm

@right('my_confusion_matrix')
def bincount(pred_classes, targets, n_classes):
    return torch.bincount(targets * n_classes + pred_classes, minlength=n_classes**2).view(n_classes, n_classes)

@right('my_confusion_matrix')
def index_put(pred_classes, targets, n_classes):
    cm = torch.zeros(n_classes, n_classes, dtype=torch.long)
    return cm.index_put_((targets, pred_classes), torch.ones_like(targets), accumulate=True)

# Exercise 6: digits_model, a model for all ten digits (judged on the testing set)
_data = {}
def _mnist():
    if not _data:
        from lessonlib.data import mnist_tensors
        _data['d'] = mnist_tensors()
    return _data['d']

def _train(model, x, y, epochs, lr, bs=256, seed=0, loss=F.cross_entropy):
    torch.manual_seed(seed)
    opt = torch.optim.SGD(model.parameters(), lr)
    for _ in range(epochs):
        idx = torch.randperm(len(x))
        for i in range(0, len(x), bs):
            b = idx[i:i+bs]
            loss(model(x[b]), y[b]).backward()
            opt.step()
            opt.zero_grad()
    return model

def _linear(seed=0, dtype=torch.float32):
    torch.manual_seed(seed)
    return nn.Linear(784, 10).to(dtype)

@wrong('digits_model', r'testing set|test set|fitted to|trained on the test|better on the test', value=True)
def fitted_to_testing_set():
    _, _, test_x, test_y = _mnist()
    torch.manual_seed(1)
    net = nn.Sequential(nn.Linear(784, 100), nn.ReLU(), nn.Linear(100, 10))
    return _train(net, test_x, test_y, epochs=10, lr=0.5)

@wrong('digits_model', r'testing set|test set|fitted to|trained on the test|better on the test', value=True)
def linear_fitted_to_testing_set():
    _, _, test_x, test_y = _mnist()
    return _train(_linear(2), test_x, test_y, epochs=10, lr=1.)

class NearestMean(nn.Module):
    "Scores: minus the L1 distance to each digit's mean image (the lesson's baseline, which learns nothing)"
    def __init__(self, means):
        super().__init__()
        self.means = nn.Parameter(means, requires_grad=False)
    def forward(self, xb): return -(xb[:, None] - self.means).abs().mean(-1)

@wrong('digits_model', r'85|accuracy|few|bar|%', value=True)
def nearest_mean_model():
    train_x, train_y, _, _ = _mnist()
    return NearestMean(torch.stack([train_x[train_y == d].mean(0) for d in range(10)]))

@wrong('digits_model', r'label|accuracy|85|%|few', value=True)
def shifted_labels():
    train_x, train_y, _, _ = _mnist()
    return _train(_linear(3), train_x, (train_y + 1) % 10, epochs=1, lr=1.)

@wrong('digits_model', r'accuracy|85|%|few|digits', value=True)
def trained_on_half_the_digits():
    train_x, train_y, _, _ = _mnist()
    keep = train_y < 5
    return _train(_linear(4), train_x[keep], train_y[keep], epochs=1, lr=1.)

class Classes(nn.Module):
    "A trained model that gives the predicted digit instead of ten scores"
    def __init__(self, model):
        super().__init__()
        self.model = model
    def forward(self, xb): return self.model(xb).argmax(1)

@wrong('digits_model', r'ten scores|10 scores|\[N, ?10\]|argmax|outputs', value=True)
def gives_classes_not_scores():
    train_x, train_y, _, _ = _mnist()
    return Classes(_train(_linear(5), train_x, train_y, epochs=1, lr=1.))

@wrong('digits_model', r'accuracy|85|%|few', value=True, listed=True)
def trained_on_100_images():
    train_x, train_y, _, _ = _mnist()
    torch.manual_seed(6)
    idx = torch.randperm(len(train_x))[:100]
    return _train(_linear(6), train_x[idx], train_y[idx], epochs=1, lr=0.1, bs=100)

@right('digits_model', value=True)
def linear_three_epochs():
    train_x, train_y, _, _ = _mnist()
    return _train(_linear(7), train_x, train_y, epochs=3, lr=1.)

@right('digits_model', value=True)
def relu_net():
    train_x, train_y, _, _ = _mnist()
    torch.manual_seed(8)
    net = nn.Sequential(nn.Linear(784, 100), nn.ReLU(), nn.Linear(100, 10))
    return _train(net, train_x, train_y, epochs=3, lr=0.5)

@right('digits_model', value=True)
def linear_in_float64():
    train_x, train_y, _, _ = _mnist()
    return _train(_linear(9, torch.float64), train_x.double(), train_y, epochs=3, lr=1.)
