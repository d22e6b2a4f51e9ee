"""Real parts for the central service's tests (the fixtures postgres, tls and server in
tests/conftest.py are made of them): a throwaway PostgreSQL cluster per test session
(initdb in a temporary directory, as the unprivileged ``postgres`` or ``nobody`` user when run
as root, on 127.0.0.1 and a free port, stopped at the end), a fresh database per test, a test CA
with the server's HTTPS certificate, and the server itself (``python main.py server``) as a
child process that a test can kill and start again.

Without PostgreSQL the tests skip, unless INSPECTOR_REQUIRE_POSTGRES=1 (set by .ci/run): then
they fail, so CI cannot pass without them."""

from __future__ import annotations

import glob
import ipaddress
import json
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

if TYPE_CHECKING:
    from tests.helpers.cli import Cli

ROOT = Path(__file__).resolve().parents[2]  # tests/helpers/central.py

REQUIRE = "INSPECTOR_REQUIRE_POSTGRES"


def _pg_bin() -> Path | None:
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True):
        return Path(candidate).parent
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for_port(port: int, process: subprocess.Popen[bytes] | None, seconds: float = 30) -> None:
    """Until something accepts connections on 127.0.0.1:port (a child starting up)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)  # polling a socket: no signal to wait on from another process
    raise RuntimeError(f"nothing listens on port {port}")


@dataclass
class Cluster:
    bin: Path
    port: int
    user: str

    def url(self, database: str) -> str:
        return f"postgresql://{self.user}@127.0.0.1:{self.port}/{database}"

    def create_database(self) -> str:
        name = "central_" + uuid.uuid4().hex[:12]
        subprocess.run(
            [
                str(self.bin / "createdb"),
                "-h",
                "127.0.0.1",
                "-p",
                str(self.port),
                "-U",
                self.user,
                name,
            ],
            check=True,
            capture_output=True,
        )
        return self.url(name)

    def psql(self, url: str, sql: str) -> str:
        return subprocess.run(
            [str(self.bin / "psql"), url, "-At", "-c", sql],
            check=True,
            capture_output=True,
            text=True,
        ).stdout


def start_cluster() -> tuple[Cluster, Callable[[], None]] | None:
    """A throwaway cluster on 127.0.0.1 and a free port, and the function that stops and
    removes it; None without PostgreSQL."""
    pg = _pg_bin()
    if pg is None:
        return None
    # Outside pytest's own folders (readable by their owner only): the cluster's user reaches it.
    folder = Path(tempfile.mkdtemp(prefix="inspector-pg-"))
    run_as: list[str] = []
    if os.geteuid() == 0:  # initdb refuses root: run the cluster as an unprivileged user
        for user in ("postgres", "nobody"):
            try:
                entry = pwd.getpwnam(user)
            except KeyError:
                continue
            os.chown(folder, entry.pw_uid, entry.pw_gid)
            run_as = ["runuser", "-u", user, "--"]
            break
    data = folder / "data"
    port = free_port()
    subprocess.run(
        [
            *run_as,
            str(pg / "initdb"),
            "-D",
            str(data),
            "-U",
            "inspector",
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        ],
        check=True,
        capture_output=True,
    )
    options = f"-h 127.0.0.1 -p {port} -k {folder} -c fsync=off -c max_connections=300"
    subprocess.run(
        [
            *run_as,
            str(pg / "pg_ctl"),
            "-D",
            str(data),
            "-l",
            str(folder / "log"),
            "-o",
            options,
            "-w",
            "start",
        ],
        check=True,
        capture_output=True,
    )

    def stop() -> None:
        subprocess.run(
            [*run_as, str(pg / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            check=False,
            capture_output=True,
        )
        shutil.rmtree(folder, ignore_errors=True)

    return Cluster(pg, port, "inspector"), stop


@dataclass
class TLS:
    ca: Path
    cert: Path
    key: Path


def make_tls(folder: Path) -> TLS:
    """A test CA (the bureau's) and the server's certificate for 127.0.0.1 signed by it."""
    now = datetime.now(UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "济南市医疗保障局测试 CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False),
            critical=True,
        )
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=30))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.ExtendedKeyUsage([x509.OID_SERVER_AUTH]), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    paths = TLS(folder / "ca.pem", folder / "server.pem", folder / "server-key.pem")
    paths.ca.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths.cert.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    paths.key.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return paths


class Server:
    """``python main.py server`` over a fresh database, on 127.0.0.1 and a free port."""

    def __init__(self, cluster: Cluster, tls: TLS, store: Path, db: str | None = None) -> None:
        """``db``: another server's database (two servers on one database); a fresh one else."""
        self.cluster = cluster
        self.tls = tls
        self.db = db or cluster.create_database()
        self.store = store
        self.port = free_port()
        self.url = f"https://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None
        self.options: list[str] = []  # more of the server's options (its limits)
        self.env = {
            **os.environ,
            "INSPECTOR_CENTRAL_DB": self.db,
            "INSPECTOR_CENTRAL_STORE": str(store),
        }

    def command(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, str(ROOT / "main.py"), *args],
            capture_output=True,
            text=True,
            env=self.env,
            timeout=120,
            check=False,
        )

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                sys.executable,
                str(ROOT / "main.py"),
                "server",
                "--port",
                str(self.port),
                "--tls-cert",
                str(self.tls.cert),
                "--tls-key",
                str(self.tls.key),
                *self.options,
            ],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        wait_for_port(self.port, self.process)

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=30)
        if self.process is not None and self.process.stderr is not None:
            self.process.stderr.close()
        self.process = None

    def code(self, district: str = "历城区") -> str:
        done = self.command("server", "enroll", "--district", district, "--json")
        assert done.returncode == 0, done.stderr
        import json

        return str(json.loads(done.stdout)["code"])

    def office_user(self, name: str, password: str, district: str | None = None) -> None:
        """An office page user, added as the administrator does (server user add)."""
        secret = self.store.parent / f"{name}.password"
        secret.write_text(password + "\n", encoding="utf-8")
        where = ["--district", district] if district else []
        done = self.command("server", "user", "add", name, *where, "--password-file", str(secret))
        secret.unlink()
        assert done.returncode == 0, done.stderr

    def sql(self, query: str) -> str:
        return self.cluster.psql(self.db, query)


def sync_enroll(cli: Cli, server: Server) -> dict[str, Any]:
    """Enroll the laptop with the server (its one-time code, its CA)."""
    out, _ = cli("sync", "enroll", server.url, server.code(), "--ca", str(server.tls.ca), "--json")
    return json.loads(out)


def sync_push(cli: Cli, *extra: str, expect: int = 0) -> tuple[dict[str, Any], str]:
    """Push to the server; the JSON answer and the error output."""
    out, err = cli("sync", "push", "--json", *extra, expect=expect)
    return (json.loads(out) if out.strip() else {}), err
