"""The office's signing key on the server (inspector/central/office_signer.py): what it signs a
laptop's trust list accepts; an expired certificate, a wrong passphrase and a missing key are
refused with their reason."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from inspector.bundle.signature import verify_manifest
from inspector.central.office_signer import NoOfficeKey, OfficeSigner, require
from inspector.errors import InspectorError
from tests.helpers.signing_pki import PASS, make_ca, make_p12


def test_what_the_office_signs_verifies_against_the_bureaus_ca() -> None:
    ca = make_ca()
    signer = OfficeSigner.from_p12(make_p12(ca, "济南市医疗保障局", "BUREAU-1"), PASS)
    body = b'{"campaigns": []}'
    check = verify_manifest(body, signer.sign(body), [ca.cert])
    assert check.trusted and signer.name == "济南市医疗保障局"
    # a stranger's CA does not vouch for it
    assert not verify_manifest(body, signer.sign(body), [make_ca().cert]).trusted


def test_an_expired_key_a_wrong_passphrase_and_no_key_are_refused() -> None:
    ca = make_ca()
    old = make_p12(ca, "局", "B-1", start=datetime.now(UTC) - timedelta(days=400), days=365)
    with pytest.raises(InspectorError, match="不在有效期内"):
        OfficeSigner.from_p12(old, PASS)
    with pytest.raises(InspectorError, match="口令不正确"):
        OfficeSigner.from_p12(make_p12(ca, "局", "B-1"), "wrong")
    with pytest.raises(NoOfficeKey, match="未配置本局签名密钥"):
        require(None)
