from __future__ import annotations

from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "focus.web.governance"
    label = "governance"
    verbose_name = "Data governance"

    def ready(self) -> None:
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from focus.web.governance.models import Agreement
        from focus.web.governance.permissions import forget_agreements

        for signal in (post_save, post_delete):
            signal.connect(forget_agreements, sender=Agreement, dispatch_uid=f"agreements-{signal}")
        m2m_changed.connect(
            forget_agreements, sender=Agreement.shared_with.through, dispatch_uid="agreements-m2m"
        )
