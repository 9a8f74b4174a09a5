"""CLI commands ``pact``, ``report`` and ``export-xlsx`` (registered on the group in ``cfp_core.cli``).

Each command opens the database (seeding it if empty), builds the publishable ``Disclosure`` and
renders it. Core errors become a localized message and exit status 1.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from pathlib import Path

import click

from cfp_core.cli.common import cli_database
from cfp_core.publish.disclosure import build_disclosure

_MODEL = click.option("--model", "model_code", required=True, help="Product model code, e.g. WS-TPS-48-900A.")
_PERIOD = click.option("--period", required=True, help="Reporting period label, e.g. 2025.")
_SET = click.option("--set", "set_id", default=None, help="Factor set id (default: the inventory's own).")


@contextlib.contextmanager
def _disclosure(ctx: click.Context, model_code: str, period: str, set_id: str | None) -> Iterator[tuple]:
    """Yield (database, disclosure); core and validation errors exit 1 with a localized message."""
    with cli_database(ctx) as db:
        yield db, build_disclosure(db, model_code, period, set_id)


@click.command("pact")
@_MODEL
@_PERIOD
@click.option("--spec", type=click.Choice(["3.0", "2.3"]), default="3.0", show_default=True,
              help="PACT Technical Specifications version.")
@_SET
@click.option("--cpc", default=None, help="UN CPC code (productCategoryCpc), required by PACT v2.3.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the JSON to a file instead of standard output.")
@click.pass_context
def pact_command(ctx: click.Context, model_code: str, period: str, spec: str, set_id: str | None,
                 cpc: str | None, output: Path | None) -> None:
    """Print the cradle-to-gate footprint as a PACT ProductFootprint (JSON)."""
    from cfp_core.publish.pact import pact_identity, pact_v2, pact_v3

    with _disclosure(ctx, model_code, period, set_id) as (db, disclosure):
        identity = pact_identity(db, disclosure)
        if spec == "3.0":
            document = pact_v3(disclosure, **identity)
        else:
            document = pact_v2(disclosure, **identity, product_category_cpc=cpc)
    text = json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False)
    if output is None:
        click.echo(text)
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text + "\n", encoding="utf-8")


@click.command("report")
@_MODEL
@_PERIOD
@_SET
@click.option("--format", "fmt", type=click.Choice(["html", "pdf"]), default="pdf", show_default=True)
@click.option("--lang", "report_lang", type=click.Choice(["zh", "en"]), default=None,
              help="Report language (default: the global --lang).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.pass_context
def report_command(ctx: click.Context, model_code: str, period: str, set_id: str | None, fmt: str,
                   report_lang: str | None, output: Path) -> None:
    """Write the GB/T 24067 / ISO 14067 carbon footprint report as HTML or PDF."""
    from cfp_core.publish.report import report_html, report_pdf

    lang = report_lang or ctx.obj.get("lang", "en")
    with _disclosure(ctx, model_code, period, set_id) as (_db, disclosure):
        data = report_pdf(disclosure, lang) if fmt == "pdf" else report_html(disclosure, lang).encode("utf-8")
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(data)
    click.echo(str(output))


@click.command("export-xlsx")
@_MODEL
@_PERIOD
@_SET
@click.option("--lang", "xlsx_lang", type=click.Choice(["zh", "en"]), default=None,
              help="Language of sheet labels (default: the global --lang).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.pass_context
def export_xlsx_command(ctx: click.Context, model_code: str, period: str, set_id: str | None,
                        xlsx_lang: str | None, output: Path) -> None:
    """Write the inventory (re-importable template), results, factor sources and an about sheet (.xlsx)."""
    from cfp_core.publish.excel import inventory_workbook

    lang = xlsx_lang or ctx.obj.get("lang", "en")
    with _disclosure(ctx, model_code, period, set_id) as (_db, disclosure):
        data = inventory_workbook(disclosure, lang)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(data)
    click.echo(str(output))
