"Lesson 3's exercises, answered as learners might"
import torch
import torch.nn.functional as F
from . import wrong, right

# Exercise 1: slope(f, x), computed by PyTorch
@wrong('slope', r'requires_grad|track', listed=True)
def not_tracked(f, x):
    xt = torch.tensor(x)
    f(xt).backward()
    return xt.grad

@wrong('slope', r'backward|None', listed=True)
def no_backward(f, x):
    xt = torch.tensor(x, requires_grad=True)
    f(xt)
    return xt.grad

@wrong('slope', r'squar|f\(xt\)|function')
def squares_the_output(f, x):
    xt = torch.tensor(x).requires_grad_()
    (f(xt)**2).backward()
    return xt.grad

@wrong('slope', r'finite|differen|approximat|PyTorch|backward|autograd')
def finite_difference(f, x):
    xt = torch.tensor(x)
    xt.grad = (f(xt + 1e-3) - f(xt)) / 1e-3
    return xt.grad

@wrong('slope', r'twice|two|2 times|double|accumulat|adds up')
def backward_twice(f, x):
    xt = torch.tensor(x).requires_grad_()
    f(xt).backward()
    f(xt).backward()
    return xt.grad

@wrong('slope', r'\bxt\b|backward')
def calls_f_on_the_number(f, x):
    xt = torch.tensor(x).requires_grad_()
    f(x).backward()
    return xt.grad

@wrong('slope', r'round|whole')
def rounds_x(f, x):
    xt = torch.tensor(float(int(x))).requires_grad_()
    f(xt).backward()
    return xt.grad

@right('slope')
def requires_grad_argument(f, x):
    xt = torch.tensor(x, requires_grad=True)
    y = f(xt)
    y.backward()
    return xt.grad

@right('slope')
def autograd_grad(f, x):
    xt = torch.as_tensor(float(x)).requires_grad_()
    xt.grad = torch.autograd.grad(f(xt), xt)[0]
    return xt.grad

# Exercise 2: quad_grad(params, t, y), by hand
@wrong('quad_grad', r'2|two|half', listed=True)
def no_factor_2(params, t, y):
    a, b, c = params
    err = a*t**2 + b*t + c - y
    return torch.stack([(err*t**2).mean(), (err*t).mean(), err.mean()])

@wrong('quad_grad', r'sign|minus|negat|opposite|y - ', listed=True)
def error_flipped(params, t, y):
    a, b, c = params
    err = y - (a*t**2 + b*t + c)
    return torch.stack([(2*err*t**2).mean(), (2*err*t).mean(), (2*err).mean()])

@wrong('quad_grad', r'\bsum|times|number of', listed=True)
def sums(params, t, y):
    a, b, c = params
    err = a*t**2 + b*t + c - y
    return torch.stack([(2*err*t**2).sum(), (2*err*t).sum(), (2*err).sum()])

@wrong('quad_grad', r'revers|swapp|a, b|c, b')
def reversed_order(params, t, y):
    a, b, c = params
    err = a*t**2 + b*t + c - y
    return torch.stack([(2*err).mean(), (2*err*t).mean(), (2*err*t**2).mean()])

@wrong('quad_grad', r't\*\*2|t²|square|\ba\b')
def t_not_squared_for_a(params, t, y):
    a, b, c = params
    err = a*t**2 + b*t + c - y
    return torch.stack([(2*err*t).mean(), (2*err*t).mean(), (2*err).mean()])

@wrong('quad_grad', r'backward|by hand|autograd')
def uses_backward(params, t, y):
    p = params.detach().clone().requires_grad_()
    loss = ((p[0]*t**2 + p[1]*t + p[2] - y)**2).mean()
    loss.backward()
    return p.grad

@wrong('quad_grad', r'product|mean of|separately')
def product_of_means(params, t, y):
    a, b, c = params
    err = a*t**2 + b*t + c - y
    return torch.stack([2*err.mean()*(t**2).mean(), 2*err.mean()*t.mean(), 2*err.mean()])

@wrong('quad_grad', r'backward|by hand|autograd')
def uses_autograd_grad(params, t, y):
    p = params.detach().clone().requires_grad_()
    return torch.autograd.grad(((p[0]*t**2 + p[1]*t + p[2] - y)**2).mean(), p)[0]

@right('quad_grad')
def times_t_times_t(params, t, y):
    a, b, c = params
    err = a*t*t + b*t + c - y
    return torch.stack([2*(err*t*t).mean(), 2*(err*t).mean(), 2*err.mean()])

@right('quad_grad')
def design_matrix(params, t, y):
    X = torch.stack([t**2, t, torch.ones_like(t)], 1)
    err = X @ params - y
    return 2 * X.T @ err / len(t)

# Exercise 3: new_weights(weights, grads, lr)
@wrong('new_weights', r'chang|in place|modif|-=')
def in_place(weights, grads, lr):
    weights -= lr * grads
    return weights

@wrong('new_weights', r'sign')
def signs_only(weights, grads, lr): return weights - lr * grads.sign()

@wrong('new_weights', r'squar')
def squared_grads(weights, grads, lr): return weights - lr * grads**2

@wrong('new_weights', r'/ ?lr|lr|learning rate', listed=True)
def divides_by_lr(weights, grads, lr): return weights - grads / lr

@wrong('new_weights', r'average|one number|each weight')
def mean_gradient(weights, grads, lr): return weights - lr * grads.mean()

@wrong('new_weights', r'sign|negat|minus|opposite|flipped')
def all_flipped(weights, grads, lr): return lr * grads - weights

@wrong('new_weights', r'abs|absolute|sign|negative')
def absolute_grads(weights, grads, lr): return weights - lr * grads.abs()

@wrong('new_weights', r'multipl|times the weights|proportional')
def multiplicative(weights, grads, lr): return weights * (1 - lr * grads)

@right('new_weights')
def sub_alpha(weights, grads, lr): return torch.sub(weights, grads, alpha=lr)

@right('new_weights')
def plus_negative(weights, grads, lr): return weights + (-lr) * grads

# Exercise 4: my_apply_step(params, f, x, y, lr): one step in place, returning the loss before it
@wrong('my_apply_step', r'after the step|before|shift|one step', listed=True)
def returns_loss_after_step(params, f, x, y, lr):
    preds = f(x, params)
    loss = ((preds - y)**2).mean()
    loss.backward()
    with torch.no_grad(): params -= lr * params.grad
    params.grad.zero_()
    return ((f(x, params) - y)**2).mean().item()

@wrong('my_apply_step', r'\bsum|times|number of')
def sum_of_squares(params, f, x, y, lr):
    preds = f(x, params)
    loss = ((preds - y)**2).sum()
    loss.backward()
    with torch.no_grad(): params -= lr * params.grad
    params.grad.zero_()
    return loss.item()

@wrong('my_apply_step', r'abs|mae|absolute|squar')
def absolute_error(params, f, x, y, lr):
    preds = f(x, params)
    loss = (preds - y).abs().mean()
    loss.backward()
    with torch.no_grad(): params -= lr * params.grad
    params.grad.zero_()
    return loss.item()

@wrong('my_apply_step', r'sign')
def sign_step(params, f, x, y, lr):
    preds = f(x, params)
    loss = ((preds - y)**2).mean()
    loss.backward()
    with torch.no_grad(): params -= lr * params.grad.sign()
    params.grad.zero_()
    return loss.item()

@wrong('my_apply_step', r'zero|clear|before the step|does not move|never move|no step|unchanged')
def zeroes_before_step(params, f, x, y, lr):
    preds = f(x, params)
    loss = ((preds - y)**2).mean()
    loss.backward()
    params.grad.zero_()
    with torch.no_grad(): params -= lr * params.grad
    return loss.item()

@wrong('my_apply_step', r'in place|params =|new tensor|caller|does not move|never move|unchanged|same loss', listed=True)
def rebinds_params(params, f, x, y, lr):
    preds = f(x, params)
    loss = ((preds - y)**2).mean()
    loss.backward()
    with torch.no_grad(): params = params - lr * params.grad
    params.grad = None
    return loss.item()

@wrong('my_apply_step', r'lr|learning rate', listed=True)
def ignores_lr(params, f, x, y, lr):
    preds = f(x, params)
    loss = ((preds - y)**2).mean()
    loss.backward()
    with torch.no_grad(): params -= params.grad
    params.grad.zero_()
    return loss.item()

@right('my_apply_step')
def data_and_none(params, f, x, y, lr):
    preds = f(x, params)
    loss = torch.mean((preds - y)**2)
    loss.backward()
    params.data -= lr * params.grad.data
    params.grad = None
    return loss.item()

@right('my_apply_step')
def mse_loss_sub_(params, f, x, y, lr):
    loss = F.mse_loss(f(x, params), y)
    loss.backward()
    with torch.no_grad(): params.sub_(lr * params.grad)
    params.grad.zero_()
    return loss.item()
