"""`python -m stakewatch` is the `stakewatch` command."""

import sys

from .launcher import main

sys.exit(main())
