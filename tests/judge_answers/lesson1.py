"Lesson 1's exercises, answered as learners might"
import numpy as np, torch
from torch import tensor
from . import wrong, right

# Exercise 1: double_odds(nums), the odd numbers doubled, with a list comprehension
@wrong('double_odds', r'even', listed=True)
def evens_doubled(nums): return [n*2 for n in nums if n % 2 == 0]

@wrong('double_odds', r'even|odd', listed=True)
def all_doubled(nums): return [n*2 for n in nums]

@wrong('double_odds', r'doubl|twice|2 times', listed=True)
def odds_not_doubled(nums): return [n for n in nums if n % 2]

@wrong('double_odds', r'squar')
def odds_squared(nums): return [n**2 for n in nums if n % 2]

@wrong('double_odds', r'generator|not a list')
def generator_not_list(nums): return (n*2 for n in nums if n % 2)

@wrong('double_odds', r'set|repeat|duplicate')
def as_a_set(nums): return set(n*2 for n in nums if n % 2)

@wrong('double_odds', r'sort')
def sorted_first(nums): return [n*2 for n in sorted(nums) if n % 2]

@wrong('double_odds', r'chang|in place|modif')
def removes_evens_from_input(nums):
    for n in list(nums):
        if n % 2 == 0: nums.remove(n)
    return [n*2 for n in nums]

@wrong('double_odds', r'shift|skip|missing')
def skips_first(nums): return [n*2 for n in nums[1:] if n % 2]

@right('double_odds')
def odds_eq_one(nums): return [2*n for n in nums if n % 2 == 1]

@right('double_odds')
def odds_bitwise(nums): return [n + n for n in nums if n & 1]

# Exercise 2: my_mse(preds, targets)
@wrong('my_mse', r'item|float|0-d|backward')
def mse_item(preds, targets): return ((preds - targets)**2).mean().item()

@wrong('my_mse', r'square.*mean|mean.*square', listed=True)
def square_of_mean(preds, targets): return (preds - targets).mean()**2

@wrong('my_mse', r'one number|0-d|single number')
def mean_over_first_axis(preds, targets): return ((preds - targets)**2).mean(0)

@wrong('my_mse', r'chang|in place|modif')
def subtracts_in_place(preds, targets):
    preds -= targets
    return (preds**2).mean()

@wrong('my_mse', r'N ?- ?1|n-1')
def divides_by_n_minus_1(preds, targets): return ((preds - targets)**2).sum() / (preds.numel() - 1)

@wrong('my_mse', r'len|first axis|1-d')
def divides_by_len(preds, targets): return ((preds - targets)**2).sum() / len(preds)

@wrong('my_mse', r'gradient|backward|grad|detach|new tensor')
def detached_loss(preds, targets): return torch.tensor(((preds - targets)**2).mean().item())

@wrong('my_mse', r'numpy|ndarray')
def numpy_mse(preds, targets): return np.mean((preds.detach().numpy() - targets.detach().numpy())**2)

@right('my_mse')
def mse_pow(preds, targets): return (targets - preds).pow(2).sum() / preds.numel()

@right('my_mse')
def mse_square(preds, targets): return torch.mean(torch.square(preds - targets))

# Exercise 3: my_fit(params, loss_fn, steps, lr), returning the loss at each step
@wrong('my_fit', r'after the step|shift|one step|before')
def records_loss_after_step(params, loss_fn, steps, lr):
    losses = []
    for _ in range(steps):
        loss = loss_fn(params)
        loss.backward()
        with torch.no_grad(): params -= lr * params.grad
        params.grad.zero_()
        losses.append(loss_fn(params).item())
    return losses

@wrong('my_fit', r'steps|one fewer|fewer|length')
def one_step_short(params, loss_fn, steps, lr):
    losses = []
    for _ in range(steps - 1):
        loss = loss_fn(params)
        loss.backward()
        with torch.no_grad(): params -= lr * params.grad
        params.grad.zero_()
        losses.append(loss.item())
    return losses

@wrong('my_fit', r'lr|learning rate', listed=True)
def ignores_lr(params, loss_fn, steps, lr):
    losses = []
    for _ in range(steps):
        loss = loss_fn(params)
        loss.backward()
        with torch.no_grad(): params -= params.grad
        params.grad.zero_()
        losses.append(loss.item())
    return losses

@wrong('my_fit', r'last|every step|each step|one number')
def returns_last_loss(params, loss_fn, steps, lr):
    losses = []
    for _ in range(steps):
        loss = loss_fn(params)
        loss.backward()
        with torch.no_grad(): params -= lr * params.grad
        params.grad.zero_()
        losses.append(loss.item())
    return losses[-1]

@wrong('my_fit', r'in place|new tensor|params =|rebind|caller|require', listed=True)
def rebinds_params(params, loss_fn, steps, lr):
    losses = []
    for _ in range(steps):
        loss = loss_fn(params)
        loss.backward()
        with torch.no_grad(): params = params - lr * params.grad
        losses.append(loss.item())
    return losses

@wrong('my_fit', r'lr|learning rate|steps|smaller')
def lr_over_steps(params, loss_fn, steps, lr):
    losses = []
    for _ in range(steps):
        loss = loss_fn(params)
        loss.backward()
        with torch.no_grad(): params -= lr / steps * params.grad
        params.grad.zero_()
        losses.append(loss.item())
    return losses

@wrong('my_fit', r'norm|length|size of the gradient|scale')
def normalised_step(params, loss_fn, steps, lr):
    losses = []
    for _ in range(steps):
        loss = loss_fn(params)
        loss.backward()
        with torch.no_grad(): params -= lr * params.grad / params.grad.norm()
        params.grad.zero_()
        losses.append(loss.item())
    return losses

@right('my_fit')
def grad_set_to_none(params, loss_fn, steps, lr):
    losses = []
    for _ in range(steps):
        loss = loss_fn(params)
        loss.backward()
        with torch.no_grad(): params.sub_(lr * params.grad)
        params.grad = None
        losses.append(loss.item())
    return losses

@right('my_fit')
def zero_first(params, loss_fn, steps, lr):
    losses = []
    for i in range(steps):
        if params.grad is not None: params.grad.zero_()
        loss = loss_fn(params)
        losses.append(loss.item())
        loss.backward()
        params.data -= lr * params.grad.data
    return losses

# Exercise 4: my_relu(x)
@wrong('my_relu', r'positive|negative|clamp|max|min|sign', listed=True)
def clamps_max(x): return x.clamp(max=0)

@wrong('my_relu', r'chang|in place|modif')
def zeroes_in_place(x):
    x[x < 0] = 0
    return x

@wrong('my_relu', r'abs|negative|sign', listed=True)
def absolute(x): return x.abs()

@wrong('my_relu', r'0 or 1|ones|step|bool|only 0|instead of the value')
def step_function(x): return (x > 0).float()

@wrong('my_relu', r'0\.01|leak|small|negative')
def leaky(x): return torch.maximum(x, x * 0.01)

@wrong('my_relu', r'chang|in place|modif|relu_')
def relu_underscore(x): return x.relu_()

@wrong('my_relu', r'clamp|above|upper|large')
def clamped_to_one(x): return x.clamp(0, 1)

@wrong('my_relu', r'numpy|ndarray')
def numpy_relu(x): return np.maximum(x.detach().numpy(), 0)

@wrong('my_relu', r'1-d|one axis|2-d|element|loop')
def loop_over_values(x): return tensor([max(float(v), 0.) for v in x])

@right('my_relu')
def times_mask(x): return x * (x > 0)

@right('my_relu')
def where_zeros(x): return torch.where(x > 0, x, torch.zeros_like(x))

# Exercise 5: my_relu_sum(m, b, w, x), one number per input
@wrong('my_relu_sum', r'sum over', listed=True)
def sums_wrong_axis(m, b, w, x): return (w * torch.relu(m * x[:, None] + b)).sum(0)

@wrong('my_relu_sum', r'average|mean|sum', listed=True)
def mean_not_sum(m, b, w, x): return (w * torch.relu(m * x[:, None] + b)).mean(1)

@wrong('my_relu_sum', r'relu|negative|clamp|max')
def no_relu(m, b, w, x): return (w * (m * x[:, None] + b)).sum(1)

@wrong('my_relu_sum', r'relu|after|weight')
def relu_after_sum(m, b, w, x): return torch.relu((w * (m * x[:, None] + b)).sum(1))

@wrong('my_relu_sum', r'\bw\b|weight', listed=True)
def weights_forgotten(m, b, w, x): return torch.relu(m * x[:, None] + b).sum(1)

@wrong('my_relu_sum', r'one number|0-d|single')
def sums_everything(m, b, w, x): return (w * torch.relu(m * x[:, None] + b)).sum()

@wrong('my_relu_sum', r'column|\[N, ?1\]|keepdim|extra')
def keeps_dim(m, b, w, x): return (w * torch.relu(m * x[:, None] + b)).sum(1, keepdim=True)

@wrong('my_relu_sum', r'\bb\b|bias|inside|bracket|parenthes')
def bias_inside(m, b, w, x): return (w * torch.relu(m * (x[:, None] + b))).sum(1)

@right('my_relu_sum')
def matmul_rows(m, b, w, x): return w @ torch.relu(m[:, None] * x + b[:, None])

@right('my_relu_sum')
def outer_product(m, b, w, x): return torch.relu(torch.outer(x, m) + b) @ w
