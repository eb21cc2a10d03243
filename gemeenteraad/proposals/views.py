"""Public and private views of citizens' proposals (routes of the ProposalFormPage)."""

import json
import logging
from urllib.parse import urlencode

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Prefetch, Sum
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_tasks import task
from wagtail.log_actions import log

from site_app import timeline
from site_app.models import ConfirmationError
from site_app.public_forms import PublicFormFlow, RateLimit
from site_app.timeline import Status

from ..models.proposals import (
    CitizenProposal,
    PaperSupportList,
    ProposalStep,
    ProposalSupport,
    person_key,
    proposal_settings,
)
from .forms import DRAFT, ProposalForm, ProposalTextForm, SupportForm

logger = logging.getLogger(__name__)

PROPOSAL_RATE_LIMIT = RateLimit("gemeenteraad-proposal", limit=5, window=60 * 60)
SUPPORT_RATE_LIMIT = RateLimit("gemeenteraad-support", limit=20, window=60 * 60)
WITHDRAW_ACTION = "gemeenteraad.proposal_withdrawn"
ERASURE_REQUEST_ACTION = "gemeenteraad.erasure_requested"
STEP_ACTION = "gemeenteraad.proposal_step"


def _render(page, request, template, context, status=200):
    response = page.render(request, template=template, context_overrides=context)
    response.status_code = status
    return response


def _absolute(request, page, name, **kwargs) -> str:
    return request.build_absolute_uri(page.subpage_url(name, request, **kwargs))


def private_url(request, page, proposal) -> str:
    return _absolute(request, page, "private", token=proposal.private_token)


def form_page_for(language: str):
    """The live ProposalFormPage in this language (or in Dutch)."""
    from ..models.proposals import ProposalFormPage

    pages = ProposalFormPage.objects.live()
    return (
        pages.filter(locale__language_code=language).first()
        or pages.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    )


def notify_step(proposal) -> None:
    """Tell the initiator about the new step, in their language (after the commit)."""
    page = form_page_for(proposal.language)
    if page is None or not proposal.email:
        return
    link = page.full_url + page.reverse_subpage("private", kwargs={"token": proposal.private_token})
    # Called after the step's transaction committed: the mail task sees the new status.
    send_proposal_mail.enqueue(proposal.pk, "step", "", link)


def record_proposal_step(proposal, *, status, user=None, date=None, note="", actor="", **extra):
    """Add a step to the proposal's timeline, keep its status fields and log it."""
    with transaction.atomic():
        step = timeline.record_step(
            ProposalStep,
            history=list(proposal.steps.all()),
            user=user,
            proposal=proposal,
            status=status,
            date=date or timeline.today(),
            note=note,
            actor=actor,
            **extra,
        )
        proposal.status = status
        fields = ["status"]
        if status == Status.COLLECTING_SUPPORT:
            proposal.published_at = proposal.published_at or timezone.now()
            proposal.support_deadline = step.due
            fields += ["published_at", "support_deadline"]
        if Status(status) in {Status.NOT_ADMISSIBLE, Status.DECIDED, Status.WITHDRAWN}:
            proposal.closed_at = timezone.now()
            fields.append("closed_at")
        proposal.save(update_fields=fields)
        log(
            instance=proposal,
            action=STEP_ACTION,
            user=user,
            data={"status": str(status), "date": step.date.isoformat()},
        )
    proposal.__dict__.pop("timeline", None)
    return step


# --- the proposal form ---------------------------------------------------------------------


class ProposalFlow(PublicFormFlow):
    form_class = ProposalForm
    rate_limit = PROPOSAL_RATE_LIMIT

    def __init__(self, request, page):
        super().__init__(request)
        self.page = page

    def get_form_kwargs(self):
        return {"draft": self.request.POST.get("action") == DRAFT}

    def create(self, form):
        data = form.cleaned_data
        proposal = CitizenProposal.objects.create(
            name=data["name"],
            email=data["email"],
            phone=data["phone"],
            postcode=data["postcode"],
            is_16_or_older=True,
            title=data["title"],
            question=data["question"],
            reasons=data["reasons"],
            decision_asked=data["decision_asked"],
            wants_chair_advice=bool(data.get("wants_chair_advice")),
            language=translation.get_language() or settings.LANGUAGE_CODE,
            consent_at=timezone.now(),
            submitted_at=None if form.draft else timezone.now(),
            submission_key=form.submission_key(),
        )
        proposal.themes.set(_terms("themes", data))
        proposal.wijken.set(_terms("wijken", data))
        return proposal

    def find_duplicate(self, form):
        return CitizenProposal.objects.filter(submission_key=form.submission_key()).first()

    def after_commit(self, proposal):
        query = urlencode({"t": proposal.confirmation_token()})
        send_proposal_mail.enqueue(
            proposal.pk,
            "confirm",
            f"{_absolute(self.request, self.page, 'confirm')}?{query}",
            private_url(self.request, self.page, proposal),
        )

    def success(self, proposal):
        return redirect(self.page.subpage_url("thanks", self.request))

    def render(self, form, *, status, errors):
        return _render(
            self.page,
            self.request,
            "gemeenteraad/proposals/form_page.html",
            {"form": form, "error_summary": errors, "settings_rules": proposal_settings()},
            status,
        )


def propose(request, page):
    return ProposalFlow(request, page).respond()


def thanks(request, page):
    return _render(
        page,
        request,
        "gemeenteraad/proposals/message.html",
        {
            "title": _("Bedankt voor je voorstel"),
            "message": _(
                "We stuurden je een e-mail. Klik op de link erin om te bevestigen dat jij het "
                "voorstel stuurde. Pas daarna telt het. In dezelfde e-mail staat de link naar "
                "je eigen pagina, waar je je voorstel volgt."
            ),
        },
    )


CONFIRMATION_MESSAGES = {
    "invalid": _("Deze link werkt niet. Kopieer de volledige link uit de e-mail."),
    "expired": _("Deze link is verlopen. Stuur je voorstel gerust opnieuw."),
    "used": _("Dit was al bevestigd. Je hoeft niets meer te doen."),
}


def _confirm_page(request, page, model, on_confirmed, title):
    """GET shows a button (mail scanners that open links confirm nothing); POST confirms."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    context = {"title": title, "problem": None}
    status = 200
    if request.method == "POST":
        try:
            obj = model.confirm(request.GET.get("t", ""))
        except ConfirmationError as error:
            context["problem"] = CONFIRMATION_MESSAGES[error.reason]
            status = 200 if error.reason == "used" else 400
        else:
            return on_confirmed(obj)
    return _render(page, request, "gemeenteraad/proposals/confirm.html", context, status)


def confirm_proposal(request, page):
    def confirmed(proposal):
        if not proposal.is_draft and not proposal.status:
            record_proposal_step(proposal, status=Status.SUBMITTED, actor=str(_("Indiener")))
        return redirect(page.subpage_url("private", request, token=proposal.private_token))

    return _confirm_page(request, page, CitizenProposal, confirmed, _("Bevestig je voorstel"))


# --- the private status page ----------------------------------------------------------------


def _by_token(token):
    proposal = (
        CitizenProposal.objects.filter(private_token=token, erased_at__isnull=True)
        .prefetch_related("steps", "themes", "wijken")
        .first()
    )
    if proposal is None or len(token) < 20:
        raise Http404
    return proposal


def private_status(request, page, token):
    """The initiator's own page: timeline, finish a draft, withdraw, data, erasure."""
    proposal = _by_token(token)
    form, errors, status, notice = None, [], 200, None
    action = request.POST.get("action", "") if request.method == "POST" else ""
    if proposal.is_draft:
        initial = {
            "title": proposal.title,
            "question": proposal.question,
            "reasons": proposal.reasons,
            "decision_asked": proposal.decision_asked,
            "themes": [t.slug for t in proposal.themes.all()],
            "wijken": [w.slug for w in proposal.wijken.all()],
            "wants_chair_advice": "ja" if proposal.wants_chair_advice else "nee",
        }
        form = ProposalTextForm(initial=initial)
        form.order_protection_last()
    if request.method == "POST":
        if action in ("indienen", DRAFT) and proposal.is_draft:
            form = ProposalTextForm(request.POST, draft=action == DRAFT)
            form.order_protection_last()
            if form.is_valid():
                _save_draft(proposal, form, page, submit=action == "indienen")
                if action == "indienen":
                    form = None
                notice = (
                    _("Je voorstel is ingediend.")
                    if action == "indienen"
                    else _("Je tekst is bewaard. Je kan later verder via deze pagina.")
                )
            else:
                errors, status = form.error_summary(), 400
        elif action == "intrekken" and proposal.is_open:
            record_proposal_step(proposal, status=Status.WITHDRAWN, actor=str(_("Indiener")))
            log(instance=proposal, action=WITHDRAW_ACTION)
            notice = _("Je voorstel is ingetrokken.")
        elif action == "wissen" and proposal.erasure_requested_at is None:
            proposal.erasure_requested_at = timezone.now()
            proposal.save(update_fields=["erasure_requested_at"])
            log(instance=proposal, action=ERASURE_REQUEST_ACTION)
            notice = _("We ontvingen je vraag. Een moderator wist je gegevens binnen dertig dagen.")
        elif action not in ("indienen", DRAFT, "intrekken", "wissen"):
            status = 400
    proposal.__dict__.pop("timeline", None)
    proposal = _by_token(token) if request.method == "POST" else proposal
    response = _render(
        page,
        request,
        "gemeenteraad/proposals/private.html",
        {
            "proposal": proposal,
            "form": form if proposal.is_draft else None,
            "error_summary": errors,
            "notice": notice,
            "public_url": page.proposal_url(proposal, request) if proposal.is_public else "",
            "total": proposal.support_total(),
            "threshold": proposal_settings().support_threshold,
        },
        status,
    )
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response


def _save_draft(proposal, form, page, *, submit):
    data = form.cleaned_data
    for name in ("title", "question", "reasons", "decision_asked"):
        setattr(proposal, name, data[name])
    proposal.wants_chair_advice = bool(data.get("wants_chair_advice"))
    with transaction.atomic():
        if submit:
            proposal.submitted_at = timezone.now()
        proposal.save()
        proposal.themes.set(_terms("themes", data))
        proposal.wijken.set(_terms("wijken", data))
        if submit and proposal.is_confirmed and not proposal.status:
            record_proposal_step(proposal, status=Status.SUBMITTED, actor=str(_("Indiener")))


def _terms(name, data):
    from site_app.models import Theme, Wijk

    model = Theme if name == "themes" else Wijk
    return model.objects.filter(
        slug__in=data.get(name) or [], locale__language_code=settings.LANGUAGE_CODE
    )


def private_export(request, page, token):
    proposal = _by_token(token)
    from site_app import personal_data

    personal_data.record_export(proposal)
    body = json.dumps(
        {"exported_at": timezone.now().isoformat(), "data": proposal.personal_data_export()},
        ensure_ascii=False,
        indent=2,
    )
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="mijn-voorstel.json"'
    response["Cache-Control"] = "private, no-store"
    return response


# --- public overview and proposal page -------------------------------------------------------


def _public_proposals():
    return (
        CitizenProposal.objects.public()
        .with_support_counts()
        .only(
            "pk",
            "title",
            "question",
            "status",
            "language",
            "published_at",
            "support_deadline",
            "confirmed_at",
        )
        .prefetch_related(
            Prefetch(
                "steps",
                queryset=ProposalStep.objects.select_related("agenda_item__meeting"),
            ),
            "themes",
        )
        .order_by("-published_at", "-pk")
    )


def overview(request, page):
    proposals = list(_public_proposals())
    # Sum over a join with the supports would multiply: read the paper counts apart.
    paper = dict(
        PaperSupportList.objects.filter(proposal__in=[p.pk for p in proposals])
        .values_list("proposal")
        .annotate(total=Sum("count"))
    )
    for proposal in proposals:
        proposal.paper_supports = paper.get(proposal.pk, 0)
        proposal.public_url = page.proposal_url(proposal, request)
    return _render(
        page,
        request,
        "gemeenteraad/proposals/overview.html",
        {
            "title": _("Voorstellen van burgers"),
            "proposals": proposals,
            "threshold": proposal_settings().support_threshold,
        },
    )


def _public_or_404(pk):
    proposal = (
        CitizenProposal.objects.public()
        .filter(pk=pk)
        .prefetch_related(
            Prefetch(
                "steps",
                queryset=ProposalStep.objects.select_related("agenda_item__meeting"),
            ),
            "themes",
            "wijken",
        )
        .first()
    )
    if proposal is None:
        raise Http404
    return proposal


class SupportFlow(PublicFormFlow):
    form_class = SupportForm
    rate_limit = SUPPORT_RATE_LIMIT

    def __init__(self, request, page, proposal):
        super().__init__(request)
        self.page, self.proposal = page, proposal
        self.resend = None

    def respond(self):
        if self.request.method == "POST" and not self.proposal.collects_support:
            return self.render(self.get_form(), status=409, errors=[])
        return super().respond()

    def create(self, form):
        return add_support(
            self.proposal,
            family_name=form.cleaned_data["family_name"],
            given_names=form.cleaned_data["given_names"],
            birth_date=form.cleaned_data["birth_date"],
            postcode=form.cleaned_data["postcode"],
            email=form.cleaned_data["email"],
            language=translation.get_language() or settings.LANGUAGE_CODE,
        )

    def after_commit(self, support):
        if support.confirmed_at is None:
            query = urlencode({"t": support.confirmation_token()})
            send_support_mail.enqueue(
                support.pk,
                f"{_absolute(self.request, self.page, 'support_confirm', pk=self.proposal.pk)}"
                f"?{query}",
            )

    def success(self, support):
        return redirect(self.page.subpage_url("support_thanks", self.request, pk=self.proposal.pk))

    def render(self, form, *, status, errors):
        return _render(
            self.page,
            self.request,
            "gemeenteraad/proposals/proposal.html",
            {
                "proposal": self.proposal,
                "form": form,
                "error_summary": errors,
                "total": self.proposal.support_total(),
                "threshold": proposal_settings().support_threshold,
            },
            status,
        )


def add_support(proposal, *, family_name, given_names, birth_date, postcode, email, language):
    """Store one support (or return the one this person gave already).

    The unique constraint decides: two identical requests at the same moment store one row;
    the savepoint keeps the surrounding transaction usable after the IntegrityError.
    """
    key = person_key(family_name, given_names, birth_date, postcode)
    try:
        with transaction.atomic():
            return ProposalSupport.objects.create(
                proposal=proposal,
                family_name=family_name,
                given_names=given_names,
                birth_date=birth_date,
                postcode=postcode,
                email=email,
                person_key=key,
                language=language,
            )
    except IntegrityError:
        return ProposalSupport.objects.get(proposal=proposal, person_key=key)


def public_proposal(request, page, pk):
    proposal = _public_or_404(pk)
    return SupportFlow(request, page, proposal).respond()


def support_thanks(request, page, pk):
    proposal = _public_or_404(pk)
    return _render(
        page,
        request,
        "gemeenteraad/proposals/message.html",
        {
            "title": _("Bedankt voor je steun"),
            "message": _(
                "We stuurden je een e-mail. Klik op de link erin: pas dan telt je steun. "
                "Steunde je dit voorstel al? Dan telt het één keer."
            ),
            "back_url": page.proposal_url(proposal, request),
        },
    )


def confirm_support(request, page, pk):
    proposal = _public_or_404(pk)

    def confirmed(support):
        return _render(
            page,
            request,
            "gemeenteraad/proposals/message.html",
            {
                "title": _("Je steun telt"),
                "message": _("Bedankt! Je steun is bevestigd en telt mee."),
                "back_url": page.proposal_url(proposal, request),
            },
        )

    return _confirm_page(request, page, ProposalSupport, confirmed, _("Bevestig je steun"))


# --- mail -------------------------------------------------------------------------------------

MAIL_SUBJECTS = {
    "confirm": _("Bevestig je voorstel voor de gemeenteraad"),
    "step": _("Nieuws over je voorstel voor de gemeenteraad"),
}


@task()
def send_proposal_mail(proposal_id: int, kind: str, confirm_url: str, private_link: str) -> None:
    """Mail the initiator in their language. Only fixed text, the status and the links."""
    proposal = CitizenProposal.objects.filter(pk=proposal_id).first()
    if proposal is None or not proposal.email:
        return
    with translation.override(proposal.language):
        subject = str(MAIL_SUBJECTS[kind])
        body = render_to_string(
            f"gemeenteraad/proposals/emails/{kind}.txt",
            {
                "confirm_url": confirm_url,
                "private_url": private_link,
                "status": timeline.label(proposal.status) if proposal.status else "",
                "note": proposal.steps.order_by("-recorded_at", "-pk")
                .values_list("note", flat=True)
                .first()
                or "",
            },
        )
    try:
        send_mail(subject, body, None, [proposal.email])
    except Exception:
        # The exception text may hold the address: log only which proposal it was.
        logger.warning("Mail for citizens' proposal %s could not be sent.", proposal_id)


@task()
def send_support_mail(support_id: int, confirm_url: str) -> None:
    support = ProposalSupport.objects.filter(pk=support_id).select_related("proposal").first()
    if support is None or not support.email:
        return
    with translation.override(support.language):
        subject = str(_("Bevestig je steun voor een voorstel aan de gemeenteraad"))
        body = render_to_string(
            "gemeenteraad/proposals/emails/support.txt",
            {"confirm_url": confirm_url, "title": support.proposal.title},
        )
    try:
        send_mail(subject, body, None, [support.email])
    except Exception:
        logger.warning("Mail for support %s could not be sent.", support_id)
