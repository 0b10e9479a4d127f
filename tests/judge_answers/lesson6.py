"Lesson 6's exercises, answered as learners might"
from collections import OrderedDict
import torch
from torch import nn
import torch.nn.functional as F
from . import wrong, right

# Exercise 1: my_simple_net(xb, w1, b1, w2, b2)
@wrong('my_simple_net', r'relu|before the first|input')
def relu_on_inputs(xb, w1, b1, w2, b2): return (xb.relu() @ w1 + b1) @ w2 + b2

@wrong('my_simple_net', r'sigmoid', listed=True)
def sigmoid_not_relu(xb, w1, b1, w2, b2): return torch.sigmoid(xb @ w1 + b1) @ w2 + b2

@wrong('my_simple_net', r'b2|bias|second')
def no_b2(xb, w1, b1, w2, b2): return (xb @ w1 + b1).relu() @ w2

@wrong('my_simple_net', r'clamp|max|min|negative|positive|relu')
def clamps_max(xb, w1, b1, w2, b2): return (xb @ w1 + b1).clamp(max=0) @ w2 + b2

@wrong('my_simple_net', r'b1|bias|after the relu|before')
def bias_after_relu(xb, w1, b1, w2, b2): return ((xb @ w1).relu() + b1) @ w2 + b2

@wrong('my_simple_net', r'transpos|\.T|w2')
def w2_transposed(xb, w1, b1, w2, b2): return (xb @ w1 + b1).relu() @ w2.T + b2

@wrong('my_simple_net', r'squar|relu')
def squared_activation(xb, w1, b1, w2, b2): return ((xb @ w1 + b1)**2) @ w2 + b2

@right('my_simple_net')
def f_relu(xb, w1, b1, w2, b2): return F.relu(xb @ w1 + b1) @ w2 + b2

@right('my_simple_net')
def clamp_matmul(xb, w1, b1, w2, b2): return torch.clamp(xb.matmul(w1) + b1, min=0).matmul(w2) + b2

# Exercise 2: make_simple_net(n_in, n_hidden)
@wrong('make_simple_net', r'sigmoid|relu|activation')
def sigmoid_between(n_in, n_hidden): return nn.Sequential(nn.Linear(n_in, n_hidden), nn.Sigmoid(), nn.Linear(n_hidden, 1))

@wrong('make_simple_net', r'bias')
def no_bias(n_in, n_hidden):
    return nn.Sequential(nn.Linear(n_in, n_hidden, bias=False), nn.ReLU(), nn.Linear(n_hidden, 1, bias=False))

@wrong('make_simple_net', r'n_in|n_hidden|swapp|inputs')
def sizes_swapped(n_in, n_hidden): return nn.Sequential(nn.Linear(n_hidden, n_in), nn.ReLU(), nn.Linear(n_in, 1))

@wrong('make_simple_net', r'layer|hidden|extra|second|three|deeper|more')
def extra_hidden_layer(n_in, n_hidden):
    return nn.Sequential(nn.Linear(n_in, n_hidden), nn.ReLU(), nn.Linear(n_hidden, n_hidden), nn.ReLU(),
                         nn.Linear(n_hidden, 1))

@wrong('make_simple_net', r'Sequential|module')
def list_of_layers(n_in, n_hidden): return [nn.Linear(n_in, n_hidden), nn.ReLU(), nn.Linear(n_hidden, 1)]

@wrong('make_simple_net', r'sigmoid|end|last')
def sigmoid_at_end(n_in, n_hidden):
    return nn.Sequential(nn.Linear(n_in, n_hidden), nn.ReLU(), nn.Linear(n_hidden, 1), nn.Sigmoid())

@wrong('make_simple_net', r'output|one output|outputs|n_hidden')
def n_hidden_outputs(n_in, n_hidden):
    return nn.Sequential(nn.Linear(n_in, n_hidden), nn.ReLU(), nn.Linear(n_hidden, n_hidden))

@wrong('make_simple_net', r'leak|relu|negative|activation')
def leaky_relu(n_in, n_hidden): return nn.Sequential(nn.Linear(n_in, n_hidden), nn.LeakyReLU(), nn.Linear(n_hidden, 1))

@right('make_simple_net')
def inplace_relu(n_in, n_hidden): return nn.Sequential(nn.Linear(n_in, n_hidden), nn.ReLU(inplace=True), nn.Linear(n_hidden, 1))

@right('make_simple_net')
def named_layers(n_in, n_hidden):
    return nn.Sequential(OrderedDict(hidden=nn.Linear(n_in, n_hidden), relu=nn.ReLU(), out=nn.Linear(n_hidden, 1)))

# Exercise 3: MySimpleNet(n_in, n_hidden)
@wrong('MySimpleNet', r'\[n_hidden, ?n_in\]|transpos|w1')
class W1Transposed(nn.Module):
    def __init__(self, n_in, n_hidden):
        super().__init__()
        self.w1 = nn.Parameter(torch.randn(n_hidden, n_in))
        self.b1 = nn.Parameter(torch.randn(n_hidden))
        self.w2 = nn.Parameter(torch.randn(n_hidden, 1))
        self.b2 = nn.Parameter(torch.randn(1))
    def forward(self, xb): return (xb @ self.w1.T + self.b1).relu() @ self.w2 + self.b2

class _Params(nn.Module):
    def __init__(self, n_in, n_hidden):
        super().__init__()
        self.w1 = nn.Parameter(torch.randn(n_in, n_hidden))
        self.b1 = nn.Parameter(torch.randn(n_hidden))
        self.w2 = nn.Parameter(torch.randn(n_hidden, 1))
        self.b2 = nn.Parameter(torch.randn(1))

@wrong('MySimpleNet', r'relu|nonlinear|activation|linear', listed=True)
class ForwardWithoutRelu(_Params):
    def forward(self, xb): return (xb @ self.w1 + self.b1) @ self.w2 + self.b2

@wrong('MySimpleNet', r'relu|end|last|negative|output', listed=True)
class ReluAtEnd(_Params):
    def forward(self, xb): return ((xb @ self.w1 + self.b1).relu() @ self.w2 + self.b2).relu()

@wrong('MySimpleNet', r'b1|\[1\]|one bias|bias')
class OneHiddenBias(nn.Module):
    def __init__(self, n_in, n_hidden):
        super().__init__()
        self.w1 = nn.Parameter(torch.randn(n_in, n_hidden))
        self.b1 = nn.Parameter(torch.randn(1))
        self.w2 = nn.Parameter(torch.randn(n_hidden, 1))
        self.b2 = nn.Parameter(torch.randn(1))
    def forward(self, xb): return (xb @ self.w1 + self.b1).relu() @ self.w2 + self.b2

@wrong('MySimpleNet', r'zero|random|same|symmetr')
class ZeroInit(nn.Module):
    def __init__(self, n_in, n_hidden):
        super().__init__()
        self.w1 = nn.Parameter(torch.zeros(n_in, n_hidden))
        self.b1 = nn.Parameter(torch.zeros(n_hidden))
        self.w2 = nn.Parameter(torch.zeros(n_hidden, 1))
        self.b2 = nn.Parameter(torch.zeros(1))
    def forward(self, xb): return (xb @ self.w1 + self.b1).relu() @ self.w2 + self.b2

@wrong('MySimpleNet', r'b1.*w1')
class BiasFirst(nn.Module):
    def __init__(self, n_in, n_hidden):
        super().__init__()
        self.b1 = nn.Parameter(torch.randn(n_hidden))
        self.w1 = nn.Parameter(torch.randn(n_in, n_hidden))
        self.b2 = nn.Parameter(torch.randn(1))
        self.w2 = nn.Parameter(torch.randn(n_hidden, 1))
    def forward(self, xb): return (xb @ self.w1 + self.b1).relu() @ self.w2 + self.b2

@wrong('MySimpleNet', r'requires_grad|learn|gradient|frozen')
class Frozen(nn.Module):
    def __init__(self, n_in, n_hidden):
        super().__init__()
        self.w1 = nn.Parameter(torch.randn(n_in, n_hidden), requires_grad=False)
        self.b1 = nn.Parameter(torch.randn(n_hidden), requires_grad=False)
        self.w2 = nn.Parameter(torch.randn(n_hidden, 1), requires_grad=False)
        self.b2 = nn.Parameter(torch.randn(1), requires_grad=False)
    def forward(self, xb): return (xb @ self.w1 + self.b1).relu() @ self.w2 + self.b2

@wrong('MySimpleNet', r'sigmoid|relu|activation')
class SigmoidHidden(_Params):
    def forward(self, xb): return torch.sigmoid(xb @ self.w1 + self.b1) @ self.w2 + self.b2

@right('MySimpleNet')
class ScaledInit(nn.Module):
    def __init__(self, n_in, n_hidden):
        super().__init__()
        self.w1 = nn.Parameter(torch.randn(n_in, n_hidden) * 0.1)
        self.b1 = nn.Parameter(torch.randn(n_hidden) * 0.1)
        self.w2 = nn.Parameter(torch.randn(n_hidden, 1) * 0.1)
        self.b2 = nn.Parameter(torch.randn(1) * 0.1)
    def forward(self, xb): return F.relu(xb @ self.w1 + self.b1) @ self.w2 + self.b2

@right('MySimpleNet')
class RegisterParameter(nn.Module):
    def __init__(self, n_in, n_hidden):
        super().__init__()
        for name, shape in (('w1', (n_in, n_hidden)), ('b1', (n_hidden,)), ('w2', (n_hidden, 1)), ('b2', (1,))):
            self.register_parameter(name, nn.Parameter(torch.randn(*shape)))
    def forward(self, xb): return torch.clamp(xb.matmul(self.w1) + self.b1, min=0).matmul(self.w2) + self.b2

# Exercise 4: merge_layers(w1, b1, w2, b2) -> W, b
@wrong('merge_layers', r'b1|bias|w2|b1 ?@ ?w2|add', listed=True)
def biases_added(w1, b1, w2, b2): return w1 @ w2, b1 + b2

@wrong('merge_layers', r'swapp|W, b|b, W')
def returned_swapped(w1, b1, w2, b2): return b1 @ w2 + b2, w1 @ w2

@wrong('merge_layers', r'elementwise|\*|@|matrix|broadcast', listed=True)
def elementwise_product(w1, b1, w2, b2): return w1 * w2.T, b1 @ w2 + b2

@wrong('merge_layers', r'b1|bias|first layer', listed=True)
def b2_only(w1, b1, w2, b2): return w1 @ w2, b2

@wrong('merge_layers', r'b2|bias|second', listed=True)
def forgets_b2(w1, b1, w2, b2): return w1 @ w2, b1 @ w2

@wrong('merge_layers', r'transpos|\.T')
def transposed_w(w1, b1, w2, b2): return (w1 @ w2).T, b1 @ w2 + b2

@wrong('merge_layers', r'b1|\*|@|elementwise')
def b1_times_w2(w1, b1, w2, b2): return w1 @ w2, (b1 * w2.T).sum() + b2

@right('merge_layers')
def matmul_functions(w1, b1, w2, b2): return torch.matmul(w1, w2), b1.matmul(w2) + b2

@right('merge_layers')
def bias_from_zero_input(w1, b1, w2, b2):
    b = (torch.zeros(w1.shape[0]) @ w1 + b1) @ w2 + b2
    return w1 @ w2, b

# Exercise 5: predict(model, xb), wherever the model is
def _device(model): return next(model.parameters()).device

@wrong('predict', r'mov|in place|chang|caller', listed=True)
def moves_the_model(model, xb): return model.to(xb.device)(xb)

@wrong('predict', r'cuda|GPU')
def always_cuda(model, xb): return model(xb.cuda())

@wrong('predict', r'attribute|parameters')
def model_dot_device(model, xb): return model(xb.to(model.device))

@wrong('predict', r'sigmoid|probabilit')
def sigmoid_scores(model, xb): return model(xb.to(_device(model))).sigmoid()

@wrong('predict', r'squeeze|\[N\]|column')
def squeezed(model, xb): return model(xb.to(_device(model))).squeeze()

@wrong('predict', r'argmax|max')
def class_not_scores(model, xb): return model(xb.to(_device(model))).argmax(1)

@right('predict')
def param_device(model, xb): return model(xb.to(_device(model)))

@right('predict')
def no_grad_back_to_cpu(model, xb):
    with torch.no_grad(): return model(xb.to(_device(model))).cpu()
