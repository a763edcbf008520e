"""`python -m twinning`: the same command line as the `twinning` script."""

import sys

from twinning.cli import main

sys.exit(main())
