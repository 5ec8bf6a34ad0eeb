"""``python -m pass_tui``: the command line (see :mod:`pass_tui.cli`)."""

import sys

from pass_tui.cli import main

if __name__ == "__main__":
    sys.exit(main())
