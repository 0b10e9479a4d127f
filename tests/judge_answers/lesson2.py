"Lesson 2's exercises, answered as learners might"
import numpy as np, torch
import torch.nn.functional as F
from torch import tensor
from . import wrong, right

# Exercise 1: t, a 3x3 tensor of 1 to 9; bottom_right, t doubled, then its bottom-right four numbers
@wrong('bottom_right', r'0 to 8|arange|start|1 to 9', value=True)
def from_zero(): return (torch.arange(9).view(3, 3) * 2)[1:, 1:]

@wrong('bottom_right', r'doubl|twice|half', value=True, listed=True)
def not_doubled():
    t = tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
    return t[1:, 1:]

@wrong('bottom_right', r'four|\[2, ?2\]', value=True, listed=True)
def one_corner():
    t = tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
    return (t * 2)[2:, 2:]

@wrong('bottom_right', r'top|left|corner|columns', value=True, listed=True)
def top_left():
    t = tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
    return (t * 2)[:2, :2]

@wrong('bottom_right', r'squar', value=True, listed=True)
def squared():
    t = tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
    return (t**2)[1:, 1:]

@wrong('bottom_right', r'\]\[|\[1:\]\[1:\]|\[1:, ?1:\]|comma', value=True)
def chained_slices():
    t = tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
    return (t * 2)[1:][1:]

@wrong('bottom_right', r'transpos|\.T\b|rows and columns|swapp', value=True)
def transposed():
    t = tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
    return (t * 2).T[1:, 1:]

@wrong('bottom_right', r'numpy|ndarray', value=True)
def numpy_array(): return np.array([[1, 2, 3], [4, 5, 6], [7, 8, 9]])[1:, 1:] * 2

@wrong('bottom_right', r'not a tensor|should be a tensor|a list, not|torch\.tensor', value=True)
def python_list(): return [[10, 12], [16, 18]]

@right('bottom_right', value=True)
def arange_negative_slices(): return (torch.arange(1, 10).view(3, 3) * 2)[-2:, -2:]

@right('bottom_right', value=True)
def floats_reshape(): return (torch.arange(1., 10.).reshape(3, 3).mul(2))[1:, 1:]

# Exercise 2: my_rank(t), from its shape
@wrong('my_rank', r'tuple|torch\.Size', listed=True)
def the_shape(t): return t.shape

@wrong('my_rank', r'len\(t\)|first axis|length', listed=True)
def length(t): return len(t)

@wrong('my_rank', r'numel|number of elements|elements', listed=True)
def numel(t): return t.numel()

@wrong('my_rank', r'shape\[0\]|first axis|length', listed=True)
def first_size(t): return t.shape[0]

@wrong('my_rank', r'less|minus')
def one_less(t): return len(t.shape) - 1

@wrong('my_rank', r'max|largest')
def largest_axis(t): return max(t.shape)

@wrong('my_rank', r'str|text|string')
def as_text(t): return str(len(t.shape))

@wrong('my_rank', r'None|print')
def prints_it(t): print(len(t.shape))

@right('my_rank')
def len_size(t): return len(t.size())

@right('my_rank')
def len_list_shape(t): return len(list(t.shape))

# Exercise 3: stack_images(images), 0..255 whole numbers -> one rank-3 tensor of floats from 0 to 1
@wrong('stack_images', r'256|255|scale')
def over_256(images): return torch.stack(images) / 256

@wrong('stack_images', r'255|scale|whole', listed=True)
def not_scaled(images): return torch.stack(images)

@wrong('stack_images', r'255|scale|0 to 1', listed=True)
def float_not_scaled(images): return torch.stack(images).float()

@wrong('stack_images', r'cat|rank|stack', listed=True)
def concatenated(images): return torch.cat(images) / 255

@wrong('stack_images', r'//|integer|whole|round|floor|0 or 1')
def floor_division(images): return torch.stack(images) // 255

@wrong('stack_images', r'max|255|scale|brightest')
def scaled_by_max(images): return torch.stack(images).float() / images[0].max()

@wrong('stack_images', r'axis|dim|\[i\]')
def stacked_on_axis_1(images): return torch.stack(images, dim=1).float() / 255

@wrong('stack_images', r'missing|number of images|length')
def drops_first(images): return torch.stack(images[1:]).float() / 255

@wrong('stack_images', r'numpy|ndarray')
def numpy_stack(images): return np.stack([im.numpy() for im in images]) / 255

@right('stack_images')
def int_true_division(images): return torch.stack(images) / 255

@right('stack_images')
def each_then_stack(images): return torch.stack([im.float().div(255.) for im in images])

# Exercise 4: mean_image(stack)
@wrong('mean_image', r'one number', listed=True)
def mean_of_all(stack): return stack.mean()

@wrong('mean_image', r'axis|axes|dim')
def mean_axis_1(stack): return stack.mean(1)

@wrong('mean_image', r'number of images', listed=True)
def sum_not_mean(stack): return stack.sum(0)

@wrong('mean_image', r'per image|each image', listed=True)
def mean_per_image(stack): return stack.mean((1, 2))

@wrong('mean_image', r'median')
def median(stack): return stack.median(0).values

@wrong('mean_image', r'\[0\]|one image', listed=True)
def first_image(stack): return stack[0]

@wrong('mean_image', r'keepdim|\[1,|extra')
def keeps_dim(stack): return stack.mean(0, keepdim=True)

@wrong('mean_image', r'max|largest|brightest')
def max_image(stack): return stack.max(0).values

@wrong('mean_image', r'transpos|\.T\b|rows and columns|swapp')
def transposed(stack): return stack.mean(0).T

@wrong('mean_image', r'N ?- ?1')
def n_minus_1(stack): return stack.sum(0) / (len(stack) - 1)

@right('mean_image')
def sum_over_len(stack): return stack.sum(0) / len(stack)

@right('mean_image')
def torch_mean_dim(stack): return torch.mean(stack, dim=0)

# Exercise 5: my_mnist_distance(a, b): one number for two images, one per image of a stack
@wrong('my_mnist_distance', r'one number|per image', listed=True)
def mean_of_everything(a, b): return (a - b).abs().mean()

@wrong('my_mnist_distance', r'rmse|squar|root', listed=True)
def rmse(a, b): return ((a - b)**2).mean((-1, -2)).sqrt()

@wrong('my_mnist_distance', r'abs|absolute|cancel|sign|negative')
def abs_after_mean(a, b): return (a - b).mean((-1, -2)).abs()

@wrong('my_mnist_distance', r'784|pixels', listed=True)
def sum_not_mean(a, b): return (a - b).abs().sum((-1, -2))

@wrong('my_mnist_distance', r'axes|both|last two|-2', listed=True)
def last_axis_only(a, b): return (a - b).abs().mean(-1)

@wrong('my_mnist_distance', r'single|one image|two images|axes|1, ?2|-1, ?-2', listed=True)
def axes_1_2(a, b): return (a - b).abs().mean((1, 2))

@wrong('my_mnist_distance', r'l1_loss|one number|per image|reduc', listed=True)
def l1_loss(a, b): return F.l1_loss(a, b)

@wrong('my_mnist_distance', r'chang|in place|modif')
def subtracts_in_place(a, b):
    a -= b
    return a.abs().mean((-1, -2))

@right('my_mnist_distance')
def mean_twice(a, b): return (a - b).abs().mean(-1).mean(-1)

@right('my_mnist_distance')
def flatten_then_mean(a, b): return (a - b).abs().flatten(-2).mean(-1)

# Exercise 6: all_distances(x, means) -> [N, k]
@wrong('all_distances', r'transpos|\[k, ?N\]|swapp', listed=True)
def k_by_n(x, means): return (x[None] - means[:, None]).abs().mean((-1, -2))

@wrong('all_distances', r'784|pixels')
def sums(x, means): return (x[:, None] - means).abs().sum((-1, -2))

@wrong('all_distances', r'rmse|squar|root')
def rmse(x, means): return ((x[:, None] - means)**2).mean((-1, -2)).sqrt()

@wrong('all_distances', r'axes|both|last two|-2', listed=True)
def last_axis_only(x, means): return (x[:, None] - means).abs().mean(-1)

@wrong('all_distances', r'None|unsqueeze|broadcast', listed=True)
def no_new_axis(x, means): return (x - means).abs().mean((-1, -2))

@wrong('all_distances', r'abs|absolute|cancel|sign|negative')
def abs_after_mean(x, means): return (x[:, None] - means).mean((-1, -2)).abs()

@wrong('all_distances', r'argmin|nearest|distances')
def nearest_not_distances(x, means): return (x[:, None] - means[None]).abs().mean((-1, -2)).argmin(1)

@wrong('all_distances', r'transpos|\[k, ?N\]|swapp', listed=True)
def stacked_rows_per_mean(x, means): return torch.stack([(x - m).abs().mean((-1, -2)) for m in means])

@right('all_distances')
def unsqueeze(x, means): return (x.unsqueeze(1) - means.unsqueeze(0)).abs().mean((2, 3))

@right('all_distances')
def cdist(x, means): return torch.cdist(x.flatten(1), means.flatten(1), p=1) / (x.shape[-1] * x.shape[-2])
