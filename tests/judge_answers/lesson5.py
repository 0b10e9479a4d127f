"Lesson 5's exercises, answered as learners might"
import random, torch
from . import wrong, right

# Exercise 1: MyOptim(params, lr) with step() and zero_grad()
class _Base:
    def __init__(self, params, lr): self.params, self.lr = list(params), lr
    def zero_grad(self):
        for p in self.params: p.grad = None

@wrong('MyOptim', r'add|\+=|uphill|sign|against', listed=True)
class StepsUphill(_Base):
    def step(self):
        for p in self.params: p.data += self.lr * p.grad

@wrong('MyOptim', r'one parameter|each parameter|every parameter|bias')
class FirstParamOnly(_Base):
    def step(self): self.params[0].data -= self.lr * self.params[0].grad

@wrong('MyOptim', r'lr|learning rate', listed=True)
class IgnoresLr(_Base):
    def step(self):
        for p in self.params: p.data -= p.grad

@wrong('MyOptim', r'in place|p =|new tensor|does not move|never move|unchanged|rebind', listed=True)
class RebindsLoopVariable(_Base):
    def step(self):
        with torch.no_grad():
            for p in self.params: p = p - self.lr * p.grad

@wrong('MyOptim', r'zero_grad|weights|parameters|data|gradient', listed=True)
class ZeroesTheWeights:
    def __init__(self, params, lr): self.params, self.lr = list(params), lr
    def step(self):
        for p in self.params: p.data -= self.lr * p.grad
    def zero_grad(self):
        for p in self.params: p.data.zero_()

@wrong('MyOptim', r'average|each weight|one number')
class MeanGradient(_Base):
    def step(self):
        for p in self.params: p.data -= self.lr * p.grad.mean()

@wrong('MyOptim', r'momentum|previous|past|accumulat|remember')
class WithMomentum(_Base):
    def __init__(self, params, lr):
        super().__init__(params, lr)
        self.v = [torch.zeros_like(p) for p in self.params]
    def step(self):
        for p, v in zip(self.params, self.v):
            v.mul_(0.9).add_(p.grad)
            p.data -= self.lr * v

@right('MyOptim')
class NoGradZeroInPlace:
    def __init__(self, params, lr): self.params, self.lr = list(params), lr
    def step(self):
        with torch.no_grad():
            for p in self.params: p -= self.lr * p.grad
    def zero_grad(self):
        for p in self.params:
            if p.grad is not None: p.grad.zero_()

@right('MyOptim')
class AddAlpha:
    def __init__(self, params, lr):
        self.params = list(params)
        self.lr = lr
    def step(self):
        for p in self.params: p.data.add_(p.grad.data, alpha=-self.lr)
    def zero_grad(self):
        for p in self.params: p.grad = None

# Exercise 2: shuffled_batches(x, y, bs)
@wrong('shuffled_batches', r'last|smaller|every row|missing|drop', listed=True)
def drops_last(x, y, bs):
    idx = torch.randperm(len(x))
    return [(x[idx[i:i+bs]], y[idx[i:i+bs]]) for i in range(0, len(x) - bs + 1, bs)]

@wrong('shuffled_batches', r'within|inside|each batch|across|same rows|whole')
def shuffled_within_batches(x, y, bs):
    batches = []
    for i in range(0, len(x), bs):
        idx = torch.randperm(len(x[i:i+bs])) + i
        batches.append((x[idx], y[idx]))
    return batches

@wrong('shuffled_batches', r'order of the batches|batches|same rows|within|together')
def shuffles_batch_order(x, y, bs):
    batches = [(x[i:i+bs], y[i:i+bs]) for i in range(0, len(x), bs)]
    random.shuffle(batches)
    return batches

@wrong('shuffled_batches', r'same order|each time|every call|seed|new random|twice', listed=True)
def same_order_each_call(x, y, bs):
    torch.manual_seed(0)
    idx = torch.randperm(len(x))
    return [(x[idx[i:i+bs]], y[idx[i:i+bs]]) for i in range(0, len(x), bs)]

@wrong('shuffled_batches', r'once|twice|repeat|replacement|every row|randint|missing', listed=True)
def with_replacement(x, y, bs):
    idx = torch.randint(len(x), (len(x),))
    return [(x[idx[i:i+bs]], y[idx[i:i+bs]]) for i in range(0, len(x), bs)]

@wrong('shuffled_batches', r'bs|overlap|once|twice|repeat')
def overlapping_batches(x, y, bs):
    idx = torch.randperm(len(x))
    return [(x[idx[i:i+bs+1]], y[idx[i:i+bs+1]]) for i in range(0, len(x), bs)]

@wrong('shuffled_batches', r'label|own input|together|pair|match', listed=True)
def labels_not_shuffled(x, y, bs):
    idx = torch.randperm(len(x))
    return [(x[idx[i:i+bs]], y[i:i+bs]) for i in range(0, len(x), bs)]

@right('shuffled_batches')
def split_after_permuting(x, y, bs):
    idx = torch.randperm(len(x))
    return list(zip(x[idx].split(bs), y[idx].split(bs)))

@right('shuffled_batches')
def python_shuffle(x, y, bs):
    order = list(range(len(x)))
    random.shuffle(order)
    out = []
    for i in range(0, len(order), bs):
        rows = order[i:i+bs]
        out.append((x[rows], y[rows]))
    return out

# Exercise 3: my_train_epoch(model, dl, loss_func, opt)
@wrong('my_train_epoch', r'once|after the loop|every batch|each batch|step')
def steps_once_per_epoch(model, dl, loss_func, opt):
    for xb, yb in dl: loss_func(model(xb), yb).backward()
    opt.step()
    opt.zero_grad()

@wrong('my_train_epoch', r'first batch|one batch|every batch|all the batches|each batch')
def first_batch_only(model, dl, loss_func, opt):
    xb, yb = next(iter(dl))
    loss_func(model(xb), yb).backward()
    opt.step()
    opt.zero_grad()

@wrong('my_train_epoch', r'opt|optimizer|lr|learning rate|step')
def own_step_without_lr(model, dl, loss_func, opt):
    for xb, yb in dl:
        loss_func(model(xb), yb).backward()
        with torch.no_grad():
            for p in model.parameters(): p -= p.grad
        opt.zero_grad()

@wrong('my_train_epoch', r'last batch|skip|every batch|all the batches|each batch')
def skips_last_batch(model, dl, loss_func, opt):
    for xb, yb in list(dl)[:-1]:
        loss_func(model(xb), yb).backward()
        opt.step()
        opt.zero_grad()

@wrong('my_train_epoch', r'twice|two epochs|one epoch|once')
def two_epochs(model, dl, loss_func, opt):
    for _ in range(2):
        for xb, yb in dl:
            loss_func(model(xb), yb).backward()
            opt.step()
            opt.zero_grad()

@wrong('my_train_epoch', r'twice|step|two steps|once')
def steps_twice(model, dl, loss_func, opt):
    for xb, yb in dl:
        loss_func(model(xb), yb).backward()
        opt.step()
        opt.step()
        opt.zero_grad()

@wrong('my_train_epoch', r'no_grad|gradient|backward|track')
def everything_without_grad(model, dl, loss_func, opt):
    with torch.no_grad():
        for xb, yb in dl:
            loss_func(model(xb), yb).backward()
            opt.step()
            opt.zero_grad()

@right('my_train_epoch')
def zero_first(model, dl, loss_func, opt):
    for xb, yb in dl:
        opt.zero_grad()
        loss = loss_func(model(xb), yb)
        loss.backward()
        opt.step()

@right('my_train_epoch')
def returns_losses(model, dl, loss_func, opt):
    losses = []
    for i, (xb, yb) in enumerate(dl):
        loss = loss_func(model(xb), yb)
        loss.backward()
        opt.step()
        opt.zero_grad()
        losses.append(loss.item())
    return losses

# Exercise 4: MyLearner(dls, model, loss_func, opt_func).fit(n_epoch, lr) -> validation loss per epoch
class _Learner:
    def __init__(self, dls, model, loss_func, opt_func):
        self.dls, self.model, self.loss_func, self.opt_func = dls, model, loss_func, opt_func
    def train_epoch(self, opt):
        self.model.train()
        for xb, yb in self.dls.train:
            self.loss_func(self.model(xb), yb).backward()
            opt.step()
            opt.zero_grad()
    def valid_loss(self):
        self.model.eval()
        total, n = 0., 0
        with torch.no_grad():
            for xb, yb in self.dls.valid:
                total += self.loss_func(self.model(xb), yb).item() * len(xb)
                n += len(xb)
        return total / n

@wrong('MyLearner', r'training loss|validation')
class ReturnsTrainingLosses(_Learner):
    def fit(self, n_epoch, lr):
        opt, out = self.opt_func(self.model.parameters(), lr), []
        for _ in range(n_epoch):
            self.model.train()
            total, n = 0., 0
            for xb, yb in self.dls.train:
                loss = self.loss_func(self.model(xb), yb)
                loss.backward()
                opt.step()
                opt.zero_grad()
                total += loss.item() * len(xb)
                n += len(xb)
            out.append(total / n)
        return out

@wrong('MyLearner', r'last|every epoch|each epoch|one number')
class ReturnsLastLoss(_Learner):
    def fit(self, n_epoch, lr):
        opt = self.opt_func(self.model.parameters(), lr)
        for _ in range(n_epoch): self.train_epoch(opt)
        return self.valid_loss()

@wrong('MyLearner', r'before|shift|after each epoch|one epoch')
class ValidatesBeforeTraining(_Learner):
    def fit(self, n_epoch, lr):
        opt, out = self.opt_func(self.model.parameters(), lr), []
        for _ in range(n_epoch):
            out.append(self.valid_loss())
            self.train_epoch(opt)
        return out

@wrong('MyLearner', r'lr|learning rate')
class IgnoresLr(_Learner):
    def fit(self, n_epoch, lr):
        opt, out = self.opt_func(self.model.parameters(), 0.1), []
        for _ in range(n_epoch):
            self.train_epoch(opt)
            out.append(self.valid_loss())
        return out

@wrong('MyLearner', r'epoch|one fewer|n_epoch|length')
class OneEpochShort(_Learner):
    def fit(self, n_epoch, lr):
        opt, out = self.opt_func(self.model.parameters(), lr), []
        for _ in range(n_epoch - 1):
            self.train_epoch(opt)
            out.append(self.valid_loss())
        return out

@wrong('MyLearner', r'valid|validation set|train on|trains on')
class TrainsOnValidationToo(_Learner):
    def fit(self, n_epoch, lr):
        opt, out = self.opt_func(self.model.parameters(), lr), []
        for _ in range(n_epoch):
            self.train_epoch(opt)
            self.model.train()
            for xb, yb in self.dls.valid:
                self.loss_func(self.model(xb), yb).backward()
                opt.step()
                opt.zero_grad()
            out.append(self.valid_loss())
        return out

@wrong('MyLearner', r'number of items')
class SummedValidationLoss(_Learner):
    def fit(self, n_epoch, lr):
        opt, out = self.opt_func(self.model.parameters(), lr), []
        for _ in range(n_epoch):
            self.train_epoch(opt)
            self.model.eval()
            with torch.no_grad():
                out.append(sum(self.loss_func(self.model(xb), yb).item() * len(xb) for xb, yb in self.dls.valid))
        return out

@right('MyLearner')
class WeightedMean(_Learner):
    def fit(self, n_epoch, lr):
        opt = self.opt_func(self.model.parameters(), lr)
        losses = []
        for epoch in range(n_epoch):
            self.train_epoch(opt)
            losses.append(self.valid_loss())
        return losses

@right('MyLearner')
class AllPredictionsAtOnce(_Learner):
    def fit(self, n_epoch, lr):
        opt, out = self.opt_func(self.model.parameters(), lr), []
        for _ in range(n_epoch):
            self.model.train()
            for xb, yb in self.dls.train:
                opt.zero_grad()
                self.loss_func(self.model(xb), yb).backward()
                opt.step()
            self.model.eval()
            with torch.no_grad():
                preds = torch.cat([self.model(xb) for xb, _ in self.dls.valid])
                targets = torch.cat([yb for _, yb in self.dls.valid])
                out.append(self.loss_func(preds, targets).item())
        return out
