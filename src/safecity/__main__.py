"""`python -m safecity` runs the command-line interface, as `safecity` does."""

from safecity.cli import main

main()
