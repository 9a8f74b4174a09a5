"""Readiness checklists: what a disclosure still lacks for a card, a PACT v3 export or a study report.

Each ``Check`` says ok / advisory / blocking and carries an i18n key that explains what is
missing and why it matters to the reader of the published footprint (PACT.md §5,
ISO14067.md §2). Blocking gaps stop publishing; advisories are shown but do not.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from cfp_core import units
from cfp_core.i18n import Msg, t
from cfp_core.models import CRADLE_TO_GATE, STAGES, BoundaryType, ProductModel
from cfp_core.numbers import fmt_number, fmt_percent, kg
from cfp_core.publish.disclosure import Disclosure

TARGETS: tuple[str, ...] = ("card", "pact_v3", "report")
AUDIENCES: tuple[str, ...] = ("customers", "public", "internal")
EXTERNAL_AUDIENCES = frozenset({"customers", "public"})
PRIMARY_SHARE_GOOD = 0.5  # below this, the card still publishes but the checklist advises
Level = Literal["ok", "advisory", "blocking"]


@dataclass(frozen=True)
class Check:
    """One readiness item: ``level`` is ok, advisory or blocking; ``key`` explains it in both languages."""

    id: str
    level: Level
    key: str
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when nothing is missing."""
        return self.level == "ok"

    @property
    def blocking(self) -> bool:
        """True when this gap stops publishing to the target."""
        return self.level == "blocking"

    def message(self, lang: str = "en") -> str:
        """Return the explanation in ``lang``."""
        return t(self.key, lang, **self.params)


class JoinedMsg(Msg):
    """Several messages rendered in one language and joined (for error parameters)."""

    def __init__(self, parts: list[Msg]) -> None:
        super().__init__("publish.gap_separator")
        self.parts = parts

    def render(self, lang: str = "zh") -> str:
        return t("publish.gap_separator", lang).join(p.render(lang) for p in self.parts)


def readiness(disclosure: Disclosure, product: ProductModel | None = None,
              audience: str = "customers") -> dict[str, list[Check]]:
    """Return the checklist per target (``card``, ``pact_v3``, ``report``) for ``audience``.

    ``product`` defaults to the disclosure's product (pass a newer revision to re-check mass or ids).
    """
    product = product or disclosure.product
    common = [_results(disclosure), _illustrative(disclosure, audience)]
    org = _org_factor(disclosure)
    return {
        "card": [*common, _soft(org), _provisional(disclosure), _verification(disclosure),
                 _soft(_exclusions(disclosure)), _primary_data(disclosure), _dqr(disclosure)],
        "pact_v3": [*common, org, _product_mass(product), _carbon(product), _pact_scope(disclosure), _soft(_exclusions(disclosure)), _identifiers(disclosure, product),
                    _gwp(disclosure), _provisional(disclosure), _verification(disclosure), _dqr(disclosure)],
        "report": [*common, org, _soft(_carbon(product)), _exclusions(disclosure), _method_rules(disclosure), _provisional(disclosure),
                   _verification(disclosure), _primary_data(disclosure), _dqr(disclosure)],
    }


def blocking_gaps(checks: list[Check]) -> list[Check]:
    """Return the blocking checks of one target's checklist."""
    return [c for c in checks if c.blocking]


def gaps_message(checks: list[Check]) -> JoinedMsg:
    """Return the blocking checks as one message parameter (rendered in the reader's language)."""
    return JoinedMsg([Msg(c.key, **c.params) for c in blocking_gaps(checks)])


def _ok(check_id: str, **params) -> Check:
    return Check(check_id, "ok", f"publish.check.{check_id}.ok", params)


def _gap(check_id: str, level: Level, suffix: str = "gap", **params) -> Check:
    return Check(check_id, level, f"publish.check.{check_id}.{suffix}", params)


def _soft(check: Check) -> Check:
    """Downgrade a blocking check to an advisory (cards may publish with it; the card shows the facts)."""
    return Check(check.id, "advisory", check.key, check.params) if check.blocking else check


def _unit(disclosure: Disclosure) -> Msg:
    return Msg(f"unit.{disclosure.product.declared_unit}")


def _results(d: Disclosure) -> Check:
    if not d.lines or d.total_kg_co2e <= 0:
        return _gap("results", "blocking")
    return _ok("results", total=kg(d.total_kg_co2e), unit=_unit(d))


def _illustrative(d: Disclosure, audience: str) -> Check:
    if not (d.illustrative or d.product.illustrative):
        return _ok("illustrative")
    return _gap("illustrative", "blocking" if audience in EXTERNAL_AUDIENCES else "advisory")


def _warned_factors(d: Disclosure, warning_key: str) -> str:
    return ", ".join(dict.fromkeys(str(p.get("factor_id", "")) for k, p in d.warnings if k == warning_key))


def _org_factor(d: Disclosure) -> Check:
    org_ids = {f.factor_id for f in d.factor_sources if f.family == "electricity_co2_org"}
    named = _warned_factors(d, "warn.org_factor_in_cfp") or ", ".join(sorted(org_ids))
    return _gap("org_factor", "blocking", factors=named) if named else _ok("org_factor")


def _provisional(d: Disclosure) -> Check:
    named = _warned_factors(d, "warn.unverified_factor")
    return _gap("provisional", "advisory", factors=named) if named else _ok("provisional")


def _verification(d: Disclosure) -> Check:
    v = d.verification
    if v is None or not v.verifier:
        return _gap("verification", "advisory")
    if not v.report_number:
        return _gap("verification", "advisory", "no_number", verifier=v.verifier)
    return _ok("verification", verifier=v.verifier, report=v.report_number)


def _exclusions(d: Disclosure) -> Check:
    boundary = d.boundary
    scope = CRADLE_TO_GATE if boundary.boundary == BoundaryType.CRADLE_TO_GATE else frozenset(STAGES)
    named_stages = {e.stage for e in boundary.excluded}
    missing = [s for s in STAGES if s in scope and s not in boundary.included_stages and s not in named_stages]
    missing += [s for s in d.missing_stages if s in scope and s not in missing]  # included but no lines (#11)
    missing.sort(key=STAGES.index)
    if missing:
        return _gap("exclusions", "blocking", stages=JoinedMsg([Msg(f"stage.{s.value}") for s in missing]))
    names = _ExcludedNames(boundary.excluded)
    return _ok("exclusions", boundary=Msg(f"boundary.{boundary.boundary.value}"), names=names)


class _ExcludedNames(Msg):
    """The excluded processes, in the reader's language ("无" / "none" when nothing is excluded)."""

    def __init__(self, excluded) -> None:
        super().__init__("label.none")
        self.excluded = excluded

    def render(self, lang: str = "zh") -> str:
        if not self.excluded:
            return t("label.none", lang)
        names = [(e.process_en or e.process_zh) if lang == "en" else e.process_zh for e in self.excluded]
        return t("publish.gap_separator", lang).join(names)


def _primary_data(d: Disclosure) -> Check:
    share = d.data_quality.primary_data_share
    level: Level = "ok" if share >= PRIMARY_SHARE_GOOD else "advisory"
    return Check("primary_data", level, f"publish.check.primary_data.{'ok' if level == 'ok' else 'gap'}",
                 {"share": fmt_percent(share)})


def _dqr(d: Disclosure) -> Check:
    q = d.data_quality
    if q.technological_dqr is None:
        return _gap("dqr", "advisory")
    text = " / ".join(fmt_number(v, 1) for v in (q.technological_dqr, q.temporal_dqr, q.geographical_dqr))
    return _ok("dqr", dqr=text)


def _product_mass(product: ProductModel) -> Check:
    dimension = units.dimension_of(product.declared_unit)
    if product.product_mass_kg:
        return _ok("product_mass", mass=fmt_number(product.product_mass_kg, 4))
    if dimension == units.dimension_of("kg") or dimension in {units.dimension_of("kWh"), units.dimension_of("tkm")}:
        return Check("product_mass", "ok", "publish.check.product_mass.derived",
                     {"unit": Msg(f"unit.{product.declared_unit}")})
    return _gap("product_mass", "blocking", unit=Msg(f"unit.{product.declared_unit}"))


def _carbon(product: ProductModel) -> Check:
    """Fossil carbon content: mandatory in PACT, never exported as a 0 nobody assessed (#12)."""
    if product.fossil_carbon_kg is None:
        return _gap("carbon_content", "blocking")
    return _ok("carbon_content", fossil=fmt_number(product.fossil_carbon_kg, 4),
               biogenic=Msg("publish.check.carbon_content.not_assessed") if product.biogenic_carbon_kg is None
               else fmt_number(product.biogenic_carbon_kg, 4))


def _pact_scope(d: Disclosure) -> Check:
    if d.boundary.boundary == BoundaryType.CRADLE_TO_GATE:
        return _ok("pact_scope")
    return _gap("pact_scope", "advisory", gate=kg(d.cradle_to_gate_kg_co2e),
                total=kg(d.total_kg_co2e))


def _identifiers(d: Disclosure, product: ProductModel) -> Check:
    if d.organisation.company_ids and product.product_ids:
        return _ok("identifiers")
    return _gap("identifiers", "advisory")


def _gwp(d: Disclosure) -> Check:
    return _ok("gwp", gwp=d.gwp_set) if d.gwp_set == "AR6" else _gap("gwp", "advisory", gwp=d.gwp_set)


def _method_rules(d: Disclosure) -> Check:
    missing = [Msg(f"publish.rule.{name}") for name, text in
               (("cutoff", d.boundary.cutoff_rule), ("allocation", d.boundary.allocation_rule)) if not text]
    return _gap("method_rules", "advisory", missing=JoinedMsg(missing)) if missing else _ok("method_rules")
