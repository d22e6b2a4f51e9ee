# ruff: noqa: E501  (message ids are whole sentences, kept on one line each for lupdate)
"""The core's messages in the UI's language. A core error carries a message id (its Chinese
template) and the values to fill in (``inspector.errors.InspectorError``); here the id goes
through Qt's translations (context ``Core``), so the English UI shows English while the command
line stays Chinese. A message not listed here is shown as the core wrote it.

Every template the core raises in the modules users meet in the app (answers, evidence intake,
signing, verification, the trust list) is listed: ``tests/test_core_messages.py`` checks it."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

# Literal QT_TRANSLATE_NOOP calls, so that lupdate finds every message id.
CORE_MESSAGES: frozenset[str] = frozenset(
    (
        QT_TRANSLATE_NOOP("Core", "检查人员应写成“姓名:执法证号”，而不是“{text}”"),
        # Encryption at rest (inspector/crypto/, the stores, the workspace).
        QT_TRANSLATE_NOOP("Core", "口令至少 {count} 个字符"),
        QT_TRANSLATE_NOOP("Core", "恢复公钥必须是至少 2048 位的 RSA 公钥"),
        QT_TRANSLATE_NOOP("Core", "本机没有可用的系统钥匙串"),
        QT_TRANSLATE_NOOP("Core", "密钥不符"),
        QT_TRANSLATE_NOOP(
            "Core", "执法证号 {holder} 在本数据目录没有口令；请由已登记的检查人员添加。"
        ),
        QT_TRANSLATE_NOOP("Core", "执法证号 {holder} 未在系统钥匙串中保存本数据目录的密钥"),
        QT_TRANSLATE_NOOP("Core", "系统钥匙串中没有本数据目录的密钥（可能已被删除），请输入口令。"),
        QT_TRANSLATE_NOOP("Core", "恢复私钥必须是 RSA 私钥"),
        QT_TRANSLATE_NOOP("Core", "本数据目录未用该恢复密钥登记（指纹 {fingerprint}）"),
        QT_TRANSLATE_NOOP("Core", "执法证号 {holder} 在本数据目录没有口令"),
        QT_TRANSLATE_NOOP("Core", "不能删除唯一的口令：否则无人能打开本数据目录"),
        QT_TRANSLATE_NOOP("Core", "无法读取恢复公钥：需要 PEM 格式的 RSA 公钥或证书"),
        QT_TRANSLATE_NOOP("Core", "本机没有可用的系统钥匙串（未安装 keyring）"),
        QT_TRANSLATE_NOOP("Core", "无法读取系统钥匙串：{error}"),
        QT_TRANSLATE_NOOP("Core", "无法写入系统钥匙串：{error}"),
        QT_TRANSLATE_NOOP("Core", "数据目录没有密钥文件 {path}"),
        QT_TRANSLATE_NOOP("Core", "口令不正确，数据目录未打开。"),
        QT_TRANSLATE_NOOP("Core", "系统钥匙串中的密钥与本数据目录不符，请输入口令。"),
        QT_TRANSLATE_NOOP("Core", "无法读取恢复私钥（格式不对或口令不正确）"),
        QT_TRANSLATE_NOOP(
            "Core", "本数据目录有多名检查人员的口令（{holders}）：请用 --as 执法证号 说明是谁"
        ),
        QT_TRANSLATE_NOOP("Core", "数据目录已经加密：{root}"),
        QT_TRANSLATE_NOOP("Core", "数据目录中已有数据：请用 home encrypt 加密它"),
        QT_TRANSLATE_NOOP("Core", "数据目录中没有数据库：{root}"),
        QT_TRANSLATE_NOOP("Core", "加密副本的数据与原数据不一致，已放弃加密；原数据目录未改动。"),
        QT_TRANSLATE_NOOP("Core", "加密副本的证据文件校验失败，已放弃加密；原数据目录未改动。"),
        QT_TRANSLATE_NOOP("Core", "加密副本的记录文件校验失败，已放弃加密；原数据目录未改动。"),
        QT_TRANSLATE_NOOP("Core", "文件不是本数据目录的加密文件，或已损坏"),
        QT_TRANSLATE_NOOP("Core", "加密文件被截断或已损坏"),
        QT_TRANSLATE_NOOP("Core", "文件已损坏，或不属于本数据目录（密钥不符）"),
        QT_TRANSLATE_NOOP("Core", "加密文件已损坏（校验失败）"),
        QT_TRANSLATE_NOOP("Core", "数据目录已锁定：请先解锁"),
        QT_TRANSLATE_NOOP("Core", "记录文件不在数据目录的 records 中：{name}"),
        QT_TRANSLATE_NOOP("Core", "加密的数据目录中记录文件只能经由 RecordStore.write 写入"),
        QT_TRANSLATE_NOOP("Core", "记录文件已被改动，未另存：{name}"),
        QT_TRANSLATE_NOOP("Core", "记录文件缺失：{name}"),
        QT_TRANSLATE_NOOP("Core", "无法读取记录文件 {name}：{error}"),
        QT_TRANSLATE_NOOP(
            "Core", "数据库已加密，但密钥文件 {path} 缺失；请从备份恢复该文件。数据未被改动。"
        ),
        QT_TRANSLATE_NOOP("Core", "数据目录未加密，不能锁定"),
        QT_TRANSLATE_NOOP("Core", "数据目录已加密：请先登录（执法证号和口令）"),
        QT_TRANSLATE_NOOP("Core", "数据目录未加密：可用 home encrypt 加密"),
        QT_TRANSLATE_NOOP(
            "Core",
            "密钥文件 {path} 已损坏，无法打开数据目录；请用局里的恢复密钥或备份恢复。数据未被改动。",
        ),
        QT_TRANSLATE_NOOP("Core", "金额“{text}”不是数字"),
        QT_TRANSLATE_NOOP("Core", "金额不能为负数"),
        QT_TRANSLATE_NOOP("Core", "金额最多保留两位小数（分）"),
        QT_TRANSLATE_NOOP("Core", "金额过大"),
        QT_TRANSLATE_NOOP("Core", "检查编号至少需要 4 个字符"),
        QT_TRANSLATE_NOOP("Core", "没有编号为 {text} 的检查"),
        QT_TRANSLATE_NOOP("Core", "编号 {text} 对应多项检查，请输入更长的编号"),
        QT_TRANSLATE_NOOP("Core", "请填写被检查机构的名称"),
        QT_TRANSLATE_NOOP("Core", "请填写被检查机构所在的区县"),
        QT_TRANSLATE_NOOP("Core", "检查组至少需要一名检查人员（--inspector 姓名:执法证号）"),
        QT_TRANSLATE_NOOP("Core", "同一执法证号在检查组中出现了两次"),
        QT_TRANSLATE_NOOP("Core", "组长的执法证号 {leader_cert} 不在检查组中"),
        QT_TRANSLATE_NOOP("Core", "执法证号 {cert_no} 已登记为“{name}”，与“{name2}”不符"),
        QT_TRANSLATE_NOOP(
            "Core", "机构“{name}”（{district}）已登记为“{value}”，与本次填写的类型不符"
        ),
        QT_TRANSLATE_NOOP("Core", "本次检查的清单中没有条目 {item_code}"),
        QT_TRANSLATE_NOOP("Core", "请填写执法证号"),
        QT_TRANSLATE_NOOP("Core", "证据文件缺失：{sha256}"),
        QT_TRANSLATE_NOOP("Core", "无法读取证据文件 {sha256}：{error}"),
        QT_TRANSLATE_NOOP("Core", "请填写检查人员姓名"),
        QT_TRANSLATE_NOOP("Core", "本机没有执法证号为 {cert_no} 的检查人员：请同时填写姓名"),
        QT_TRANSLATE_NOOP("Core", "条目 {item_code} 可记录的违规类别为：{names}"),
        QT_TRANSLATE_NOOP("Core", "只能重新打开待签字的检查（当前状态：{value}）"),
        QT_TRANSLATE_NOOP("Core", "结果“{result}”无效，可选：{allowed}"),
        QT_TRANSLATE_NOOP("Core", "执法证号 {cert_no} 不是本检查组的成员"),
        QT_TRANSLATE_NOOP("Core", "文件为空（0 字节）"),
        QT_TRANSLATE_NOOP("Core", "无法锁定临时文件夹"),
        QT_TRANSLATE_NOOP("Core", "不是文件"),
        QT_TRANSLATE_NOOP("Core", "无法读取文件：{value}"),
        QT_TRANSLATE_NOOP("Core", "HEIC/HEIF 照片需要 pillow-heif 组件，本机未安装"),
        QT_TRANSLATE_NOOP("Core", "图片像素数过大（疑似解压炸弹），已拒绝"),
        QT_TRANSLATE_NOOP("Core", "不是可识别的图片、PDF 或视频文件"),
        QT_TRANSLATE_NOOP("Core", "图片已损坏或不完整：{error}"),
        QT_TRANSLATE_NOOP("Core", "不支持的图片格式：{format}"),
        QT_TRANSLATE_NOOP("Core", "请先完成现场检查（结束检查后才能签名记录）"),
        QT_TRANSLATE_NOOP("Core", "还没有生成检查记录：请先生成记录，核对后再签名"),
        QT_TRANSLATE_NOOP("Core", "记录生成后数据有变更：请重新生成记录，核对后再签名"),
        QT_TRANSLATE_NOOP(
            "Core", "该密钥证书上的执法证号（{value}）不属于本检查组，不能签名本记录"
        ),
        QT_TRANSLATE_NOOP("Core", "{name} 已经签过本记录"),
        QT_TRANSLATE_NOOP("Core", "组长最后签名：还需 {others} 先签名"),
        QT_TRANSLATE_NOOP("Core", "记录中没有该检查人员的签名位置：请重新生成记录"),
        QT_TRANSLATE_NOOP("Core", "请先完成手写签名：{missing}"),
        QT_TRANSLATE_NOOP(
            "Core", "该检查的记录已数字签名并锁定，不能再修改；如需更正请新建更正记录。"
        ),
        QT_TRANSLATE_NOOP("Core", "签名为空"),
        QT_TRANSLATE_NOOP("Core", "签名角色应为：{value}"),
        QT_TRANSLATE_NOOP("Core", "请填写签名人姓名"),
        QT_TRANSLATE_NOOP("Core", "请填写拒签的理由（或“未说明理由”）"),
        QT_TRANSLATE_NOOP("Core", "拒签时须有见证人签名：请填写见证人姓名"),
        QT_TRANSLATE_NOOP("Core", "请填写被询问人姓名"),
        QT_TRANSLATE_NOOP("Core", "没有编号为 {interview_id} 的询问笔录"),
        QT_TRANSLATE_NOOP("Core", "问题不能为空"),
        QT_TRANSLATE_NOOP("Core", "签名笔迹格式不正确"),
        QT_TRANSLATE_NOOP("Core", "该询问笔录已数字签名，不能再修改"),
        QT_TRANSLATE_NOOP("Core", "只有已签名锁定的检查需要更正记录；未签名的检查可以直接修改。"),
        QT_TRANSLATE_NOOP(
            "Core", "不支持的密钥类型 {type_name}：只支持 RSA（至少 2048 位）或 EC P-256"
        ),
        QT_TRANSLATE_NOOP("Core", "证书尚未生效：生效时间 {local}"),
        QT_TRANSLATE_NOOP("Core", "证书已过期：到期时间 {local}"),
        QT_TRANSLATE_NOOP("Core", "证书的主题中没有姓名（CN）"),
        QT_TRANSLATE_NOOP("Core", "口令太短：至少 {MIN_PASSPHRASE} 个字符"),
        QT_TRANSLATE_NOOP("Core", "口令不正确，无法打开 PKCS#12 文件"),
        QT_TRANSLATE_NOOP("Core", "PKCS#12 文件中没有私钥"),
        QT_TRANSLATE_NOOP("Core", "PKCS#12 文件中没有证书"),
        QT_TRANSLATE_NOOP("Core", "不支持的密钥类型"),
        QT_TRANSLATE_NOOP("Core", "PKCS#12 文件中的证书与私钥不匹配"),
        QT_TRANSLATE_NOOP("Core", "密钥 {key_id} 还没有证书"),
        QT_TRANSLATE_NOOP("Core", "证书上的执法证号是 {carried}，与指定的执法证号 {given} 不符"),
        QT_TRANSLATE_NOOP(
            "Core",
            "证书中没有执法证号（主题中没有 serialNumber）：导入时请指定持有人的执法证号（key import --cert-no），签名和验证都按它核对检查组成员",
        ),
        QT_TRANSLATE_NOOP("Core", "请填写姓名"),
        QT_TRANSLATE_NOOP("Core", "请填写执法证号"),
        QT_TRANSLATE_NOOP("Core", "证据文件缺失：{sha256}"),
        QT_TRANSLATE_NOOP("Core", "无法读取证据文件 {sha256}：{error}"),
        QT_TRANSLATE_NOOP("Core", "请填写单位（医保局名称）"),
        QT_TRANSLATE_NOOP("Core", "RSA 密钥只有 {key_size} 位，至少需要 2048 位"),
        QT_TRANSLATE_NOOP("Core", "不支持的椭圆曲线 {name}：只支持 EC P-256（secp256r1）"),
        QT_TRANSLATE_NOOP("Core", "不是证书文件（需要 PEM 或 DER 格式的 X.509 证书）"),
        QT_TRANSLATE_NOOP("Core", "不是 PKCS#12 文件（.p12 / .pfx），或文件已损坏"),
        QT_TRANSLATE_NOOP("Core", "这个密钥已经在本机：{value}，编号 {key_id}"),
        QT_TRANSLATE_NOOP("Core", "没有编号为 {key_id} 的密钥"),
        QT_TRANSLATE_NOOP("Core", "编号 {key_id} 对应多个密钥，请多写几位"),
        QT_TRANSLATE_NOOP("Core", "密钥 {key_id} 没有证书请求（不是在本机生成的密钥）"),
        QT_TRANSLATE_NOOP("Core", "文件是空的：{path}"),
        QT_TRANSLATE_NOOP("Core", "密钥 {key_id} 不是在本机生成的，证书已在其 PKCS#12 文件中"),
        QT_TRANSLATE_NOOP("Core", "密钥 {key_id} 已有证书"),
        QT_TRANSLATE_NOOP(
            "Core", "证书与密钥 {key_id} 不匹配：证书中的公钥不是这个密钥的（证书主题：{subject}）"
        ),
        QT_TRANSLATE_NOOP("Core", "有效天数至少为 1"),
        QT_TRANSLATE_NOOP(
            "Core",
            "证书上的执法证号 {carried} 与生成密钥时的执法证号 {given} 不符：请医保局核对后重新签发",
        ),
        QT_TRANSLATE_NOOP("Core", "{label}太长（最多 {limit} 个字符）"),
        QT_TRANSLATE_NOOP("Core", "无法读取文件 {path}：{value}"),
        QT_TRANSLATE_NOOP("Core", "新生成的 RSA 密钥至少 3072 位"),
        QT_TRANSLATE_NOOP("Core", "密钥 {key_id}：{value}"),
        QT_TRANSLATE_NOOP("Core", "口令不正确，无法打开密钥 {key_id}"),
        QT_TRANSLATE_NOOP("Core", "文档中没有名为“{name}”的签名域，请给出签名的位置"),
        QT_TRANSLATE_NOOP("Core", "签名域“{name}”已经签过名"),
        QT_TRANSLATE_NOOP("Core", "签名域“{name}”没有位置（不可见的签名域），无法显示签名"),
        QT_TRANSLATE_NOOP("Core", "请给出签名域的名称"),
        QT_TRANSLATE_NOOP("Core", "不是 PDF 文件：{src}"),
        QT_TRANSLATE_NOOP("Core", "不能签署加密的 PDF"),
        QT_TRANSLATE_NOOP("Core", "认证签名必须是文档的第一个签名"),
        QT_TRANSLATE_NOOP("Core", "文档已有认证签名：后续签名只能签在认证之前已有的空签名域上"),
        QT_TRANSLATE_NOOP("Core", "内部错误：签名后原文件内容不再是新文件的开头"),
        QT_TRANSLATE_NOOP("Core", "文档中的“{name}”不是签名域"),
        QT_TRANSLATE_NOOP("Core", "无法读取 {src}：{value}"),
        QT_TRANSLATE_NOOP("Core", "无法读取 PDF（文件可能不完整）：{src}：{error}"),
        QT_TRANSLATE_NOOP("Core", "页码超出范围：文档共 {pages} 页"),
        QT_TRANSLATE_NOOP("Core", "签名框太小：至少 {MIN_BOX:.0f} × {MIN_BOX:.0f} 点"),
        QT_TRANSLATE_NOOP("Core", "文档中已有名为“{field_name}”的签名域"),
        QT_TRANSLATE_NOOP("Core", "签名失败：{error}"),
        QT_TRANSLATE_NOOP("Core", "无法写入 {path}：{value}"),
        QT_TRANSLATE_NOOP("Core", "试用（自签名）证书不能加入信任列表：它不能证明签名者的身份"),
        QT_TRANSLATE_NOOP(
            "Core",
            "{subject} 不是 CA 证书（没有 cA 基本约束）：信任列表只收医保局 CA 的证书，不收签名者本人的证书",
        ),
        QT_TRANSLATE_NOOP("Core", "证书文件是空的：{path}"),
        QT_TRANSLATE_NOOP("Core", "请给出证书指纹（SHA-256）的至少前 6 位"),
        QT_TRANSLATE_NOOP("Core", "无法读取证书文件 {path}：{value}"),
        QT_TRANSLATE_NOOP("Core", "{name}：{error}"),
        QT_TRANSLATE_NOOP("Core", "这些证书已经在信任列表中"),
        QT_TRANSLATE_NOOP("Core", "信任列表中没有指纹为 {prefix} 的证书"),
        QT_TRANSLATE_NOOP("Core", "指纹 {prefix} 对应多个证书，请多写几位"),
    )
)


def core_message(error: BaseException) -> str:
    """The error's message in the UI's language."""
    template = getattr(error, "template", None)
    values = getattr(error, "values", None) or {}
    if not isinstance(template, str) or template not in CORE_MESSAGES:
        return str(error)
    text = QCoreApplication.translate("Core", template)
    # A value that is itself a core error (the cause named in a message) is translated too.
    shown = {k: core_message(v) if isinstance(v, BaseException) else v for k, v in values.items()}
    try:
        return text.format(**shown) if values else text
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder
        return str(error)
