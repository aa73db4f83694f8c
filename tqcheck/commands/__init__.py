"""Commands: the `models` and `cache` command groups and the `config` command that the command line registers. Imports cli and translation/."""
