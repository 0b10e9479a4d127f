__version__ = "0.1.0"

import warnings
# Importing fastai calls `torch.jit.script`, which PyTorch 2.10 and later deprecate with a FutureWarning: a note
# about PyTorch's internals that a learner can do nothing about, shown in red in every lesson that uses fastai.
# lessonlib hides that one message (imported before fastai, as every lesson does); other warnings still show.
warnings.filterwarnings('ignore', message='`torch.jit.script` is deprecated', category=FutureWarning)
