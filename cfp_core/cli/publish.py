"""CLI commands ``publish`` and ``card`` (registered on the group in ``cfp_core.cli``)."""

from __future__ import annotations

from pathlib import Path

import click
from sqlite_utils import Database

from cfp_core.cli.common import acting_principal, cli_database
from cfp_core.i18n import t
from cfp_core.publish import AUDIENCES, Snapshot, latest_snapshot, load_snapshot, publish
from cfp_core.publish.card.render import FORMATS, card_bundle, render_card


@click.command("publish")
@click.option("--model", "model_code", required=True, help="Product model code, e.g. WS-TPS-48-900A.")
@click.option("--period", required=True, help="Reporting period label, e.g. 2025.")
@click.option("--set", "set_id", default=None, help="Factor set id (default: the inventory's own).")
@click.option("--audience", type=click.Choice(AUDIENCES), default="customers", show_default=True)
@click.pass_context
def publish_command(ctx: click.Context, model_code: str, period: str, set_id: str | None, audience: str) -> None:
    """Publish the latest inventory as a new immutable card snapshot; print its id, version, token and hash.

    The snapshot records the principal the command acts as (``--as``, default $USER).
    """
    with cli_database(ctx) as db:
        snapshot = publish(db, acting_principal(db, ctx), model_code, period, set_id=set_id, audience=audience)
    click.echo(f"snapshot_id  {snapshot.snapshot_id}")
    click.echo(f"version      {snapshot.version}")
    click.echo(f"token        {snapshot.token}")
    click.echo(f"content_hash {snapshot.content_hash}")


@click.command("card")
@click.option("--snapshot", "snapshot_id", default=None, help="Snapshot id.")
@click.option("--token", default=None, help="Card token (from the card link).")
@click.option("--model", "model_code", default=None, help="With --period: the newest published version.")
@click.option("--period", default=None)
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="Output file (a folder for --format bundle).")
@click.option("--lang", "card_lang", type=click.Choice(["zh", "en"]), default=None,
              help="Card language (default: the global --lang).")
@click.option("--base-url", default=None, help="Address of the dashboard for the QR code (default $CFP_PUBLIC_URL).")
@click.pass_context
def card_command(ctx: click.Context, snapshot_id: str | None, token: str | None, model_code: str | None,
                 period: str | None, fmt: str, output: Path, card_lang: str | None, base_url: str | None) -> None:
    """Render a published card as png, svg, pdf, html, json or a static bundle folder."""
    lang = card_lang or ctx.obj.get("lang", "en")
    if not (snapshot_id or token or (model_code and period)):
        raise click.UsageError("give --snapshot, --token, or --model with --period")
    with cli_database(ctx) as db:
        snapshot = _find(db, snapshot_id, token, model_code, period)
        if fmt == "bundle":
            card_bundle(snapshot, output, lang, base_url)
        else:
            output.parent.mkdir(parents=True, exist_ok=True)
            output.write_bytes(render_card(snapshot, fmt, lang, base_url))
    click.echo(t("card.written", ctx.obj.get("lang", "en"), path=output))


def _find(db: Database, snapshot_id: str | None, token: str | None, model_code: str | None,
          period: str | None) -> Snapshot:
    if snapshot_id or token:
        return load_snapshot(db, snapshot_id=snapshot_id, token=token)
    return latest_snapshot(db, model_code, period)


@click.command("card-verify")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def card_verify_command(ctx: click.Context, path: Path) -> None:
    """Check a downloaded card JSON (card.json): recompute the SHA-256 of its content (RFC 8785 for cfp-card/2).

    Exit status 0 if it matches content_hash, 1 if not (the content was changed) or the file is not a card.
    """
    from cfp_core.cli.common import read_input
    from cfp_core.publish.integrity import check_card_document

    lang = ctx.obj.get("lang", "en")
    check = check_card_document(read_input(path))
    if not check.ok:
        click.echo(t("card.verify.failed", lang, path=path, stated=check.stated_hash,
                     recomputed=check.recomputed_hash), err=True)
        ctx.exit(1)
    click.echo(t("card.verify.ok", lang, path=path, schema=check.schema, hash=check.stated_hash))
