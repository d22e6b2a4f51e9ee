"""A planned inspection and the hand-signature data the record's tests share."""

from __future__ import annotations

from inspector.inspections import TeamMember, create_inspection
from inspector.workspace import Workspace

TEAM = [TeamMember("张伟", "370100001"), TeamMember("李娜", "370100002")]
ZIGZAG = [[[0, 0], [30, 40], [60, 0], [90, 40]], [[10, 60], [80, 60]]]
# A 拒签 witness as the record must name them: 身份证号 (a valid one) and relation to the party.
WITNESS = {"witness_id_no": "11010519491231002X", "witness_relation": "无关系"}


def plan(ws: Workspace) -> str:
    """A surprise visit to a community health centre by a team of two, 李娜 leading."""
    return create_inspection(
        ws,
        institution="某社区卫生服务中心",
        type_code="primary_care",
        mode="surprise",
        district="历城区",
        team=TEAM,
        leader="370100002",
    )
