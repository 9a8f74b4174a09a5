"""Command line: ``python -m cfp_core …`` over the same core as the dashboard.

Every command is registered here, explicitly, in ``COMMANDS``: ``data`` (footprint, import, export, factors,
reconcile, seed), ``publish`` (publish, card, card-verify), ``disclosure`` (pact, report, export-xlsx), ``server``
(serve, api-client, export-site: the disclosure server), ``workspace`` (check-exposure, members),
``suppliers`` (the group: import, list, compare, export, pull) and ``connections`` (suppliers' PACT APIs: add,
list, fetch, request, requests, answers).

A command's module is imported only when that command runs (or shows its own help): ``--help`` and a
``footprint`` never load altair, openpyxl, weasyprint, httpx or the PACT schemas (#13.4). The one-line help
of each command is written here too, so the command list needs no imports; a test keeps it equal to the
command's own docstring.
"""

from __future__ import annotations

import importlib

import click

from cfp_core import __version__
from cfp_core.cli.common import HandledGroup

# name -> (module in cfp_core.cli, attribute, the line ``--help`` lists; it begins as the command's docstring)
COMMANDS = {
    "footprint": ("data", "footprint", "Footprint of a stored inventory or of a CSV/xlsx file."),
    "import": ("data", "import_file", "Import a CSV/xlsx inventory FILE, all of it or nothing."),
    "export": ("data", "export", "Export a stored inventory as a template file (re-importable, lossless)."),
    "factors": ("data", "factors", "Browse the emission factors of the stored factor sets."),
    "seed": ("data", "seed_command", "Create the database if needed and seed the reference data."),
    "reconcile": ("data", "reconcile", "Recompute a stored inventory and compare it with its source's figures."),
    "publish": ("publish", "publish_command", "Publish the latest inventory as a new immutable card snapshot."),
    "card": ("publish", "card_command", "Render a published card as png, svg, pdf, html, json or a bundle."),
    "card-verify": ("publish", "card_verify_command", "Check a downloaded card JSON (card.json): its SHA-256."),
    "pact": ("disclosure", "pact_command", "Print the cradle-to-gate footprint as a PACT ProductFootprint."),
    "report": ("disclosure", "report_command", "Write the GB/T 24067 / ISO 14067 carbon footprint report."),
    "export-xlsx": ("disclosure", "export_xlsx_command", "Write the inventory, results and factor sources as xlsx."),
    "serve": ("server", "serve_command", "Start the disclosure server: public cards and the PACT v3.0 API."),
    "api-client": ("server", "api_client_group", "PACT API clients of the disclosure server (administrators)."),
    "export-site": ("server", "export_site_command", "Write every published external card as static files."),
    "check-exposure": ("workspace", "check_exposure_command", "Refuse (exit 2) to serve the workspace beyond "
                       "this machine without sign-in."),
    "members": ("workspace", "members_group", "Members of the organisation and their roles."),
    "suppliers": ("suppliers", "suppliers_group", "Suppliers' PACT footprints: import, list, compare by part, export."),
    "connections": ("connections", "connections_group", "Suppliers' PACT APIs: add a connection, fetch footprints."),
}


class LazyGroup(HandledGroup):
    """The top-level group: lists ``COMMANDS`` without importing them, loads one when it is called."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in self.commands and name in COMMANDS:
            module, attribute, _ = COMMANDS[name]
            command = getattr(importlib.import_module(f"cfp_core.cli.{module}"), attribute)
            if name == "suppliers":  # suppliers pull = connections fetch (#10.5)
                from cfp_core.cli.connections import pull_command

                command.add_command(pull_command, "pull")
            _accept_lang(command)
            self.add_command(command, name)
        return self.commands.get(name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with formatter.section("Commands"):
            formatter.write_dl([(name, short) for name, (_, _, short) in COMMANDS.items()])


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="cfp_core")
@click.option("--db", "db_path", envvar="CFP_DB_PATH", type=click.Path(dir_okay=False),
              help="SQLite database (default: $CFP_DB_PATH or data/cfp.db).")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="en", show_default=True,
              help="Language of labels and messages.")
@click.option("--as", "acting_as", envvar="CFP_CLI_AS", default=None,
              help="Name the command line acts as in the audit log and revision history (default: $USER).")
@click.option("--debug", is_flag=True, help="Show the traceback of an unexpected error instead of an error id.")
@click.pass_context
def cli(ctx: click.Context, db_path: str | None, lang: str, acting_as: str | None, debug: bool) -> None:
    """Product carbon footprint (GB/T 24067-2024 / ISO 14067:2018) from the command line.

    Exit codes: 0 done; 1 refused or failed, with a message (an unexpected error shows an error id and
    logs its traceback to logs/cli-errors.log beside the database, or $CFP_ERROR_LOG); 2 wrong usage.
    """
    ctx.obj = {"db_path": db_path, "lang": lang, "as": acting_as, "debug": debug}


def _set_lang(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if value is not None:
        ctx.ensure_object(dict)["lang"] = value  # the root's dict, shared by every context


def _accept_lang(command: click.Command) -> None:
    """Let ``--lang`` follow any subcommand too (``reconcile … --lang zh``), not only ``cfp_core --lang zh …``."""
    if not any("--lang" in getattr(param, "opts", ()) for param in command.params):
        command.params.append(click.Option(["--lang"], type=click.Choice(["zh", "en"]), default=None,
                                           expose_value=False, is_eager=True, callback=_set_lang,
                                           help="Language of labels and messages (same as the global --lang)."))
    for sub in getattr(command, "commands", {}).values():
        _accept_lang(sub)
