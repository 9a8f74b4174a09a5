"""Every error the core raises: one base class, one docstring per situation, a message key and parameters
(``error.message("zh")``; ``str(error)`` is English). Errors raised in pydantic validators also subclass
``ValueError`` so pydantic wraps them into one ``ValidationError``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from cfp_core.i18n import t


class CfpError(Exception):
    """Base class for errors raised by cfp_core."""

    key = "error.generic"

    def __init__(self, key: str | None = None, **params: Any) -> None:
        self.key = key or self.key
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        """Return the message in ``lang`` ("zh" or "en")."""
        return t(self.key, lang, **self.params)


class UnknownUnit(CfpError, ValueError):
    """A unit name is not one the dashboard knows."""

    key = "error.unknown_unit"


class UnitMismatch(CfpError, ValueError):
    """An amount's unit cannot be converted into its factor's unit."""

    key = "error.unit_mismatch"


class FactorNotFound(CfpError, KeyError):
    """A line refers to a factor that the chosen factor set does not contain."""

    key = "error.factor_not_found"

    def __str__(self) -> str:  # KeyError would otherwise quote the message
        return self.message("en")


class FactorSetInvalid(CfpError, ValueError):
    """A factor set breaks a rule (duplicate key, bad value)."""

    key = "error.factor_set_invalid"


class GwpMissing(CfpError, ValueError):
    """A gas has no GWP value in the chosen GWP set."""

    key = "error.gwp_missing"


class NotFound(CfpError, LookupError):
    """A stored record (product, inventory, factor set, snapshot) does not exist."""

    key = "error.not_found"


class ImportRejected(CfpError, ValueError):
    """A file was rejected whole; ``problems`` lists every row-level problem."""

    key = "error.import_rejected"

    def __init__(self, problems: list[RowProblem], **params: Any) -> None:
        self.problems = problems
        super().__init__(count=len(problems), **params)

    def message(self, lang: str = "en") -> str:
        return "\n".join([t(self.key, lang, **self.params), *(p.message(lang) for p in self.problems[:50])])


class RowProblem(CfpError, ValueError):
    """One problem in one row and column of an imported file."""

    key = "error.row_problem"

    def __init__(self, row: int, column: str, value: Any, problem_key: str, **params: Any):
        self.row, self.column, self.value, self.problem_key = row, column, value, problem_key
        super().__init__(row=row, column=column, value=value, problem_key=problem_key, **params)

    def message(self, lang: str = "en") -> str:
        detail = t(self.problem_key, lang, **{**self.params, "value": self.value})
        return t(self.key, lang, row=self.row, column=self.column, value=_short(self.value), detail=detail)


class FieldProblem(RowProblem):
    """One problem at one JSON path of one footprint in an imported PACT file (``row`` = footprint number)."""

    key = "error.field_problem"


class ImmutableRecord(CfpError, PermissionError):
    """Someone tried to change or delete a published snapshot or a saved revision."""

    key = "error.immutable"


class NotPublishable(CfpError, ValueError):
    """A publish target's readiness checklist has blocking gaps."""

    key = "error.not_publishable"


class PermissionDenied(CfpError, PermissionError):
    """The acting principal's roles do not allow this write (checked in the core, not by hiding a button)."""

    key = "error.permission_denied"


class TextRejected(CfpError, ValueError):
    """Text contains control characters, markup or a spreadsheet formula trigger."""

    key = "error.text_rejected"


class UnknownFormat(CfpError, ValueError):
    """An output format (card, export) was asked for that does not exist."""

    key = "card.error.format"


class CardFontMissing(CfpError, RuntimeError):
    """No CJK font is installed, so Chinese would render as empty boxes."""

    key = "card.error.font_missing"


class UnknownAudience(CfpError, ValueError):
    """A publication was asked for an audience that is not one of ``readiness.AUDIENCES``."""

    key = "publish.error.unknown_audience"


class ReasonRequired(CfpError, ValueError):
    """A withdrawal (or rejection) needs a reason that buyers or colleagues will read."""

    key = "publish.error.reason_required"


class AlreadyWithdrawn(CfpError, ValueError):
    """A snapshot that is already withdrawn cannot be withdrawn again."""

    key = "publish.error.already_withdrawn"


class PactNotRepresentable(CfpError, ValueError):
    """The disclosure cannot be expressed in the requested PACT version; ``reason`` says why and the fix."""

    key = "pact.error.not_representable"


class ProductMassMissing(NotPublishable):
    """A PACT v3 export needs ``productMassPerDeclaredUnit`` but the product has no mass."""

    key = "pact.error.mass_missing"


class NoLines(CfpError, ValueError):
    """An inventory revision without a single activity line was about to be saved."""

    key = "products.error.no_lines"


class NoChanges(CfpError, ValueError):
    """The edited inventory equals the latest revision, so there is nothing to save."""

    key = "products.error.no_changes"


class SamePeriod(CfpError, ValueError):
    """A period's data cannot be copied onto the same period."""

    key = "products.error.same_period"


class WorkspaceTaken(CfpError, PermissionError):
    """Someone already holds a role in this workspace: the first-user set-up is closed."""

    key = "error.workspace_taken"


class LastAdmin(CfpError, ValueError):
    """The change would leave the organisation without an administrator."""

    key = "error.last_admin"


class MemberInvalid(CfpError, ValueError):
    """A member needs a sign-in subject or an e-mail address, and at least one valid role to be added."""

    key = "error.member_invalid"


class SelfApproval(CfpError, PermissionError):
    """Four eyes: the person who requested a publication may not approve it."""

    key = "error.self_approval"


class RequestClosed(CfpError, ValueError):
    """The publication request was already approved, rejected or cancelled."""

    key = "error.request_closed"


class ReviewRequired(CfpError, PermissionError):
    """Four eyes are on: publishing goes through a request and a second person's approval."""

    key = "error.review_required"


class LogoRejected(CfpError, ValueError):
    """An uploaded logo is not a PNG file of at most 500 kB."""

    key = "error.logo_rejected"


class DataChanged(CfpError, ValueError):
    """The data changed after the publication was requested: what was reviewed is no longer what would publish."""

    key = "error.data_changed"


class ExposedWithoutSignIn(CfpError, RuntimeError):
    """The workspace would be reachable from other machines without sign-in configured."""

    key = "error.exposed_without_sign_in"


class EditRejected(CfpError, ValueError):
    """An edited inventory still has row-level issues; nothing was saved."""

    key = "products.error.rejected"

    def __init__(self, issues: Sequence[Any], **params: Any) -> None:
        self.issues = tuple(issues)
        super().__init__(count=len(self.issues), **params)

    def message(self, lang: str = "en") -> str:
        """Return the head line and one line per issue (issues keep the language they were made in)."""
        return "\n".join([t(self.key, lang, **self.params), *(i.message for i in self.issues[:50])])


def _short(value: Any, limit: int = 60) -> str:
    return "" if value is None else (str(value) if len(str(value)) <= limit else str(value)[: limit - 1] + "…")


class PublicUrlMissing(NotPublishable):
    """An externally shared card needs the disclosure server's public address (organisation setting)."""

    key = "server.error.public_url_missing"


class PublicUrlNotPublic(NotPublishable):
    """The configured public address is loopback, private or otherwise unreachable for customers."""

    key = "server.error.public_url_not_public"


class UnknownProducts(CfpError, ValueError):
    """An API client's product list names model codes that are not stored."""

    key = "server.error.unknown_products"


class RequestAlreadyAnswered(CfpError, ValueError):
    """A PCF request was already fulfilled or rejected (each request gets one answer)."""

    key = "server.error.request_answered"


class NothingToFulfil(CfpError, ValueError):
    """A PCF request is fulfilled with footprints the requesting client may not read, or none."""

    key = "server.error.nothing_to_fulfil"



class StoreBusy(CfpError, RuntimeError):
    """Another process held the database longer than the retries waited."""
    key = "error.store_busy"


class StoreFull(CfpError, OSError):
    """The disk is full: the write was rolled back whole."""
    key = "error.store_full"


class StoreDamaged(CfpError, RuntimeError):
    """The database file failed its integrity check on open (``path``, ``detail``)."""
    key = "error.store_damaged"
