"""The frozen program's entry point: the same `stakewatch` command as the console script."""

import sys

from stakewatch.launcher import main

if __name__ == "__main__":
    sys.exit(main())
