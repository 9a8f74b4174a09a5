"""Command line: ``python -m cfp_core …`` over the same core as the dashboard.

Command groups live in their own modules and register here:
``cli_data`` (footprint, import, export, factors, reconcile, seed),
``cli_publish`` (publish, card) and ``cli_disclosure`` (pact, report).
"""

from __future__ import annotations

import importlib

import click

from cfp_core import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="cfp_core")
@click.option("--db", "db_path", envvar="CFP_DB_PATH", type=click.Path(dir_okay=False),
              help="SQLite database (default: $CFP_DB_PATH or data/cfp.db).")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="en", show_default=True,
              help="Language of labels and messages.")
@click.pass_context
def cli(ctx: click.Context, db_path: str | None, lang: str) -> None:
    """Product carbon footprint (GB/T 24067-2024 / ISO 14067:2018) from the command line."""
    ctx.obj = {"db_path": db_path, "lang": lang}


for _name in ("cli_data", "cli_publish", "cli_disclosure"):
    try:
        _module = importlib.import_module(f"cfp_core.{_name}")
    except ModuleNotFoundError as error:  # a command module not written yet
        if error.name != f"cfp_core.{_name}":
            raise
        continue
    _module.register(cli)
