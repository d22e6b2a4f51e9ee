# ruff: noqa: E501  (message ids are whole sentences, kept on one line each for lupdate)
"""The core's messages in the UI's language. A core error carries a message id (its Chinese
template) and the values to fill in (``inspector.errors.InspectorError``); here the id goes
through Qt's translations (context ``Core``), so the English UI shows English while the command
line stays Chinese. A message not listed here is shown as the core wrote it.

Every template the core raises in the modules users meet in the app (answers, evidence intake,
signing, verification, the trust list, the ledger after the visit) is listed: ``tests/test_core_messages.py`` checks it."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

# Literal QT_TRANSLATE_NOOP calls, so that lupdate finds every message id.
CORE_MESSAGES: frozenset[str] = frozenset(
    (
        QT_TRANSLATE_NOOP("Core", "检查人员应写成“姓名:执法证号”，而不是“{text}”"),
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
        QT_TRANSLATE_NOOP("Core", "{name}{where} 第 {row} 行的表头缺少必需的列：{wanted}"),
        QT_TRANSLATE_NOOP("Core", "{name} 不是有效的 Excel (.xlsx) 文件：{error}"),
        QT_TRANSLATE_NOOP("Core", "{name}{where} 的前 {rows} 行中找不到表头，需要这些列：{wanted}"),
        QT_TRANSLATE_NOOP(
            "Core", "{name} 是旧版 Excel (.xls) 文件，请在 Excel 中另存为 .xlsx 或 CSV 后再导入"
        ),
        QT_TRANSLATE_NOOP("Core", "{name}：只能导入 Excel (.xlsx) 或 CSV 文件"),
        QT_TRANSLATE_NOOP("Core", "{name} 是空文件"),
        QT_TRANSLATE_NOOP("Core", "{name} 中没有工作表"),
        QT_TRANSLATE_NOOP(
            "Core", "第 {row} 行的表头中“{first}”和“{second}”都表示{what}，请删去或改名其中一列"
        ),
        QT_TRANSLATE_NOOP(
            "Core",
            "无法识别 CSV 文件的编码（支持 UTF-8 和 GBK/GB18030），请在 Excel 中另存为“CSV UTF-8”或 .xlsx",
        ),
        QT_TRANSLATE_NOOP("Core", "{name} 不是有效的 CSV 文件：{error}"),
        QT_TRANSLATE_NOOP("Core", "无法读取 {name}：{error}"),
        QT_TRANSLATE_NOOP("Core", "核对期间的结束日期早于开始日期"),
        QT_TRANSLATE_NOOP("Core", "每种记录只能给一份文件"),
        QT_TRANSLATE_NOOP("Core", "进销存核对需要购进、销售（发药）和医保结算三份记录"),
        QT_TRANSLATE_NOOP("Core", "{name} 有 {n} 行无法读取，请修改后重新导入"),
        QT_TRANSLATE_NOOP("Core", "核对表未能存为证据：{error}"),
        QT_TRANSLATE_NOOP("Core", "{name} 超过 {limit} 行，不像是机构名单"),
        QT_TRANSLATE_NOOP("Core", "{name} 超过 {limit} 行，不像是进销存台账"),
        QT_TRANSLATE_NOOP("Core", "没有执法证号为 {cert_no} 的检查人员：请先登记到检查人员名录"),
        QT_TRANSLATE_NOOP("Core", "机构名单中没有“{text}”"),
        QT_TRANSLATE_NOOP("Core", "“{text}”对应多家机构，请用协议编号指定"),
        QT_TRANSLATE_NOOP("Core", "请给出风险等级（--risk）或信用等级（--credit）"),
        QT_TRANSLATE_NOOP("Core", "抽查 {draw_id} 的存储记录与其公开输入不符，不能导出"),
        QT_TRANSLATE_NOOP("Core", "{name}（{cert_no}）不在检查人员名录中"),
        QT_TRANSLATE_NOOP("Core", "{name} 与“{place}”的回避关系已登记"),
        QT_TRANSLATE_NOOP("Core", "未知的机构类型：{code}"),
        QT_TRANSLATE_NOOP("Core", "没有编号为 {draw_id} 的抽查"),
        QT_TRANSLATE_NOOP("Core", "编号 {draw_id} 对应多次抽查，请写完整的编号"),
        QT_TRANSLATE_NOOP("Core", "机构“{name}”的风险等级或信用等级不在权重表中"),
        QT_TRANSLATE_NOOP("Core", "机构“{name}”已不在名单中"),
        QT_TRANSLATE_NOOP("Core", "未知的抽取方法：{method}（可选：{choices}）"),
        QT_TRANSLATE_NOOP("Core", "至少抽取 1 家机构"),
        QT_TRANSLATE_NOOP("Core", "检查组至少 1 人"),
        QT_TRANSLATE_NOOP("Core", "没有符合条件的候选机构"),
        QT_TRANSLATE_NOOP("Core", "要抽取 {count} 家机构，但候选只有 {size} 家"),
        QT_TRANSLATE_NOOP("Core", "候选名单中有重复的机构"),
        QT_TRANSLATE_NOOP("Core", "检查人员名单中有重复的执法证号"),
        QT_TRANSLATE_NOOP(
            "Core",
            "第 {t} 家抽中的机构“{name}”（{district}）：回避后没有可任组长的检查人员，请补充检查人员名单",
        ),
        QT_TRANSLATE_NOOP(
            "Core",
            "第 {t} 家抽中的机构“{name}”（{district}）：回避后只有 {n} 名检查人员可派，不足 {size} 人",
        ),
        QT_TRANSLATE_NOOP("Core", "抽查的公开输入无法读取（{error}）"),
        QT_TRANSLATE_NOOP("Core", "请给出随机源（如彩票开奖号码），组与组之间用 / 分隔"),
        QT_TRANSLATE_NOOP("Core", "最多抽取 {limit} 次"),
        QT_TRANSLATE_NOOP("Core", "要抽取 {count} 个，但候选只有 {size} 个"),
        QT_TRANSLATE_NOOP("Core", "抽取权重必须是正整数"),
        QT_TRANSLATE_NOOP("Core", "随机源中有一组是空的"),
        QT_TRANSLATE_NOOP("Core", "随机源的数值不能为负数"),
        QT_TRANSLATE_NOOP(
            "Core",
            "随机源第 {n} 组中的“{word}”不是非负整数（每组写整数，组与组之间用 / 分隔，如 9319 / 2 5 12 8 10）",
        ),
        QT_TRANSLATE_NOOP("Core", "抽样比例“{text}”不是数字"),
        QT_TRANSLATE_NOOP("Core", "有 {n} 行被拒绝，未建立抽样清单"),
        QT_TRANSLATE_NOOP(
            "Core", "核实结果应为 ok（核实无误）、problem（发现问题）或 pending，而不是“{verdict}”"
        ),
        QT_TRANSLATE_NOOP("Core", "发现问题时请写明问题"),
        QT_TRANSLATE_NOOP("Core", "抽样比例应在 0 到 1 之间（如 0.1 表示 10%）"),
        QT_TRANSLATE_NOOP(
            "Core",
            "第三方复核的抽查比例不得低于 10%（《东西湖区打击欺诈骗取医保基金专项治理工作方案》）",
        ),
        QT_TRANSLATE_NOOP("Core", "金额阈值和人数不能为负数"),
        QT_TRANSLATE_NOOP("Core", "随机种子应为非负整数"),
        QT_TRANSLATE_NOOP("Core", "该检查的抽样清单中没有结算单号 {bill_no}"),
        QT_TRANSLATE_NOOP("Core", "结算单号 {bill_no} 在多份抽样清单中"),
        QT_TRANSLATE_NOOP("Core", "该检查中没有编号为 {evidence_id} 的证据"),
        QT_TRANSLATE_NOOP("Core", "检查人员姓名过长（最多 {limit} 个字）"),
        QT_TRANSLATE_NOOP("Core", "执法证号过长（最多 {limit} 个字）"),
        QT_TRANSLATE_NOOP("Core", "请填写检查人员所在区县"),
        QT_TRANSLATE_NOOP("Core", "检查人员所在区县过长（最多 {limit} 个字）"),
        QT_TRANSLATE_NOOP("Core", "找不到文件：{path}"),
        QT_TRANSLATE_NOOP("Core", "请给出金额阈值（元）"),
        # After the visit (inspector/ledger/): the ledger, case path, 回头看, order, report.
        QT_TRANSLATE_NOOP("Core", "台账状态“{value}”无效，可选：{allowed}"),
        QT_TRANSLATE_NOOP("Core", "台账编号至少需要 4 个字符"),
        QT_TRANSLATE_NOOP("Core", "台账中没有编号为 {text} 的问题"),
        QT_TRANSLATE_NOOP("Core", "编号 {text} 对应台账中的多个问题，请输入更长的编号"),
        QT_TRANSLATE_NOOP("Core", "该问题已整改销号，不能再修改"),
        QT_TRANSLATE_NOOP("Core", "该问题已由更正记录取代，请在更正后的台账记录上操作"),
        QT_TRANSLATE_NOOP("Core", "销号只能由已签名的回头看完成：请对该问题组织回头看"),
        QT_TRANSLATE_NOOP("Core", "移交请记录案件处理（移送公安或移送纪检监察）"),
        QT_TRANSLATE_NOOP("Core", "台账导出文件的扩展名应为 .xlsx"),
        QT_TRANSLATE_NOOP("Core", "该问题已移交，不能再改为待整改或整改中"),
        QT_TRANSLATE_NOOP("Core", "追回金额不能超过涉及金额"),
        QT_TRANSLATE_NOOP("Core", "处理方式“{value}”无效，可选：{allowed}"),
        QT_TRANSLATE_NOOP("Core", "请填写接收或处理单位"),
        QT_TRANSLATE_NOOP("Core", "请填写文书编号"),
        QT_TRANSLATE_NOOP("Core", "处理日期不能晚于今天"),
        QT_TRANSLATE_NOOP("Core", "陈述申辩日期不能晚于今天"),
        QT_TRANSLATE_NOOP("Core", "该问题已整改销号，不能再移交"),
        QT_TRANSLATE_NOOP("Core", "整改结论“{value}”无效，可选：{allowed}"),
        QT_TRANSLATE_NOOP("Core", "请指定要回头看的问题（台账编号）或原检查"),
        QT_TRANSLATE_NOOP("Core", "一次回头看只能针对同一家机构的问题"),
        QT_TRANSLATE_NOOP("Core", "问题 {entry} 已在尚未签名的回头看 {inspection} 中"),
        QT_TRANSLATE_NOOP("Core", "条目 {item_code} 不是本次回头看的原问题"),
        QT_TRANSLATE_NOOP("Core", "该检查在台账中没有待整改或整改中的问题"),
        QT_TRANSLATE_NOOP(
            "Core", "问题 {entry} 的状态为“{status}”，只有待整改或整改中的问题可以回头看"
        ),
        QT_TRANSLATE_NOOP("Core", "未整改或部分整改时请写明情况"),
        QT_TRANSLATE_NOOP("Core", "季度应写成 2026Q3 这样的形式，而不是“{text}”"),
        QT_TRANSLATE_NOOP("Core", "报告期的结束日期早于开始日期"),
        QT_TRANSLATE_NOOP("Core", "报告文件的扩展名应为 .xlsx 或 .pdf"),
        QT_TRANSLATE_NOOP("Core", "整改通知书编号至少需要 4 个字符"),
        QT_TRANSLATE_NOOP("Core", "没有编号为 {text} 的整改通知书"),
        QT_TRANSLATE_NOOP("Core", "编号 {text} 对应多份整改通知书，请输入更长的编号"),
        QT_TRANSLATE_NOOP("Core", "只有已签名的检查才能下达整改通知书"),
        QT_TRANSLATE_NOOP("Core", "整改期限所指的问题 {text} 不在本检查的未整改问题中"),
        QT_TRANSLATE_NOOP("Core", "请为问题 {entry} 指定整改期限"),
        QT_TRANSLATE_NOOP("Core", "整改期限应晚于下达日期（{day}）"),
        QT_TRANSLATE_NOOP("Core", "该整改通知书已签名"),
        QT_TRANSLATE_NOOP("Core", "整改通知书由检查组长签名：该密钥的执法证号不是组长的"),
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
