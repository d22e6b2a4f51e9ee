"""Rules of an interview record (询问笔录) that need no database: the 身份证号 check digit, who
may be 询问人, and the rights an interviewee is told. Written as small functions so that the
main record's rules (the ≥2 执法人员 of a visit, a person party's 身份证号) can use them too."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from inspector.errors import InvalidInput

# GB 11643-1999 公民身份号码: 17 digits, then a check character over them (ISO 7064 MOD 11-2).
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def check_id_number(text: str) -> str:
    """A 公民身份号码 as typed, checked (18 characters, a real birth date, the GB 11643 check
    character) and returned upper-case; a wrong one is refused, never stored."""
    number = text.strip().upper()
    if len(number) != 18 or not number[:17].isdigit() or number[17] not in "0123456789X":
        raise InvalidInput("身份证号“{text}”应为 18 位（最后一位可为 X）", text=text.strip())
    try:
        date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError as error:
        raise InvalidInput(
            "身份证号“{text}”中的出生日期不存在，请核对证件", text=text.strip()
        ) from error
    total = sum(int(digit) * weight for digit, weight in zip(number[:17], _ID_WEIGHTS, strict=True))
    if _ID_CHECK[total % 11] != number[17]:
        raise InvalidInput("身份证号“{text}”的校验位不对，请核对证件", text=text.strip())
    return number


def enforcement_pair_problems(
    chosen: Sequence[tuple[str, str]], recused: Mapping[str, str]
) -> list[str]:
    """What keeps ``chosen`` (name, 执法证号) from acting as the 执法人员 of an interview or a
    check, in words (empty: nothing). 行政处罚法 第四十二条 (执法人员不得少于两人) and
    第五十五条 (出示执法证件, 询问制作笔录); 医疗保障行政处罚程序暂行规定 (调查、检查时执法人员
    不少于两人) and its 第五条 (回避): at least two 执法人员 with distinct 执法证号, none of them
    recused."""
    problems = [
        f"{name}（执法证号 {cert}）已回避，不能担任询问人"
        for name, cert in chosen
        if cert in recused
    ]
    eligible = {cert for _name, cert in chosen if cert and cert not in recused}
    if len(eligible) < 2:
        problems.append(
            f"询问人须至少两名执法人员（执法证号不同、未回避），现有 {len(eligible)} 名"
        )
    return problems


# The rights and duties an interviewee is told before the questions, by code (stored) and in
# the record's words (printed only when captured, with when).
RIGHTS = {
    "recusal": "申请执法人员回避的权利",
    "truthful": "如实回答询问、协助调查的义务",
    "read_correct": "核对笔录、补充或更正的权利",
}
# Short names a reply can be given for (``--reply 回避=不申请回避``), besides the codes.
RIGHT_NAMES = {"recusal": "回避", "truthful": "如实回答", "read_correct": "核对更正"}


def right_code(name: str) -> str:
    """The code of a right named by its code or its short name (回避, 如实回答, 核对更正)."""
    wanted = name.strip()
    for code, short in RIGHT_NAMES.items():
        if wanted in (code, short):
            return code
    raise InvalidInput(
        "没有“{name}”这项告知：应为 {value}", name=wanted, value="、".join(RIGHT_NAMES.values())
    )


def telling_problems(
    interviewers: Sequence[tuple[str, str]],
    credentials_shown: Sequence[tuple[str, str, object]],
    rights_told: Sequence[tuple[str, object, str | None]],
) -> list[str]:
    """What the interviewee has not been shown or told, in words (empty: nothing): each 询问人's
    行政执法证件 (行政处罚法 第五十五条: 执法人员应当主动出示执法证件), and every right and duty
    of RIGHTS (第五十五条 and 医疗保障行政处罚程序暂行规定: 回避, 如实回答、协助调查, 核对、更正
    笔录), the interviewee's answer to the 回避 notice included (申请 or 不申请 is the point)."""
    shown = {cert for _name, cert, _at in credentials_shown}
    problems = [
        f"询问人{name}（执法证号 {cert}）出示执法证件"
        for name, cert in interviewers
        if cert not in shown
    ]
    told = {code: reply for code, _at, reply in rights_told}
    problems += [f"告知{text}" for code, text in RIGHTS.items() if code not in told]
    if "recusal" in told and not (told["recusal"] or "").strip():
        problems.append("被询问人对回避告知的答复（如 不申请回避）")
    return problems
