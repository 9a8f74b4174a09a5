"""Data commands of ``python -m cfp_core``: footprint, import, export, factors, reconcile, seed.

Each command opens the database, makes one core call and prints the result as a table
(labels in ``--lang``), JSON (stable keys, unrounded floats) or CSV. Core errors become a
``click.ClickException`` with the localized message (exit code 1), never a traceback.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import click
import pandas as pd
from pydantic import ValidationError

from cfp_core import service, store
from cfp_core.calculate import Footprint, calculate_footprint
from cfp_core.cli import format as fmt_out
from cfp_core.cli.common import acting_principal, cli_database, read_input
from cfp_core.cli.format import footprint_csv, footprint_payload, footprint_table, text_table
from cfp_core.errors import CfpError, NotFound
from cfp_core.factors import FactorSet
from cfp_core.i18n import Msg, t
from cfp_core.io import templates
from cfp_core.library import gwp_sets, reference_factor_sets
from cfp_core.models import Inventory
from cfp_core.numbers import fmt_number
from cfp_core.store import seed
from cfp_core.validation import describe

GWP_CHOICE = click.Choice(["AR4", "AR5", "AR6"])


def _lang() -> str:
    return (click.get_current_context().obj or {}).get("lang", "en")


def handles_errors(command):
    """Turn ``CfpError`` and ``ValidationError`` into a localized ``click.ClickException``."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except CfpError as error:
            raise click.ClickException(error.message(_lang())) from None
        except ValidationError as error:
            raise click.ClickException("\n".join(describe(error, _lang()))) from None

    return wrapper


def _database(seed_if_empty: bool = True):
    return cli_database(seed_if_empty=seed_if_empty)


# ---- footprint ------------------------------------------------------------------------------

def _file_sets() -> dict[str, FactorSet]:
    sets = dict(reference_factor_sets())
    path = (click.get_current_context().obj or {}).get("db_path") or store.db_path()
    if Path(path).exists():
        db = store.open_db(path)
        sets.update({s.set_id: s for s in store.list_factor_sets(db)})
        db.close()
    return sets


def _pick(inventories: list[Inventory], model: str | None, period: str | None) -> Inventory:
    available = ", ".join(f"{i.model_code} {i.period.label}" for i in inventories)
    chosen = [i for i in inventories if (model is None or i.model_code == model)
              and (period is None or i.period.label == period)]
    if len(chosen) == 1:
        return chosen[0]
    if not chosen:
        raise click.ClickException(t("cli.footprint.not_in_file", _lang(), model=model or "", period=period or "",
                                     available=available))
    raise click.ClickException(t("cli.footprint.which", _lang(), available=available))


def _footprint_of_file(path: str, model, period, set_id, gwp) -> tuple[Footprint, str]:
    sets = _file_sets()
    refs = {ref for s in sets.values() for f in s.factors for ref in (f.factor_id, f.key)}
    inventory = _pick(templates.read_inventory_file(read_input(path), Path(path).name, refs, _lang()),
                      model, period)
    chosen = set_id or inventory.factor_set_id
    if chosen not in sets:
        raise NotFound(what=Msg("what.factor_set"), ident=chosen)
    known = {f.factor_id: f.key for s in sets.values() for f in s.factors}
    return calculate_footprint(inventory, sets[chosen], gwp_sets()[gwp or inventory.gwp_set], known), "piece"


def _stored_footprint(model, period, set_id, gwp) -> tuple[Footprint, str]:
    if not (model and period):
        raise click.UsageError(t("cli.footprint.choose", _lang()))
    with _database() as db:
        inventory = store.load_inventory(db, model, period)
        unit = store.load_product(db, model).declared_unit
        return service.footprint_of(db, inventory, set_id, gwp), unit


@click.command("footprint")
@click.argument("file", required=False, type=click.Path(exists=True, dir_okay=False))
@click.option("--model", help="Product model code, e.g. WS-TPS-48-900A.")
@click.option("--period", help="Reporting period label, e.g. 2025.")
@click.option("--factor-set", "set_id", help="Factor set id (default: the inventory's own).")
@click.option("--gwp", type=GWP_CHOICE, help="GWP set (default: the inventory's own).")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.option("--all", "every", is_flag=True, help="Every stored inventory's latest revision (--period narrows).")
@handles_errors
def footprint(file, model, period, set_id, gwp, fmt, every):
    """Footprint of a stored inventory (--model/--period), of a CSV/xlsx inventory FILE, or of all (--all)."""
    if every:
        return _echo_all(period, set_id, gwp, fmt)
    if file:
        result, unit = _footprint_of_file(file, model, period, set_id, gwp)
    else:
        result, unit = _stored_footprint(model, period, set_id, gwp)
    if fmt == "json":
        click.echo(json.dumps(footprint_payload(result, unit, _lang()), ensure_ascii=False, indent=2))
    elif fmt == "csv":
        click.echo(footprint_csv(result))
    else:
        click.echo(footprint_table(result, unit, _lang()))


def _echo_all(period, set_id, gwp, fmt) -> None:
    """``footprint --all``: ``service.portfolio_results`` (materialised, bulk-computed where missing)."""
    with _database() as db:
        records = fmt_out.portfolio_records(service.portfolio_rows(db, set_id, gwp, period=period), _lang())
    if fmt == "json":
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
    else:
        click.echo(fmt_out.portfolio_csv(records) if fmt == "csv" else fmt_out.portfolio_table(records, _lang()))


# ---- import / export ------------------------------------------------------------------------

@click.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--comment", default="", help="Why (stored with each revision).")
@handles_errors
def import_file(file, comment):
    """Import a CSV/xlsx inventory FILE: all inventories in one transaction, or nothing."""
    with _database() as db:
        refs = {ref for s in store.list_factor_sets(db) for f in s.factors for ref in (f.factor_id, f.key)}
        inventories = templates.read_inventory_file(read_input(file), Path(file).name, refs, _lang())
        saved = templates.import_inventories(db, acting_principal(db), inventories, comment=comment or Path(file).name)
    click.echo(t("cli.import.done", _lang(), count=len(saved)))
    for model, period, revision in saved:
        click.echo(t("cli.import.row", _lang(), model=model, period=period, revision=revision))


@click.command("export")
@click.option("--model", required=True, help="Product model code.")
@click.option("--period", required=True, help="Reporting period label.")
@click.option("--format", "fmt", type=click.Choice(["csv", "xlsx"]), default="csv", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Output file (default: CSV to stdout).")
@handles_errors
def export(model, period, fmt, output):
    """Export a stored inventory as a template file (re-importable, lossless)."""
    if fmt == "xlsx" and not output:
        raise click.UsageError(t("cli.export.binary", _lang()))
    with _database() as db:
        data = templates.write_inventory_file([store.load_inventory(db, model, period)], fmt)
    if output:
        Path(output).write_bytes(data)
        click.echo(t("cli.export.done", _lang(), path=output), err=True)
    else:
        click.echo(data.decode("utf-8-sig"), nl=False)


# ---- factors --------------------------------------------------------------------------------

@click.group("factors")
def factors():
    """Browse the emission factors of the stored factor sets."""


@factors.command("list")
@click.option("--set", "set_id", help="Only this factor set.")
@click.option("--family", help="Only this family (electricity_cfp, fuel_combustion, …).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@handles_errors
def factors_list(set_id, family, fmt):
    """List factors: set, id, key, name, value, unit, family, vintage, confidence."""
    with _database() as db:
        sets = [store.load_factor_set(db, set_id)] if set_id else store.list_factor_sets(db)
    found = [(s.set_id, f) for s in sets for f in s.factors if not family or f.family.value == family]
    if fmt == "json":
        click.echo(json.dumps([{"set_id": sid, **f.model_dump(mode="json")} for sid, f in found],
                              ensure_ascii=False, indent=2))
        return
    if not found:
        click.echo(t("cli.factors.none", _lang()))
        return
    lang = _lang()
    head = [t(f"cli.col.{c}", lang) for c in ("set", "factor_id", "key", "name", "value", "unit", "family",
                                               "vintage", "confidence")]
    rows = [[sid, f.factor_id, f.key, f.name_en if lang == "en" and f.name_en else f.name_zh, repr(f.value),
             f.unit_label, t(f"family.{f.family.value}", lang), str(f.vintage or ""), f.confidence]
            for sid, f in found]
    click.echo(text_table([head, *rows], right={4}))


@factors.command("show")
@click.argument("factor_id")
@handles_errors
def factors_show(factor_id):
    """Show one factor's full provenance, the sets that hold it and how it was derived."""
    with _database() as db:
        sets = store.list_factor_sets(db)
    holding = [s.set_id for s in sets if factor_id in s.by_id()]
    if not holding:
        raise click.ClickException(t("cli.factors.not_found", _lang(), factor_id=factor_id))
    factor = next(s.by_id()[factor_id] for s in sets if factor_id in s.by_id())
    fields = {k: v for k, v in factor.model_dump(mode="json").items() if v not in (None, "")}
    width = max(map(len, fields))
    for key, value in fields.items():
        click.echo(f"{key.ljust(width)}  {value}")
    click.echo(t("cli.factors.in_sets", _lang(), sets=", ".join(holding)))
    if factor.carbon_content_tc_per_tj:
        click.echo(t("cli.factors.derivation", _lang(), carbon=factor.carbon_content_tc_per_tj,
                     oxidation=factor.oxidation_rate or 1, value=repr(factor.value)))
    if factor.ncv and factor.ncv_unit:
        unit = factor.ncv_unit.partition("/")[2]
        click.echo(t("cli.factors.per_ncv", _lang(), unit=unit, ncv=factor.ncv, ncv_unit=factor.ncv_unit,
                     value=repr(factor.value * factor.ncv)))


# ---- seed and reconcile ---------------------------------------------------------------------

@click.command("seed")
@handles_errors
def seed_command():
    """Create the database if needed and seed the reference factor sets, reference case and demo data."""
    path = (click.get_current_context().obj or {}).get("db_path") or store.db_path()
    db = store.open_db(path)
    try:
        added = seed.seed_database(db)
    finally:
        db.close()
    click.echo(t("cli.seed.done", _lang(), path=path, **added))


@click.command("reconcile")
@click.option("--model", required=True, help="Product model code.")
@click.option("--period", required=True, help="Reporting period label.")
@click.option("--factor-set", "set_id", help="Factor set id (default: the inventory's own).")
@click.option("--gwp", type=GWP_CHOICE, help="GWP set (default: the inventory's own).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--declared", "declared_file", type=click.Path(dir_okay=False),
              help="CSV of declared figures (declared-figures template) to reconcile against.")
@handles_errors
def reconcile(model, period, set_id, gwp, fmt, declared_file):
    """Recompute a stored inventory and compare it with the figures its source document declares."""
    from cfp_core.analysis.declared import read_declared_file
    from cfp_core.analysis.findings import reconciliation_columns, reconciliation_frame
    from cfp_core.analysis.reconcile import reconcile_inventory

    with _database() as db:
        inventory = store.load_inventory(db, model, period)
        declared = read_declared_file(read_input(declared_file), Path(declared_file).name,
                                      inventory) if declared_file else None
        factor_set = store.load_factor_set(db, set_id or inventory.factor_set_id)
        result = reconcile_inventory(inventory, factor_set, service.gwp_set(gwp or inventory.gwp_set),
                                     known_ids=store.known_factor_ids(db), declared=declared)
    lang = _lang()
    if fmt == "json":
        findings = [{"kind": _plain(f.kind), "scope": _plain(f.scope), "stage": _plain(f.stage),
                     "line_no": f.line_no, "declared": f.declared, "recomputed": f.recomputed,
                     "difference": f.difference, "message": f.message(lang)} for f in result.findings]
        click.echo(json.dumps({"model": model, "period": period, "factor_set": factor_set.set_id,
                               "findings": findings}, ensure_ascii=False, indent=2))
    elif not result.findings:
        click.echo(t("cli.reconcile.clean", lang))
    else:
        frame, headers = reconciliation_frame(result, lang), reconciliation_columns(lang)
        columns = [c for c in headers if c != "message"]
        rows = [[headers[c] for c in columns]] + [[_cell(r[c]) for c in columns] for r in frame.to_dict("records")]
        click.echo(text_table(rows, right={4, 5, 6, 7}))
        click.echo("\n".join(f"{n}. {m}" for n, m in enumerate(frame["message"], start=1)))


def _cell(value) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return fmt_number(value, 4) if isinstance(value, float) else str(value)


def _plain(value):
    return getattr(value, "value", value)
