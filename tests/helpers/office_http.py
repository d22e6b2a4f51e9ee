"""The office pages over HTTPS as a browser uses them, without a browser: signing in (the
sign-in form's CSRF cookie first), the session cookie on every request, and the session's
CSRF token taken from a page's form for the forms that post."""

from __future__ import annotations

import http.client
import re
import ssl
from dataclasses import dataclass
from urllib.parse import urlencode

from tests.helpers.central import Server

WAIT = 120  # seconds: a report is built while the request waits


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


class OfficeClient:
    def __init__(self, server: Server) -> None:
        self.server = server
        self.cookie = ""
        self.csrf = ""

    def request(
        self, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None
    ) -> Answer:
        context = ssl.create_default_context(cafile=str(self.server.tls.ca))
        connection = http.client.HTTPSConnection(
            "127.0.0.1", self.server.port, context=context, timeout=WAIT
        )
        sent = dict(headers or {})
        if self.cookie and "Cookie" not in sent:
            sent["Cookie"] = self.cookie
        try:
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            return Answer(
                response.status,
                {k.lower(): v for k, v in response.getheaders()},
                response.read(),
            )
        finally:
            connection.close()

    def sign_in(self, name: str, password: str) -> None:
        form = self.request("GET", "/office/login")
        token = re.search(r"inspector_login=([^;]+)", form.headers["set-cookie"])
        assert token is not None
        fields = {"name": name, "password": password, "csrf": token.group(1), "next": "/office"}
        answer = self.request(
            "POST",
            "/office/login",
            urlencode(fields).encode(),
            {
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": f"inspector_login={token.group(1)}",
            },
        )
        assert answer.status == 303, answer.text
        session = re.search(r"inspector_office=([^;]+)", answer.headers["set-cookie"])
        assert session is not None
        self.cookie = f"inspector_office={session.group(1)}"
        page = self.get("/office")
        found = re.search(r'name="csrf" value="([^"]+)"', page.text)
        assert found is not None
        self.csrf = found.group(1)

    def get(self, path: str) -> Answer:
        return self.request("GET", path)

    def post(self, path: str, fields: dict[str, str], csrf: str | None = None) -> Answer:
        body = urlencode({**fields, "csrf": self.csrf if csrf is None else csrf}).encode()
        return self.request(
            "POST", path, body, {"Content-Type": "application/x-www-form-urlencoded"}
        )
