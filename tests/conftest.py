import os
os.environ.setdefault('MPLBACKEND', 'agg')   # no display when notebooks run as tests
