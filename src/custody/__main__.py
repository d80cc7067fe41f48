"""`python -m custody`: the desktop app (same as the `custody` command)."""

import sys

from custody.app import main

if __name__ == "__main__":
    sys.exit(main())
