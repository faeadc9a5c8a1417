from __future__ import annotations

from typing import Any, ClassVar, cast

from django import forms
from django.forms import formset_factory

from focus.web.accounts.models import User
from focus.web.governance.models import Agency
from focus.web.panel.models import ExclusionReason, Meeting, Outcome


class MeetingForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Meeting
        fields = ("title", "held_on", "starts_at", "location", "chair", "attendees")
        widgets: ClassVar[dict[str, Any]] = {
            "held_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "starts_at": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "attendees": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        chair = cast("forms.ModelChoiceField", self.fields["chair"])  # type: ignore[type-arg]
        attendees = cast("forms.ModelMultipleChoiceField", self.fields["attendees"])  # type: ignore[type-arg]
        chair.queryset = User.objects.filter(role="panel_chair", is_active=True)
        attendees.queryset = (
            User.objects.filter(is_active=True)
            .exclude(role__in=("administrator", "dpo"))
            .select_related("agency")
        )
        attendees.label_from_instance = lambda user: (  # type: ignore[method-assign,assignment]
            f"{user.display_name} ({user.agency.name if user.agency else 'no agency'})"
        )


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(choices=Outcome.choices, widget=forms.RadioSelect, label="Decision")
    exclusion_reason = forms.ChoiceField(
        choices=ExclusionReason.choices,
        widget=forms.RadioSelect,
        required=False,
        label="Reason for excluding",
    )
    note = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        label="Note",
        help_text="Needed when the reason is 'Other'. Recorded in the minutes.",
    )
    by_protocol = forms.BooleanField(
        required=False,
        label="The panel could not agree: the named chair decides under the protocol",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("outcome") == Outcome.EXCLUDE and not data.get("exclusion_reason"):
            self.add_error("exclusion_reason", "Choose why the panel excludes this person.")
        if (
            data.get("exclusion_reason") == ExclusionReason.OTHER
            and data.get("outcome") == Outcome.EXCLUDE
            and not str(data.get("note", "")).strip()
        ):
            self.add_error("note", "Say what the other reason is.")
        return data


class DissentForm(forms.Form):
    agency = forms.ModelChoiceField(queryset=Agency.objects.all(), required=False, label="Agency")
    note = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 2}), label="Their view"
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("agency") and not str(data.get("note", "")).strip():
            self.add_error("note", "Say what the agency's view is.")
        if str(data.get("note", "")).strip() and not data.get("agency"):
            self.add_error("agency", "Choose the agency that disagrees.")
        return data


DissentFormSet = formset_factory(DissentForm, extra=2, max_num=6)


class AddCaseForm(forms.Form):
    ref = forms.CharField(label="Reference of the person (FD-...)", max_length=12)
