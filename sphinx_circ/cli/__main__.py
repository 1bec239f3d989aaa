"""``python -m sphinx_circ.cli``."""

import sys

from . import main

sys.exit(main())
