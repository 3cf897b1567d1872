"""`python -m stakewatch` is the `stakewatch` command."""

import sys

from .cli import main

sys.exit(main())
