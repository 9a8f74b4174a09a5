"""CLI commands of the disclosure server: ``serve``, ``api-client create|list|revoke``, ``export-site``."""

from __future__ import annotations

from pathlib import Path

import click

from cfp_core import store
from cfp_core.cli.common import acting_principal, cli_database
from cfp_core.i18n import t
from cfp_core.publish import list_snapshots, public_base_url
from cfp_core.publish.card import render_card
from cfp_core.server import (
    ServerConfig,
    card_page,
    css,
    css_version,
    load_callback_credentials,
    serve,
    withdrawn_page,
)


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8443, show_default=True, type=int)
@click.option("--certfile", type=click.Path(exists=True, dir_okay=False), default=None, help="TLS certificate (PEM).")
@click.option("--keyfile", type=click.Path(exists=True, dir_okay=False), default=None, help="TLS private key (PEM).")
@click.option("--public-url", envvar="CFP_PUBLIC_URL", default="",
              help="Public base URL for card links and QR codes (default: $CFP_PUBLIC_URL, else the organisation setting).")
@click.option("--disclosure-db", type=click.Path(dir_okay=False), envvar="CFP_DISCLOSURE_DB", default=None,
              help="The server's own database (default: disclosure.db beside the store).")
@click.option("--callback-credentials", envvar="CFP_CALLBACK_CREDENTIALS", default=None,
              help='JSON (or a file) {"https://buyer.example": {"client_id": …, "client_secret": …}} for callbacks.')
@click.option("--allow-http-api", is_flag=True, help="Serve the API over plain HTTP too (development only).")
@click.pass_context
def serve_command(ctx: click.Context, host: str, port: int, certfile: str | None, keyfile: str | None,
                  public_url: str, disclosure_db: str | None, callback_credentials: str | None,
                  allow_http_api: bool) -> None:
    """Start the disclosure server: public cards at /c/<token> and the PACT v3.0 API (store opened read-only)."""
    if bool(certfile) != bool(keyfile):
        raise click.UsageError("give both --certfile and --keyfile, or neither")
    path = Path(ctx.obj.get("db_path") or store.db_path())
    with cli_database(ctx):  # creates and migrates the store if it is new; the server itself never writes it
        pass
    config = ServerConfig(store_path=path, exchange_path=Path(disclosure_db) if disclosure_db else None,
                          public_url=public_url.rstrip("/"), https_only_api=not allow_http_api,
                          callback_credentials=load_callback_credentials(callback_credentials))
    serve(config, host=host, port=port, certfile=certfile, keyfile=keyfile)


@click.group("api-client")
def api_client_group() -> None:
    """PACT API clients of the disclosure server (administrators)."""


@api_client_group.command("create")
@click.option("--name", required=True, help="Who the client is, e.g. the customer's name.")
@click.option("--product", "products", multiple=True, help="Limit to a product model code (repeatable; default: all).")
@click.pass_context
def create_client(ctx: click.Context, name: str, products: tuple[str, ...]) -> None:
    """Create a client; print its id and secret (the secret is shown once)."""
    lang = ctx.find_root().obj.get("lang", "en")
    with cli_database(ctx) as db:
        client, secret = store.create_api_client(db, acting_principal(db, ctx), name, list(products) or None)
    click.echo(f"client_id     {client.client_id}")
    click.echo(f"client_secret {secret}")
    click.echo(t("server.client.created", lang), err=True)


@api_client_group.command("list")
@click.pass_context
def list_clients(ctx: click.Context) -> None:
    """List clients: id, state, scope, name."""
    lang = ctx.find_root().obj.get("lang", "en")
    with cli_database(ctx) as db:
        for client in store.list_api_clients(db):
            scope = ",".join(client.products) if client.products else t("server.client.all_products", lang)
            state = f"revoked {client.revoked}" if client.revoked else "active"
            click.echo(f"{client.client_id}\t{state}\t{scope}\t{client.name}")


@api_client_group.command("revoke")
@click.argument("client_id")
@click.pass_context
def revoke_client(ctx: click.Context, client_id: str) -> None:
    """Revoke a client: its secret and access tokens stop working."""
    lang = ctx.find_root().obj.get("lang", "en")
    with cli_database(ctx) as db:
        store.revoke_api_client(db, acting_principal(db, ctx), client_id)
    click.echo(t("server.client.revoked", lang, ident=client_id))


@click.command("export-site")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--public-url", envvar="CFP_PUBLIC_URL", default="", help="Base URL printed on the cards.")
@click.pass_context
def export_site_command(ctx: click.Context, directory: Path, public_url: str) -> None:
    """Write every published external card as static files under /c/… (any web server or CDN can host them).

    ``/c/<token>/index.html`` is the bilingual page (a static host cannot negotiate languages),
    ``/c/<token>.png|.svg|.pdf|.json`` and ``/c/<token>/bundle.zip`` the downloads; withdrawn cards
    get their withdrawal note instead.
    """
    count = 0
    with cli_database(ctx) as db:
        snapshots = [s for s in list_snapshots(db) if s.audience in ("customers", "public")]
        by_id = {s.snapshot_id: s for s in snapshots}
        (directory / "static").mkdir(parents=True, exist_ok=True)
        for name in ("card.css", f"card.{css_version()}.css"):
            (directory / "static" / name).write_text(css(), encoding="utf-8")
        for snapshot in snapshots:
            base = public_url.rstrip("/") or public_base_url(db, snapshot.disclosure.organisation.org_id)
            folder = directory / "c" / snapshot.token
            folder.mkdir(parents=True, exist_ok=True)
            if snapshot.status == "Withdrawn":
                (folder / "index.html").write_text(withdrawn_page(snapshot, "both"), encoding="utf-8")
                continue
            successor = by_id.get(snapshot.successor_id or "")
            (folder / "index.html").write_text(card_page(snapshot, "both", base, successor), encoding="utf-8")
            for fmt in ("png", "svg", "pdf", "json"):
                (directory / "c" / f"{snapshot.token}.{fmt}").write_bytes(render_card(snapshot, fmt, "zh", base))
            (folder / "bundle.zip").write_bytes(render_card(snapshot, "bundle", "zh", base))
            count += 1
    click.echo(t("server.site.written", ctx.obj.get("lang", "en"), count=count, path=directory))
