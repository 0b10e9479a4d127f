"Lesson 4's exercises, answered as learners might"
import torch
import torch.nn.functional as F
from torch import tensor
from . import wrong, right

# Exercise 1: make_dataset(threes, sevens) -> x [N, 784], the 3s first; y a column, 1 for a 3, 0 for a 7
@wrong('make_dataset', r'sevens|7s')
def sevens_first(threes, sevens):
    x = torch.cat([sevens, threes]).view(-1, 28*28)
    y = tensor([0]*len(sevens) + [1]*len(threes)).unsqueeze(1)
    return x, y

@wrong('make_dataset', r'label|swapp|0 for a 3|1 for a 7|flip|invert|opposite', listed=True)
def labels_swapped(threes, sevens):
    x = torch.cat([threes, sevens]).view(-1, 28*28)
    y = tensor([0]*len(threes) + [1]*len(sevens)).unsqueeze(1)
    return x, y

@wrong('make_dataset', r'784|28|view', listed=True)
def rows_of_28(threes, sevens):
    x = torch.cat([threes, sevens]).view(-1, 28)
    y = tensor([1]*len(threes) + [0]*len(sevens)).unsqueeze(1)
    return x, y

@wrong('make_dataset', r'transpos|\[784, ?N\]|column', listed=True)
def pixels_by_images(threes, sevens):
    x = torch.cat([threes, sevens]).view(28*28, -1)
    y = tensor([1]*len(threes) + [0]*len(sevens)).unsqueeze(1)
    return x, y

@wrong('make_dataset', r'swapp|x, y|y, x')
def y_then_x(threes, sevens):
    x = torch.cat([threes, sevens]).view(-1, 28*28)
    y = tensor([1]*len(threes) + [0]*len(sevens)).unsqueeze(1)
    return y, x

@wrong('make_dataset', r'flat|1-d|one row')
def flattened_everything(threes, sevens):
    x = torch.cat([threes, sevens]).flatten()
    y = tensor([1]*len(threes) + [0]*len(sevens)).unsqueeze(1)
    return x, y

@wrong('make_dataset', r'255|scale')
def divided_by_255(threes, sevens):
    x = torch.cat([threes, sevens]).view(-1, 28*28) / 255
    y = tensor([1]*len(threes) + [0]*len(sevens)).unsqueeze(1)
    return x, y

@wrong('make_dataset', r'not a tensor|should be a tensor|a list, not|torch\.tensor')
def labels_as_list(threes, sevens):
    x = torch.cat([threes, sevens]).view(-1, 28*28)
    y = [[1]]*len(threes) + [[0]]*len(sevens)
    return x, y

@right('make_dataset')
def flatten_each(threes, sevens):
    x = torch.cat([threes.flatten(1), sevens.flatten(1)])
    y = torch.tensor([1]*len(threes) + [0]*len(sevens))[:, None]
    return x, y

@right('make_dataset')
def float_labels(threes, sevens):
    x = torch.cat([threes, sevens]).reshape(len(threes) + len(sevens), -1)
    y = torch.cat([torch.ones(len(threes)), torch.zeros(len(sevens))]).unsqueeze(1)
    return x, y

# Exercise 2: my_linear1(xb, weights, bias) -> [N, 1]
@wrong('my_linear1', r'\[N\]|column|\[N, ?1\]|keepdim', listed=True)
def elementwise_sum(xb, weights, bias): return (xb * weights.T).sum(1) + bias

@wrong('my_linear1', r'multipl|\*|bias|add')
def times_bias(xb, weights, bias): return xb @ weights * bias

@wrong('my_linear1', r'sigmoid')
def with_sigmoid(xb, weights, bias): return (xb @ weights + bias).sigmoid()

@wrong('my_linear1', r'sign|minus|subtract|-|add')
def minus_bias(xb, weights, bias): return xb @ weights - bias

@wrong('my_linear1', r'squeeze|\[N\]|column|\[N, ?1\]', listed=True)
def squeezed(xb, weights, bias): return (xb @ weights + bias).squeeze()

@wrong('my_linear1', r'bias|inside|before|bracket|parenthes')
def bias_inside(xb, weights, bias): return (xb + bias) @ weights

@wrong('my_linear1', r'F\.linear|transpos|weight|\[1, ?n\]|\[out', listed=True)
def f_linear(xb, weights, bias): return F.linear(xb, weights, bias)

@wrong('my_linear1', r'transpos|weights|@')
def weights_first(xb, weights, bias): return weights.T @ xb + bias

@right('my_linear1')
def mm_bias_first(xb, weights, bias): return bias + torch.mm(xb, weights)

@right('my_linear1')
def keepdim_sum(xb, weights, bias): return (xb * weights.T).sum(1, keepdim=True) + bias

# Exercise 3: my_mnist_loss(predictions, targets) -> one number
@wrong('my_mnist_loss', r'\bsum|times|number of', listed=True)
def sum_not_mean(predictions, targets):
    p = predictions.sigmoid()
    return torch.where(targets == 1, 1 - p, p).sum()

@wrong('my_mnist_loss', r'item|backward')
def item(predictions, targets):
    p = predictions.sigmoid()
    return torch.where(targets == 1, 1 - p, p).mean().item()

@wrong('my_mnist_loss', r'one number|reduc|single|0-d', listed=True)
def not_reduced(predictions, targets):
    p = predictions.sigmoid()
    return torch.where(targets == 1, 1 - p, p)

@wrong('my_mnist_loss', r'squar|mse|mean squared|where')
def mse_of_sigmoid(predictions, targets): return ((predictions.sigmoid() - targets)**2).mean()

@wrong('my_mnist_loss', r'sigmoid|after|before')
def sigmoid_after_where(predictions, targets):
    return torch.where(targets == 1, 1 - predictions, predictions).sigmoid().mean()

@wrong('my_mnist_loss', r'target|ignor')
def ignores_targets(predictions, targets): return (1 - predictions.sigmoid()).mean()

@wrong('my_mnist_loss', r'\[1\]|one number|0-d|mean\(0\)|single')
def mean_over_axis_0(predictions, targets):
    p = predictions.sigmoid()
    return torch.where(targets == 1, 1 - p, p).mean(0)

@wrong('my_mnist_loss', r'chang|in place|modif|sigmoid_')
def sigmoid_in_place(predictions, targets):
    p = predictions.sigmoid_()
    return torch.where(targets == 1, 1 - p, p).mean()

@wrong('my_mnist_loss', r'sigmoid|sign|minus|exp|invert|opposite|flip')
def sigmoid_sign_slip(predictions, targets):
    p = 1 / (1 + torch.exp(predictions))
    return torch.where(targets == 1, 1 - p, p).mean()

@right('my_mnist_loss')
def arithmetic(predictions, targets):
    p = predictions.sigmoid()
    return (targets * (1 - p) + (1 - targets) * p).mean()

@right('my_mnist_loss')
def own_sigmoid_bool(predictions, targets):
    p = 1 / (1 + torch.exp(-predictions))
    return torch.where(targets.bool(), 1 - p, p).mean()

# Exercise 4: my_batch_accuracy(xb, yb)
@wrong('my_batch_accuracy', r'fraction')
def count_not_fraction(xb, yb): return ((xb.sigmoid() > 0.5) == yb).float().sum()

@wrong('my_batch_accuracy', r'\[N\]|\[N, ?1\]|broadcast|squeeze', listed=True)
def squeezed_targets(xb, yb): return ((xb.sigmoid() > 0.5) == yb.squeeze()).float().mean()

@wrong('my_batch_accuracy', r'<|invert|opposite|1 minus|flip|wrong ones', listed=True)
def less_than(xb, yb): return ((xb.sigmoid() < 0.5) == yb).float().mean()

@wrong('my_batch_accuracy', r'target|yb|ignor', listed=True)
def ignores_targets(xb, yb): return (xb.sigmoid() > 0.5).float().mean()

@wrong('my_batch_accuracy', r'abs|differen|threshold|0\.5|>')
def soft_error(xb, yb): return 1 - (xb.sigmoid() - yb).abs().mean()

@wrong('my_batch_accuracy', r'100|percent')
def percent(xb, yb): return ((xb.sigmoid() > 0.5) == yb).float().mean() * 100

@wrong('my_batch_accuracy', r'0\.7|threshold|0\.5')
def threshold_07(xb, yb): return ((xb.sigmoid() > 0.7) == yb).float().mean()

@right('my_batch_accuracy')
def scores_above_zero(xb, yb): return ((xb > 0) == yb).float().mean()

@right('my_batch_accuracy')
def rounded(xb, yb): return (xb.sigmoid().round() == yb).sum() / len(yb)

# Exercise 5: exact_accuracy(model, dl), every image counted once
@wrong('exact_accuracy', r'sigmoid|threshold|0\.5')
def no_sigmoid(model, dl):
    correct, n = 0, 0
    for xb, yb in dl:
        correct += ((model(xb) > 0.5) == yb).sum()
        n += len(yb)
    return correct / n

@wrong('exact_accuracy', r'first batch|one batch|inside|loop')
def returns_in_loop(model, dl):
    correct, n = 0, 0
    for xb, yb in dl:
        correct += ((model(xb).sigmoid() > 0.5) == yb).sum()
        n += len(yb)
        return correct / n

@wrong('exact_accuracy', r'last batch|smaller|full|batch size|number of images')
def assumes_full_batches(model, dl):
    correct, n, bs = 0, 0, None
    for xb, yb in dl:
        if bs is None: bs = len(xb)
        correct += ((model(xb).sigmoid() > 0.5) == yb).sum()
        n += bs
    return correct / n

@wrong('exact_accuracy', r'last batch|skip|missing|all the batches')
def skips_last_batch(model, dl):
    batches = list(dl)[:-1]
    correct = sum(((model(xb).sigmoid() > 0.5) == yb).sum() for xb, yb in batches)
    return correct / sum(len(yb) for _, yb in batches)

@wrong('exact_accuracy', r'fraction', listed=True)
def count_only(model, dl):
    correct = 0
    for xb, yb in dl: correct += ((model(xb).sigmoid() > 0.5) == yb).sum()
    return correct

@wrong('exact_accuracy', r'<|invert|opposite|1 minus|flip|wrong ones|mistakes')
def error_rate(model, dl):
    wrong_, n = 0, 0
    for xb, yb in dl:
        wrong_ += ((model(xb).sigmoid() > 0.5) != yb).sum()
        n += len(yb)
    return wrong_ / n

@right('exact_accuracy')
def weighted_batch_means(model, dl):
    total, n = 0., 0
    for xb, yb in dl:
        total += ((model(xb) > 0) == yb).float().mean() * len(yb)
        n += len(yb)
    return total / n

@right('exact_accuracy')
def all_at_once(model, dl):
    preds = torch.cat([model(xb) for xb, _ in dl])
    targets = torch.cat([yb for _, yb in dl])
    return ((preds.sigmoid() > 0.5) == targets).float().mean()
