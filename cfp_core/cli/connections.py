"""CLI of supplier connections (#10.5): ``connections add|list|fetch|request|requests|answers`` and ``pull_command``.

The secret is never an argument (it would stay in the shell history and the process list): it is read from
an environment variable named by ``--secret-env`` or from the first line of standard input (``--secret-stdin``).
``pull_command`` (``--connection NAME``, repeatable; default every connection) is the same fetch as
``connections fetch``, for attaching as ``suppliers pull``.
"""

from __future__ import annotations

import os
import sys

import click

from cfp_core import io, store
from cfp_core.cli.common import acting_principal, cli_database
from cfp_core.i18n import t


def _lang(ctx: click.Context) -> str:
    return (ctx.find_root().obj or {}).get("lang", "en")


@click.group("connections")
def connections_group() -> None:
    """Suppliers' PACT APIs: add a connection, fetch footprints now, send PCF requests, import answers."""


@connections_group.command("add")
@click.argument("name")
@click.option("--base-url", required=True, help="The supplier's PACT API base URL (before /3/footprints).")
@click.option("--auth-url", default="", help="Where /auth/token is, if not on the base URL (PACT AuthSubpath).")
@click.option("--client-id", required=True, help="The client id the supplier gave you.")
@click.option("--secret-env", default=None, help="Read the client secret from this environment variable.")
@click.option("--secret-stdin", is_flag=True, help="Read the client secret from the first line of standard input.")
@click.pass_context
def add_connection(ctx: click.Context, name: str, base_url: str, auth_url: str, client_id: str,
                   secret_env: str | None, secret_stdin: bool) -> None:
    """Add a connection, or save a new revision of it (without a secret option the secret is kept).

    The secret is stored encrypted with $CFP_SECRET_KEY (refused when it is unset) and never printed.
    """
    secret = ""
    if secret_stdin:
        secret = sys.stdin.readline().rstrip("\r\n")
    elif secret_env:
        secret = os.environ.get(secret_env, "")
    with cli_database(ctx) as db:
        saved = io.save_connection(db, acting_principal(db, ctx), name, base_url, client_id, secret=secret,
                                   auth_url=auth_url)
    click.echo(t("connections.saved", _lang(ctx), name=saved.name, revision=saved.revision))


@connections_group.command("list")
@click.pass_context
def list_connections(ctx: click.Context) -> None:
    """List connections: name, revision, base URL, token endpoint, client id (never the secret)."""
    with cli_database(ctx) as db:
        for c in io.list_connections(db, acting_principal(db, ctx).org_id):
            click.echo(f"{c.name}\tr{c.revision}\t{c.base_url}\t{c.token_url}\t{c.client_id}")


def echo_result(result: io.FetchResult, lang: str) -> None:
    """Print what one fetch did, each refused footprint with its problems, and the error if it failed."""
    click.echo(result.summary(lang), err=not result.ok)
    for refusal in result.refused:
        click.echo(t("connections.refused", lang, path=refusal.path, pf_id=refusal.pf_id))
        for problem in refusal.problems:
            click.echo(f"  {problem[lang]}")


def fetch(ctx: click.Context, names, product_ids=()) -> None:
    """Fetch every named connection (all when none is named); exit 1 if any failed."""
    lang, failed = _lang(ctx), False
    with cli_database(ctx) as db:
        principal = acting_principal(db, ctx)
        for name in names or [c.name for c in io.list_connections(db, principal.org_id)]:
            result = io.pull_connection(db, principal, name, product_ids)
            echo_result(result, lang)
            failed |= not result.ok
    if failed:
        ctx.exit(1)


@connections_group.command("fetch")
@click.argument("name")
@click.option("--product-id", "product_ids", multiple=True, help="Only footprints with this productId (repeatable).")
@click.pass_context
def fetch_connection(ctx: click.Context, name: str, product_ids: tuple[str, ...]) -> None:
    """Fetch now: read the supplier's footprints into the supplier intake (same checks as a file)."""
    fetch(ctx, [name], product_ids)


@click.command("pull")
@click.option("--connection", "names", multiple=True, help="A connection's name (repeatable; default: all).")
@click.pass_context
def pull_command(ctx: click.Context, names: tuple[str, ...]) -> None:
    """Pull suppliers' footprints over PACT into the supplier intake (see ``connections fetch``)."""
    fetch(ctx, list(names))


@connections_group.command("request")
@click.argument("name")
@click.option("--product-id", "product_ids", multiple=True, required=True, help="The productId wanted (repeatable).")
@click.option("--comment", default="", help="A note for the supplier.")
@click.pass_context
def request_footprint(ctx: click.Context, name: str, product_ids: tuple[str, ...], comment: str) -> None:
    """Send a PCF request (RequestCreatedEvent) to the supplier; its answer comes to our disclosure server."""
    with cli_database(ctx) as db:
        sent = io.send_pcf_request(db, acting_principal(db, ctx), name, product_ids, comment)
    click.echo(t("connections.request_sent", _lang(ctx), event_id=sent.event_id, name=name))


@connections_group.command("requests")
@click.pass_context
def list_requests(ctx: click.Context) -> None:
    """List the PCF requests sent: time, connection, state, product ids, request id."""
    lang = _lang(ctx)
    with cli_database(ctx) as db:
        for r in io.list_sent_requests(db, acting_principal(db, ctx).org_id):
            products = ",".join(r.criteria.get("productId", []))
            click.echo(f"{r.sent_at}\t{r.connection}\t{t(f'connections.state.{r.state}', lang)}\t{products}\t{r.event_id}")


@connections_group.command("answers")
@click.option("--disclosure-db", type=click.Path(dir_okay=False), envvar="CFP_DISCLOSURE_DB", default=None,
              help="Our disclosure server's database (default: disclosure.db beside the store).")
@click.pass_context
def import_answers(ctx: click.Context, disclosure_db: str | None) -> None:
    """Import suppliers' answers to our PCF requests (fulfilled footprints go into the supplier intake)."""
    with cli_database(ctx) as db:
        exchange = disclosure_db or store.exchange_path(ctx.find_root().obj.get("db_path"))
        answered = io.import_request_answers(db, acting_principal(db, ctx), exchange)
    click.echo(t("connections.answers_imported", _lang(ctx), count=len(answered)))
