"""Small view helpers of the analysis pages: choosing defaults, labels, units and number formats.

Pure functions (no streamlit): the pages call them so that they hold no logic of their own.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

from cfp_core.i18n import t
from cfp_core.models import ProductModel
from cfp_core.numbers import KG_FORMAT, PCT_CHANGE_FORMAT, SHARE_FORMAT

PERCENT_PREFIX = "Δ%"  # every percent column of a comparison ("analysis.pct_col", "analysis.pct_total")


def column_formats(frame: pd.DataFrame, share_columns: Iterable[str] = ()) -> dict[str, str]:
    """Return ``{numeric column: printf format}`` for display.

    "%.4f" for values, "%+.2f%%" for changes in percent (headers starting with ``PERCENT_PREFIX``,
    "Δ%"), "%.2f%%" for ``share_columns`` (0–100). Pages turn these into ``NumberColumn``
    configs and show missing values as "—"; the data stay unrounded. (A pandas Styler was tried:
    Streamlit applies it column by column, which took seconds for a 200-model table.)
    """
    shares = set(share_columns)

    def fmt(column) -> str:
        if column in shares:
            return SHARE_FORMAT
        return PCT_CHANGE_FORMAT if str(column).startswith(PERCENT_PREFIX) else KG_FORMAT

    return {c: fmt(c) for c, dtype in frame.dtypes.items() if pd.api.types.is_numeric_dtype(dtype)}


def comparison_unit(products: dict[str, ProductModel], model_codes: Iterable[str], per_kg: bool,
                    lang: str = "zh") -> str:
    """Return the unit caption of a comparison of ``model_codes`` ("kgCO₂e/台" or "kgCO₂e/千克产品")."""
    if per_kg:
        return t("unit.per_kg", lang)
    units = {products[c].declared_unit for c in model_codes if c in products} or {"piece"}
    unit = t(f"unit.{units.pop()}", lang) if len(units) == 1 else t("analysis.mixed_units", lang)
    return t("unit.per_declared_unit", lang, unit=unit)


OPENING_MODELS = 5  # Compare models opens with the latest few models, never all of a 10,000-model portfolio (#13)


def periods_of(inventory_rows: Iterable[dict]) -> list[str]:
    """Return the distinct period labels of ``store.list_inventories`` rows, sorted."""
    return sorted({row["period"] for row in inventory_rows})


def models_in_period(inventory_rows: Iterable[dict], period: str | None) -> list[str]:
    """Return the model codes that have an inventory for ``period``, sorted."""
    return sorted({row["model_code"] for row in inventory_rows if row["period"] == period})


def pick(options: Sequence[str], wanted: str | None, default: str | None = None) -> str | None:
    """Return ``wanted`` if it is an option, else ``default`` if it is, else the first option."""
    for candidate in (wanted, default):
        if candidate in options:
            return candidate
    return options[0] if options else None


def pick_many(options: Sequence[str], wanted: str | None, default: Sequence[str] = ()) -> list[str]:
    """Return the comma-separated ``wanted`` entries that are options, else ``default`` (or all options)."""
    chosen = [w for w in (wanted or "").split(",") if w in options]
    if chosen:
        return list(dict.fromkeys(chosen))
    fallback = [d for d in default if d in options]
    return fallback or list(options)


def index_products(products: Iterable[ProductModel]) -> dict[str, ProductModel]:
    """Return ``{model_code: product}``."""
    return {p.model_code: p for p in products}


def index_factor_sets(factor_sets: Iterable) -> dict:
    """Return ``{set_id: FactorSet}`` in the given order."""
    return {fs.set_id: fs for fs in factor_sets}


def models_with_data(inventory_rows: Iterable[dict]) -> list[str]:
    """Return the model codes that have at least one inventory, sorted."""
    return sorted({row["model_code"] for row in inventory_rows})


def any_illustrative(products: dict[str, ProductModel], model_codes: Iterable[str]) -> bool:
    """Return True if any of the models is demo data (shown with the illustrative mark)."""
    return any(products[c].illustrative for c in model_codes if c in products)


PICKER_LIMIT = 200  # a picker with more options than this gets a search box and lists the matches (#13)


def narrow_options(options: Sequence, query: str, label_of=str, keep: Sequence = (),
                   limit: int = PICKER_LIMIT) -> tuple[list, int]:
    """Return what a picker lists for ``query``, and how many options match.

    An option matches when its value or label contains every word of ``query`` (case aside; an empty
    ``query`` matches all). At most ``limit`` matches are listed, in the options' order; the options in
    ``keep`` (the current choice) are always listed, where they stand.
    """
    words = str(query or "").casefold().split()
    kept = set(keep)
    matched = [o for o in options if all(w in f"{o} {label_of(o)}".casefold() for w in words)] if words else list(options)
    listed = set(matched[:limit]) | (kept & set(options))
    return [o for o in options if o in listed], len(matched)
