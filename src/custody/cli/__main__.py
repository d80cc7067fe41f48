"""`python -m custody.cli`."""

from custody.cli import main

raise SystemExit(main())
