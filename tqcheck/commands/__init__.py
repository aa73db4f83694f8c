"""Commands: the `models` and `cache` command groups that the command line registers. Imports cli and translation/."""
