#!/usr/bin/env python
import sys

from giaoban.cli import main

if __name__ == "__main__":
    sys.exit(main())
