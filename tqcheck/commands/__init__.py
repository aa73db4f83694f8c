"""Command groups that `tqcheck.cli` registers: `models`."""
