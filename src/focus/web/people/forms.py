from __future__ import annotations

from typing import Any, ClassVar, cast

from django import forms

from focus.web.accounts.models import User
from focus.web.people.models import ApproachStrategy, Background, DeconflictionFlag, Status

TEXTAREA = {"rows": 4}


class SearchForm(forms.Form):
    q = forms.CharField(required=False, label="Name or reference", max_length=200)
    status = forms.ChoiceField(required=False, choices=[("", "Any"), *Status.choices])


class BackgroundForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Background
        fields = ("topic", "text")
        labels: ClassVar[dict[str, Any]] = {"text": "What is known"}
        widgets: ClassVar[dict[str, Any]] = {"text": forms.Textarea(attrs=TEXTAREA)}


class ApproachForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = ApproachStrategy
        fields = (
            "when_where",
            "risks_to_person",
            "risks_to_family",
            "risks_to_team",
            "listening_factors",
            "who_approaches",
        )
        widgets: ClassVar[dict[str, Any]] = {
            name: forms.Textarea(attrs={"rows": 3}) for name in fields
        }


class FlagForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = DeconflictionFlag
        fields = ("flag_kind", "description", "contact_name", "contact_details")
        widgets: ClassVar[dict[str, Any]] = {"description": forms.Textarea(attrs={"rows": 3})}


class AllocateForm(forms.Form):
    caseworker = forms.ModelChoiceField(queryset=User.objects.none(), label="Caseworker")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast("forms.ModelChoiceField", self.fields["caseworker"]).queryset = User.objects.filter(  # type: ignore[type-arg]
            role="caseworker", is_active=True
        ).select_related("agency")


class ExportForm(forms.Form):
    reason = forms.CharField(
        label="Why do you need this export?",
        help_text="This is kept in the audit log with a list of the people exported.",
        min_length=10,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    q = forms.CharField(required=False, widget=forms.HiddenInput)
    status = forms.CharField(required=False, widget=forms.HiddenInput)
