"""Serving the web application on waitress, a production WSGI server (pure Python, threaded)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ServeOptions:
    host: str = "127.0.0.1"
    port: int = 8000
    threads: int = 8
    migrate: bool = True


def prepare(migrate: bool = True) -> None:
    """Set Django up and bring the case database to the current migrations."""
    from focus.web import setup

    setup()
    if migrate:
        from django.core.management import call_command

        call_command("migrate", interactive=False, verbosity=0)


def serve(options: ServeOptions) -> None:
    """Run the server until interrupted (blocking)."""
    import waitress

    prepare(options.migrate)
    from focus.web.wsgi import application

    waitress.serve(
        application,
        host=options.host,
        port=options.port,
        threads=options.threads,
        ident="Focus",
        clear_untrusted_proxy_headers=True,
        channel_timeout=60,
    )
