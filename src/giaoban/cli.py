"""The `giaoban` console script.

`giaoban extract …` runs the pure-Python extractor directly: it needs no
database or settings and must start fast.  Everything else is a Django
management command run with the project's settings.
"""

import os
import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    if len(argv) > 1 and argv[1] == "extract":
        from giaoban.extract.cli import main as extract_main

        return extract_main(argv[2:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "giaoban.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)
    return 0


if __name__ == "__main__":
    sys.exit(main())
