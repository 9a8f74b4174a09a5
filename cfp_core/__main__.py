"""``python -m cfp_core``."""

from cfp_core.cli import cli

cli(prog_name="python -m cfp_core")
