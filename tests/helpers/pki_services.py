"""The bureau's PKI services for the archive tests, for real: certomancer's Animator (its OCSP
responder, CRL repository and RFC 3161 time-stamping authority) served by Werkzeug on
127.0.0.1 in a thread, started and stopped inside the test run.

The configuration is tests/data/archive_pki/pki.yml with dates relative to today (so the tests
pass in any year); the certificates carry the URLs of this server. ``travel(days)`` moves the
services' clock (certomancer answers as of that moment: the OCSP responses, CRLs and time
stamps are dated then), which is how a test re-timestamps "next year"."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from certomancer.integrations.animator import Animator, AnimatorArchStore
from certomancer.registry import CertomancerConfig, PKIArchitecture
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

CONFIG = Path(__file__).resolve().parent.parent / "data" / "archive_pki" / "pki.yml"
ARCH = "bureau"
PASSPHRASE = "pki-passphrase"
_DAYS = re.compile(r"@T([+-]\d+)d@")
TSA_SWITCH_DAYS = 30  # the TSA signs with its second certificate from this day on (pki.yml)


def today() -> datetime:
    return datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)


def _render(text: str, start: datetime) -> str:
    def date(match: re.Match[str]) -> str:
        return (start + timedelta(days=int(match.group(1)))).strftime("%Y-%m-%dT%H:%M:%S+0000")

    return _DAYS.sub(date, text)


@dataclass
class PkiServices:
    base_url: str
    arch: PKIArchitecture
    animator: Animator
    start: datetime  # day 0 of pki.yml
    roots: list[x509.Certificate] = field(default_factory=list)

    @property
    def tsa_url(self) -> str:
        """The bureau's one TSA address (the authority's certificate changes behind it)."""
        return f"{self.base_url}/tsa"

    @property
    def now(self) -> datetime:
        return self.animator.fixed_time or datetime.now(UTC)

    def travel(self, days: float) -> datetime:
        """Set the services' clock to ``days`` after day 0 (and return that moment)."""
        moment = self.start + timedelta(days=days, hours=12)
        self.animator.fixed_time = moment
        return moment

    def certificate(self, label: str) -> x509.Certificate:
        der = self.arch.get_cert(label).dump()  # type: ignore[arg-type]
        return x509.load_der_x509_certificate(der)

    def root_pem(self, path: Path) -> Path:
        path.write_bytes(self.roots[0].public_bytes(serialization.Encoding.PEM))
        return path

    def pkcs12(self, label: str, path: Path) -> Path:
        """The holder's key and certificate (with the CA's) as a PKCS#12 file."""
        data = self.arch.package_pkcs12(
            label,  # type: ignore[arg-type]
            certs_to_embed=["root"],  # type: ignore[list-item]
            password=PASSPHRASE.encode(),
        )
        path.write_bytes(data)
        return path


class _Quiet(WSGIRequestHandler):
    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        pass  # one line per OCSP/TSA request would bury the test output


class _Routes:
    """The Animator, with the bureau's single TSA address routed to the certificate in use."""

    def __init__(self, services: PkiServices) -> None:
        self.services = services

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        if environ.get("PATH_INFO") == "/tsa":
            switch = self.services.start + timedelta(days=TSA_SWITCH_DAYS)
            label = "tsa2" if self.services.now >= switch else "tsa"
            environ["PATH_INFO"] = f"/{ARCH}/tsa/{label}"
        return self.services.animator(environ, start_response)


def start_services() -> tuple[PkiServices, BaseWSGIServer, threading.Thread]:
    server = make_server("127.0.0.1", 0, lambda e, s: [], request_handler=_Quiet)  # app below
    base = f"http://127.0.0.1:{server.server_port}"
    start = today()
    config = CertomancerConfig.from_yaml(
        _render(CONFIG.read_text(encoding="utf-8"), start),
        key_search_dir=str(CONFIG.parent),
        external_url_prefix=base,
    )
    arch = config.get_pki_arch(ARCH)  # type: ignore[arg-type]
    animator = Animator(
        AnimatorArchStore(config.pki_archs), with_web_ui=False, allow_time_override=False
    )
    services = PkiServices(base, arch, animator, start)
    services.roots = [services.certificate("root")]
    server.app = _Routes(services)
    thread = threading.Thread(target=server.serve_forever, name="pki-services", daemon=True)
    thread.start()
    return services, server, thread


@pytest.fixture(scope="module")
def pki_services() -> Iterator[PkiServices]:
    services, server, thread = start_services()
    try:
        yield services
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture
def pki(pki_services: PkiServices) -> Iterator[PkiServices]:
    """The services with their clock at today (each test travels from there)."""
    pki_services.animator.fixed_time = None
    yield pki_services
    pki_services.animator.fixed_time = None
