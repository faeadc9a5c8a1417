from __future__ import annotations

from django import forms

from focus.web.audit.models import Action


class SearchForm(forms.Form):
    person = forms.CharField(
        required=False,
        label="Person",
        help_text="Their Focus reference (FD-...) or their person id in the lake.",
    )
    user = forms.CharField(required=False, label="Username")
    action = forms.ChoiceField(required=False, choices=[("", "Any"), *Action.choices])
    since = forms.DateField(
        required=False, label="From", widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        required=False, label="To", widget=forms.DateInput(attrs={"type": "date"})
    )
