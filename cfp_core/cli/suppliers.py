"""The ``suppliers`` command group: import suppliers' PACT files, list them, compare them by part, export.

``import`` is the page's intake (both gates, idempotent, append-only) and reports each file as accepted,
duplicate, superseding an older disclosure, or refused with every reason (exit 1 if any was refused).
``compare`` ranks only within a part's comparable group; its JSON has stable keys per disclosure (pf_id,
supplier, product, part, per_unit, per_kg, declared_unit, group, rank or null, findings).
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from cfp_core.analysis import supplier_export, supplier_groups, supplier_service
from cfp_core.cli.common import acting_principal, cli_database, read_input
from cfp_core.cli.format import text_table
from cfp_core.errors import CfpError
from cfp_core.i18n import t
from cfp_core.io import import_supplier_file, list_suppliers, read_footprints
from cfp_core.io import list_supplier_disclosures as stored_disclosures
from cfp_core.numbers import fmt_number

_PART = click.option("--part", default=None, help='Only this part (case aside); "unassigned" for those with none.')


def _lang() -> str:
    return (click.get_current_context().obj or {}).get("lang", "en")


@click.group("suppliers")
def suppliers_group() -> None:
    """Suppliers' PACT footprints: import, list, compare by part, export."""


def _import_one(db, principal, path: str, part: str, lang: str) -> tuple[str, list[str]]:
    """Import one file; return its outcome ("accepted", "duplicate" or "refused") and the lines to print."""
    name = Path(path).name
    try:
        saved = import_supplier_file(db, principal, read_footprints(read_input(path), name), part)
    except (CfpError, OSError) as error:
        detail = error.message(lang) if isinstance(error, CfpError) else t("directory.cli.unreadable", lang, file=path)
        return "refused", [t("directory.cli.refused", lang, file=name), *("  " + line for line in detail.splitlines())]
    lines, new = [], False
    for row_id, is_new in saved:
        new |= is_new
        lines.append(t("directory.cli.accepted" if is_new else "directory.cli.duplicate", lang, file=name, id=row_id))
    return ("accepted" if new else "duplicate"), lines


@suppliers_group.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--part", default="", help="The part or commodity these footprints are for (matched in the directory).")
def import_command(files: tuple[str, ...], part: str) -> None:
    """Import suppliers' PACT JSON FILES (each accepted or refused whole; the same footprint twice is one)."""
    lang = _lang()
    counts = {"accepted": 0, "duplicate": 0, "refused": 0, "superseded": 0}
    with cli_database() as db:
        principal = acting_principal(db)
        before = {s.id for s in stored_disclosures(db)}
        for path in files:
            outcome, lines = _import_one(db, principal, path, part.strip(), lang)
            counts[outcome] += 1
            click.echo("\n".join(lines))
        for item in stored_disclosures(db):
            if item.superseded_by is not None and item.superseded_by not in before:
                counts["superseded"] += 1
                click.echo(t("directory.cli.superseded", lang, id=item.superseded_by, old=item.id))
    summary = t("directory.cli.summary", lang, **counts)
    if counts["refused"]:
        raise click.ClickException(summary)
    click.echo(summary)


@suppliers_group.command("list")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def list_command(fmt: str) -> None:
    """List the stored disclosures with their state, supplier and part."""
    lang = _lang()
    with cli_database() as db:
        view = supplier_service.suppliers_view(db)
    stored, assignments = view.stored, view.assignments
    items = [{"id": s.id, "pf_id": s.disclosure.pf_id, "supplier": s.disclosure.supplier,
              "product": s.disclosure.product, "part": assignments[s.id].part, "state": s.state,
              "superseded_by": s.superseded_by, "received_at": s.received_at} for s in stored]
    if fmt == "json":
        click.echo(json.dumps(items, ensure_ascii=False, indent=2))
    elif not items:
        click.echo(t("directory.cli.none", lang))
    else:
        rows = [[t(f"directory.cli.col.{c}", lang) for c in ("id", "supplier", "product", "part", "state")]]
        rows += [[f"#{i['id']}", i["supplier"], i["product"][:48], i["part"] or t("directory.unassigned", lang),
                  t(f"suppliers.state.{i['state']}", lang)] for i in items]
        click.echo(text_table(rows))


def _rows(part: str | None) -> list[dict]:
    with cli_database() as db:
        return supplier_service.export_rows(supplier_service.suppliers_view(db), list_suppliers(db), _lang(), part)


def _table(rows: list[dict], lang: str) -> str:
    """Rows as text, one block per part: number, supplier, product, per unit, per kg, unit, rank; then findings."""
    blocks, groups = [], {}
    for row in rows:
        groups.setdefault(row["group"], []).append(row)
    for group, members in groups.items():
        name = t("directory.unassigned", lang) if group == supplier_groups.UNASSIGNED else group
        table = [[t(f"directory.cli.col.{c}", lang) for c in ("id", "supplier", "product", "per_unit", "per_kg",
                                                               "unit", "rank")]]
        table += [[f"#{r['id']}", r["supplier"], r["product"][:40], fmt_number(r["per_unit"], 4),
                   fmt_number(r["per_kg"], 4), supplier_export.unit_label(r["declared_unit"], lang),
                   str(r["rank"] or "—")] for r in members]
        notes = [f"  #{r['id']} {t('suppliers.severity.' + f['severity'], lang)}: {f['text']}"
                 for r in members for f in r["findings"]]
        blocks.append("\n".join([t("directory.cli.part", lang, part=name), text_table(table, right={3, 4, 6}),
                                 *notes]))
    return "\n\n".join(blocks)


@suppliers_group.command("compare")
@_PART
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
def compare_command(part: str | None, fmt: str) -> None:
    """Compare the visible disclosures by part: normalised per declared unit and per kg, ranked within a part."""
    lang = _lang()
    rows = _rows(part)
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2, allow_nan=False))
    elif fmt == "csv":
        click.echo(supplier_export.comparison_csv(rows, lang, labels=False), nl=False)
    else:
        click.echo(_table(rows, lang) if rows else t("directory.cli.none", lang))


@suppliers_group.command("export")
@_PART
@click.option("--format", "fmt", type=click.Choice(["csv", "xlsx"]), required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="File to write.")
def export_command(part: str | None, fmt: str, output: Path) -> None:
    """Write the comparison by part as CSV (UTF-8) or xlsx; text cells formula-safe, the illustrative flag kept."""
    lang = _lang()
    rows = _rows(part)
    data = (supplier_export.comparison_csv_bytes(rows, lang) if fmt == "csv"
            else supplier_export.comparison_xlsx(rows, lang))
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(data)
    click.echo(t("directory.cli.written", lang, count=len(rows), path=str(output)))
