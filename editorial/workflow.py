"""The editorial workflow: draft -> in review -> published, and published -> withdrawn.

Each step is a `Transition` that needs a permission: editors submit, reviewers publish,
send back and withdraw. `apply()` makes the step and records it among the item's
`workflow_events` (each publishable model has them).
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import Truncator, get_text_list
from django.utils.translation import gettext_lazy as _

from .models import Status


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    sources: tuple
    target: str
    role: str  # "submit" or "review": the permission codename is role_<model>
    done: str

    def permission(self, model):
        return f"{model._meta.app_label}.{self.role}_{model._meta.model_name}"

    def permitted(self, user, model):
        return user.has_perm(self.permission(model))

    def allowed(self, user, item):
        return item.status in self.sources and self.permitted(user, type(item))

    def refusal(self, model):
        """Why someone without the permission may not take this step, for the 403 page."""
        return _(
            "Your role does not allow “%(step)s” on %(items)s: it is for %(role)s. Ask "
            "someone who has that role, or an administrator."
        ) % {
            "step": self.label,
            "items": model._meta.verbose_name_plural,
            "role": _("editors") if self.role == "submit" else _("reviewers"),
        }


TRANSITIONS = {
    transition.name: transition
    for transition in [
        Transition(
            "submit",
            _("Submit for review"),
            (Status.DRAFT,),
            Status.REVIEW,
            "submit",
            _("submitted for review"),
        ),
        Transition(
            "publish",
            _("Publish"),
            (Status.REVIEW,),
            Status.PUBLISHED,
            "review",
            _("published"),
        ),
        Transition(
            "send_back",
            _("Send back to draft"),
            (Status.REVIEW,),
            Status.DRAFT,
            "review",
            _("sent back to draft"),
        ),
        Transition(
            "withdraw",
            _("Withdraw"),
            (Status.PUBLISHED,),
            Status.WITHDRAWN,
            "review",
            _("withdrawn"),
        ),
        Transition(
            "reopen",
            _("Reopen as draft"),
            (Status.WITHDRAWN,),
            Status.DRAFT,
            "review",
            _("reopened as a draft"),
        ),
    ]
}


def available(user, item):
    """The transitions this user may make on this item now."""
    return [t for t in TRANSITIONS.values() if t.allowed(user, item)]


def apply(transition, item, user, comment=""):
    """Move `item` along `transition`, recorded with who, when and the comment.

    Raises PermissionDenied without the permission, ValidationError from the wrong
    state, and EditConflict when the item changed since it was read.
    """
    if not transition.permitted(user, type(item)):
        raise PermissionDenied(transition.refusal(type(item)))
    if item.status not in transition.sources:
        raise ValidationError(
            _("“%(item)s” is %(status)s, so it cannot be %(done)s.")
            % {"item": item, "status": item.get_status_display().lower(), "done": transition.done}
        )
    missing = item.missing_for_publication() if hasattr(item, "missing_for_publication") else []
    if transition.target == Status.PUBLISHED and missing:
        raise ValidationError(
            _("“%(item)s” cannot be published yet: give it its %(missing)s first.")
            % {"item": item, "missing": get_text_list([str(m) for m in missing], _("and"))}
        )
    previous = item.status
    with transaction.atomic():
        item.status = transition.target
        fields = ["status", "updated_at"]
        publishing = transition.target == Status.PUBLISHED
        if publishing and item.published_at is None and not item.needs_go_live:
            item.published_at = timezone.now()
            fields.append("published_at")
        # The revision's reason holds 100 characters; the event keeps the whole comment.
        reason = f"{transition.done}: {comment.strip()}".rstrip(": ")
        item._change_reason = Truncator(reason).chars(100)
        item.save(update_fields=fields)
        item.workflow_events.create(
            transition=transition.name,
            from_status=previous,
            to_status=transition.target,
            user=user,
            comment=comment.strip(),
        )
    return item
