"""Migrations of the portfolio (#13: production volumes, reduction targets, inventory lines as rows,
materialised results), of kept declared figures (#12.3) and of supplier factors (#10.6), registered on ``store.migrations`` in order.
Never edit a shipped migration."""

from __future__ import annotations

from sqlite_utils import Database, Migrations

from cfp_core.store.immutability import make_immutable


def register(migrations: Migrations) -> None:
    """Add these migrations, after every earlier one, to the dashboard's ``Migrations``."""

    @migrations(name="i18_production_volumes")
    def i18_production_volumes(db: Database) -> None:
        """Production volumes (declared units made) per model and period; each save is a new revision of the
        organisation's volumes, append-only: the newest row per (model, period) wins (#13.5)."""
        db.table("production_volumes").create(
            {"id": int, "org_id": str, "revision": int, "model_code": str, "period": str, "volume": float, "note": str,
             "illustrative": int, "created_at": str, "author": str, "comment": str},
            pk="id", not_null={"org_id", "revision", "model_code", "period", "volume"},
        )
        db.table("production_volumes").create_index(["org_id", "revision", "model_code", "period"], unique=True)
        db.table("production_volumes").create_index(["model_code", "period"])
        make_immutable(db, "production_volumes")

    @migrations(name="i18_targets")
    def i18_targets(db: Database) -> None:
        """Reduction targets of a model or of the portfolio (model_code ""), one revision per save, append-only (#13.5)."""
        db.table("reduction_targets").create(
            {"id": int, "org_id": str, "model_code": str, "revision": int, "baseline_year": int, "target_year": int,
             "kind": str, "value": float, "note": str, "illustrative": int, "created_at": str, "author": str},
            pk="id", not_null={"org_id", "model_code", "revision", "baseline_year", "target_year", "kind", "value"},
        )
        db.table("reduction_targets").create_index(["org_id", "model_code", "revision"], unique=True)
        make_immutable(db, "reduction_targets")

    @migrations(name="i20_declared_figures")
    def i20_declared_figures(db: Database) -> None:
        """Declared figures of a report, per model and period, as the CSV text the user gave: one revision per save,
        append-only (#12.3)."""
        db.table("declared_figures").create(
            {"id": int, "org_id": str, "model_code": str, "period": str, "revision": int, "csv": str, "source": str,
             "created_at": str, "author": str},
            pk="id", not_null={"org_id", "model_code", "period", "revision", "csv", "created_at"},
        )
        db.table("declared_figures").create_index(["model_code", "period", "revision"], unique=True)
        make_immutable(db, "declared_figures")

    @migrations(name="i17_activity_lines")
    def i17_activity_lines(db: Database) -> None:
        """Every inventory revision's lines as rows, and its few header facts, for the vectorised engine (#13).

        Written in the same transaction as the revision; the JSON payload stays the record. Existing
        revisions are backfilled from their payloads. Both tables append-only. The covering index lets
        ``list_inventories`` answer without reading any payload.
        """
        from cfp_core.store import lines  # the table shapes and the backfill live beside the writer

        lines.create_tables(db)
        lines.backfill(db)
        db.table("inventory_revisions").create_index(["model_code", "period", "revision", "created_at", "id"],
                                                     index_name="idx_inventory_revisions_heads")
        for table in ("activity_lines", "inventory_heads"):
            make_immutable(db, table)

    @migrations(name="i17_results")
    def i17_results(db: Database) -> None:
        """Footprints materialised per (inventory revision, factor set, GWP set, id resolution, engine) (#13).

        Nothing in a key can change under it: revisions and factor sets are immutable, ``resolution`` is the
        digest of the factor-id index (a new set may remap an id from another set) and ``engine`` the
        calculation's version. Append-only: a stale row is never updated, just no longer looked up.
        """
        from cfp_core.store import results

        results.create_table(db)
        make_immutable(db, "results")

    @migrations(name="i19_supplier_factors")
    def i19_supplier_factors(db: Database) -> None:
        """Which factor was made from which supplier disclosure (and on which basis), append-only (#10.6)."""
        db.table("supplier_factors").create(
            {"id": int, "factor_id": str, "set_id": str, "key": str, "disclosure_id": int, "pf_id": str,
             "version": str, "basis": str, "created_at": str, "author": str},
            pk="id", not_null={"factor_id", "set_id", "key", "disclosure_id", "basis", "created_at"},
        )
        db.table("supplier_factors").create_index(["factor_id"])
        make_immutable(db, "supplier_factors")
