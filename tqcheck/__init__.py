"""tqcheck: find the traces machine translation leaves in published text."""

__version__ = "0.1.0"
