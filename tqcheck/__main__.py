"""Entry point for `python -m tqcheck`."""
from tqcheck.cli import main

main()
