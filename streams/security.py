"""Kafka security settings (TLS, SASL PLAIN and SCRAM) for every client claimwatch runs, from one place.

The worker (faust and aiokafka) gets faust credentials (`faust_credentials`); `send`, `tail` and
`topics create` (kafka-python) get keyword arguments (`kafka_python_options`). Both come from the same
`CLAIMWATCH_SECURITY_PROTOCOL`, `CLAIMWATCH_SASL_*` and `CLAIMWATCH_SSL_*` settings, checked here once
(`check`): a SASL protocol needs a user name and a password; a key file needs its certificate.
"""

from __future__ import annotations

import ssl
from typing import Any

from .exceptions import ConfigError
from .settings import Settings

__all__ = ["check", "faust_credentials", "kafka_python_options", "ssl_context"]


def check(settings: Settings) -> None:
    """Raise ConfigError when the security settings cannot work together."""
    if settings.security_protocol.startswith("SASL_") and not (
        settings.sasl_username and settings.sasl_password
    ):
        raise ConfigError(
            f"CLAIMWATCH_SECURITY_PROTOCOL={settings.security_protocol} needs CLAIMWATCH_SASL_USERNAME and "
            "CLAIMWATCH_SASL_PASSWORD (the password only from the environment)"
        )
    if settings.ssl_keyfile and not settings.ssl_certfile:
        raise ConfigError("CLAIMWATCH_SSL_KEYFILE is set without CLAIMWATCH_SSL_CERTFILE")


def _uses_tls(settings: Settings) -> bool:
    return settings.security_protocol in ("SSL", "SASL_SSL")


def ssl_context(settings: Settings) -> ssl.SSLContext | None:
    """The TLS context of SSL and SASL_SSL (None otherwise): the given CA file or the system's trust store,
    and the client certificate when one is given."""
    if not _uses_tls(settings):
        return None
    context = ssl.create_default_context(cafile=settings.ssl_cafile or None)
    if settings.ssl_certfile:
        context.load_cert_chain(settings.ssl_certfile, settings.ssl_keyfile or None)
    return context


def faust_credentials(settings: Settings) -> Any:
    """faust's `broker_credentials` for the settings (None for PLAINTEXT)."""
    import faust

    check(settings)
    if settings.security_protocol == "PLAINTEXT":
        return None
    if settings.security_protocol == "SSL":
        return faust.SSLCredentials(ssl_context(settings))
    return faust.SASLCredentials(
        username=settings.sasl_username,
        password=settings.sasl_password,
        ssl_context=ssl_context(settings),
        mechanism=settings.sasl_mechanism,
    )


def kafka_python_options(settings: Settings) -> dict[str, Any]:
    """Keyword arguments for kafka-python's KafkaProducer, KafkaConsumer and KafkaAdminClient."""
    check(settings)
    options: dict[str, Any] = {"security_protocol": settings.security_protocol}
    if settings.security_protocol.startswith("SASL_"):
        options.update(
            sasl_mechanism=settings.sasl_mechanism,
            sasl_plain_username=settings.sasl_username,
            sasl_plain_password=settings.sasl_password,
        )
    if _uses_tls(settings):
        options["ssl_context"] = ssl_context(settings)
    return options
