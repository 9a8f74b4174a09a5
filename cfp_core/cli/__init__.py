"""Command line: ``python -m cfp_core …`` over the same core as the dashboard.

Every command is registered here, explicitly: ``data`` (footprint, import, export, factors,
reconcile, seed), ``publish`` (publish, card, card-verify), ``disclosure`` (pact, report, export-xlsx), ``server``
(serve, api-client, export-site: the disclosure server), ``workspace`` (check-exposure, members),
``suppliers`` (the group: import, list, compare, export, pull) and ``connections`` (suppliers' PACT APIs: add,
list, fetch, request, requests, answers).
"""

from __future__ import annotations

import click

from cfp_core import __version__
from cfp_core.cli import connections, data, disclosure, publish, server, suppliers, workspace
from cfp_core.cli.common import HandledGroup


@click.group(cls=HandledGroup, context_settings={"help_option_names": ["-h", "--help"]})
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


for _command in (
    data.footprint, data.import_file, data.export, data.factors, data.seed_command, data.reconcile,
    publish.publish_command, publish.card_command, publish.card_verify_command,
    disclosure.pact_command, disclosure.report_command, disclosure.export_xlsx_command,
    server.serve_command, server.api_client_group, server.export_site_command,
    workspace.check_exposure_command, workspace.members_group, suppliers.suppliers_group,
    connections.connections_group,
):
    cli.add_command(_command)
suppliers.suppliers_group.add_command(connections.pull_command, "pull")  # suppliers pull = connections fetch


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


for _command in cli.commands.values():
    _accept_lang(_command)
