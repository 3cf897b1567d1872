"""`python -m stakewatch` is the `stakewatch` command."""

import sys

from .cli.main import main

sys.exit(main())
