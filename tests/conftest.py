import os, sys
from pathlib import Path
os.environ.setdefault('MPLBACKEND', 'agg')   # no display when notebooks run as tests
sys.path.insert(0, str(Path(__file__).resolve().parent.parent/'tools'))   # the project's tools: readme, nbcells, lesson_header
