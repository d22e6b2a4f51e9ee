# ruff: noqa: E501  (message ids are whole sentences, kept on one line each for lupdate)
"""The core's messages in the UI's language. A core error carries a message id (its Chinese
template) and the values to fill in (``inspector.errors.InspectorError``); here the id goes
through Qt's translations (context ``Core``), so the English UI shows English while the command
line stays Chinese. A message not listed here is shown as the core wrote it.

Every template the core raises in the modules users meet in the app (answers, evidence intake,
signing, verification, the trust list, the ledger after the visit) is listed: ``tests/ui/test_core_messages.py`` checks it."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from inspector.errors import Term

# Literal QT_TRANSLATE_NOOP calls, so that lupdate finds every message id.
CORE_MESSAGES: frozenset[str] = frozenset(
    (
        QT_TRANSLATE_NOOP("Core", "检查人员应写成“姓名:执法证号[:所属区县]”，而不是“{text}”"),
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
        QT_TRANSLATE_NOOP("Core", "请填写被检查机构的名称"),
        QT_TRANSLATE_NOOP("Core", "请填写被检查机构所在的区县"),
        QT_TRANSLATE_NOOP("Core", "检查组至少需要一名检查人员"),
        QT_TRANSLATE_NOOP("Core", "该检查的状态为“{status}”，不能再修改。"),
        QT_TRANSLATE_NOOP(
            "Core", "该检查的状态为“{status}”，不能再修改；如需修改，请先重新打开检查。"
        ),
        QT_TRANSLATE_NOOP("Core", "本次检查的清单中没有参考目录 {list_code}"),
        QT_TRANSLATE_NOOP("Core", "数量“{text}”不是数字"),
        QT_TRANSLATE_NOOP("Core", "条目 {item_code} 没有参考目录"),
        QT_TRANSLATE_NOOP("Core", "参考目录 {list_code} 中没有序号 {entry_no}"),
        QT_TRANSLATE_NOOP(
            "Core",
            "回避：{names} 所属区县与被检查机构所在区县（{district}）相同；"
            "交叉检查中如确需参加，须说明理由",
        ),
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
        QT_TRANSLATE_NOOP("Core", "文件内容与其 SHA-256 不符：应为 {expected}，实为 {actual}"),
        QT_TRANSLATE_NOOP("Core", "请填写检查人员姓名"),
        QT_TRANSLATE_NOOP("Core", "本机没有执法证号为 {cert_no} 的检查人员：请同时填写姓名"),
        QT_TRANSLATE_NOOP("Core", "条目 {item_code} 可记录的违规类别为：{names}"),
        QT_TRANSLATE_NOOP("Core", "只能重新打开待签字的检查（当前状态：{value}）"),
        QT_TRANSLATE_NOOP("Core", "结果“{result}”无效，可选：{allowed}"),
        QT_TRANSLATE_NOOP("Core", "执法证号 {cert_no} 不是本检查组的成员"),
        QT_TRANSLATE_NOOP("Core", "文件为空（0 字节）"),
        QT_TRANSLATE_NOOP("Core", "无法锁定临时文件夹"),
        QT_TRANSLATE_NOOP("Core", "无法锁定临时文件"),
        QT_TRANSLATE_NOOP("Core", "记录文件 {name} 已存在且内容不同，未覆盖"),
        QT_TRANSLATE_NOOP("Core", "记录文件 {name} 的内容与其 SHA-256 不符"),
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
        QT_TRANSLATE_NOOP("Core", "询问笔录中没有第 {number} 问"),
        QT_TRANSLATE_NOOP(
            "Core",
            "统一社会信用代码应为 18 位数字或大写字母（不含 I、O、Z、S、V），而不是“{text}”",
        ),
        QT_TRANSLATE_NOOP("Core", "统一社会信用代码“{text}”的校验位不对，请核对营业执照"),
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
        QT_TRANSLATE_NOOP("Core", "无法读取证书文件 {path}：{value}"),
        QT_TRANSLATE_NOOP("Core", "{name}：{error}"),
        QT_TRANSLATE_NOOP("Core", "这些证书已经在信任列表中"),
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
        QT_TRANSLATE_NOOP("Core", "检查人员姓名过长（最多 {limit} 个字）"),
        QT_TRANSLATE_NOOP("Core", "执法证号过长（最多 {limit} 个字）"),
        QT_TRANSLATE_NOOP("Core", "请填写检查人员所在区县"),
        QT_TRANSLATE_NOOP("Core", "检查人员所在区县过长（最多 {limit} 个字）"),
        QT_TRANSLATE_NOOP("Core", "找不到文件：{path}"),
        QT_TRANSLATE_NOOP("Core", "请给出金额阈值（元）"),
        # After the visit (inspector/ledger/): the ledger, case path, 回头看, order, report.
        QT_TRANSLATE_NOOP("Core", "台账状态“{value}”无效，可选：{allowed}"),
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
        QT_TRANSLATE_NOOP("Core", "只有已签名的检查才能下达整改通知书"),
        QT_TRANSLATE_NOOP("Core", "整改期限所指的问题 {text} 不在本检查的未整改问题中"),
        QT_TRANSLATE_NOOP("Core", "请为问题 {entry} 指定整改期限"),
        QT_TRANSLATE_NOOP("Core", "整改期限应晚于下达日期（{day}）"),
        QT_TRANSLATE_NOOP("Core", "该整改通知书已签名"),
        QT_TRANSLATE_NOOP("Core", "整改通知书由检查组长签名：该密钥的执法证号不是组长的"),
        # The central server, the laptop's side (inspector/central/client.py).
        QT_TRANSLATE_NOOP("Core", "服务器地址无效（应为 https://主机:端口）：{url}"),
        QT_TRANSLATE_NOOP("Core", "服务器的证书未通过验证（不是本局的服务器？）：{problem}"),
        QT_TRANSLATE_NOOP("Core", "无法连接服务器：{problem}"),
        QT_TRANSLATE_NOOP("Core", "服务器拒绝登记：{reason}"),
        QT_TRANSLATE_NOOP("Core", "本机尚未登记到服务器，请先执行 sync enroll 服务器地址 登记码"),
        QT_TRANSLATE_NOOP("Core", "服务器拒绝：{reason}"),
        QT_TRANSLATE_NOOP("Core", "服务器出错：{reason}"),
        QT_TRANSLATE_NOOP("Core", "签名者不在本机信任列表中（不是本局发布的）"),
        QT_TRANSLATE_NOOP("Core", "检查人员名录格式无效"),
        QT_TRANSLATE_NOOP("Core", "不认识的发布类型：{kind}"),
        # The central server's refusals, shown on the laptop (inspector/central/: service.py,
        # auth.py, store.py, app.py, office.py; the server sends each as its template and values).
        QT_TRANSLATE_NOOP("Core", "没有这份记录：{id}"),
        QT_TRANSLATE_NOOP("Core", "不认识的发布类型：{kind}（可选：{kinds}）"),
        QT_TRANSLATE_NOOP("Core", "服务器上没有这份发布：{kind} 第 {version} 版"),
        QT_TRANSLATE_NOOP("Core", "请给出设备所属的区县（--district）"),
        QT_TRANSLATE_NOOP("Core", "推送的不是 Inspector 交接包的清单"),
        QT_TRANSLATE_NOOP("Core", "同一编号的交接包已以不同的内容推送过"),
        QT_TRANSLATE_NOOP("Core", "没有这次推送：{bundle}"),
        QT_TRANSLATE_NOOP("Core", "交接包清单中没有这个文件：{name}"),
        QT_TRANSLATE_NOOP("Core", "批量上传的长度与说明不符"),
        QT_TRANSLATE_NOOP("Core", "批量上传的格式无效"),
        QT_TRANSLATE_NOOP("Core", "日期无效（应为 YYYY-MM-DD）：{value}"),
        QT_TRANSLATE_NOOP(
            "Core",
            "服务器上{what}第 {key} 条与推送的不同（两份记录分叉），已拒绝，服务器数据未改变",
        ),
        QT_TRANSLATE_NOOP(
            "Core",
            "检查 {inspection} 已签字锁定，推送中它的{what}与服务器上的不同：已拒绝，服务器数据未改变。如需更正，请制作更正记录后再推送",
        ),
        QT_TRANSLATE_NOOP(
            "Core", "推送中{what}第 {seq} 条接不上服务器上的记录，已拒绝，服务器数据未改变"
        ),
        QT_TRANSLATE_NOOP("Core", "发布文件的签名无效：{problem}"),
        QT_TRANSLATE_NOOP("Core", "登记请求中的证书无效"),
        QT_TRANSLATE_NOOP("Core", "登记码无效、已过期或已被使用，请向管理员索取新的登记码"),
        QT_TRANSLATE_NOOP("Core", "本设备未在服务器登记（请先 sync enroll）"),
        QT_TRANSLATE_NOOP("Core", "本设备已被管理员吊销，服务器拒绝其请求"),
        QT_TRANSLATE_NOOP("Core", "重复的请求（重放），已拒绝"),
        QT_TRANSLATE_NOOP("Core", "推送的清单不是有效的 JSON"),
        QT_TRANSLATE_NOOP("Core", "推送的清单签名无效：{problem}"),
        QT_TRANSLATE_NOOP(
            "Core",
            "交接包的签名者不是本设备登记过的检查人员（{who}），服务器拒绝接收；请在本机重新登记（sync enroll）以加入新的签名密钥",
        ),
        QT_TRANSLATE_NOOP("Core", "服务器没有本次增量推送所依据的数据，请推送全部数据"),
        QT_TRANSLATE_NOOP("Core", "交接包校验未通过：{problem}"),
        QT_TRANSLATE_NOOP("Core", "服务器尚未收到文件 {name}，请继续推送"),
        QT_TRANSLATE_NOOP("Core", "服务器繁忙，请稍后重试推送"),
        QT_TRANSLATE_NOOP("Core", "请求的时间与服务器相差超过 {window} 秒（请校准本机时间）"),
        QT_TRANSLATE_NOOP("Core", "请求缺少随机数"),
        QT_TRANSLATE_NOOP("Core", "请求的时间戳无效"),
        QT_TRANSLATE_NOOP("Core", "请求的签名无效"),
        QT_TRANSLATE_NOOP("Core", "请求的签名验证未通过"),
        QT_TRANSLATE_NOOP("Core", "请求的签名未包含请求内容"),
        QT_TRANSLATE_NOOP("Core", "不支持的设备密钥类型"),
        QT_TRANSLATE_NOOP("Core", "文件名无效：{sha256}{suffix}"),
        QT_TRANSLATE_NOOP("Core", "收到的文件与其摘要不符，已丢弃，请重新推送：{sha256}"),
        QT_TRANSLATE_NOOP("Core", "上传位置不符，服务器已确认到第 {offset} 字节"),
        QT_TRANSLATE_NOOP("Core", "用户名无效：{name}"),
        QT_TRANSLATE_NOOP("Core", "没有这个用户（或已停用）：{name}"),
        QT_TRANSLATE_NOOP("Core", "登记请求无效"),
        QT_TRANSLATE_NOOP("Core", "推送请求无效"),
        QT_TRANSLATE_NOOP("Core", "上传请求无效"),
        QT_TRANSLATE_NOOP("Core", "分块过大"),
        QT_TRANSLATE_NOOP("Core", "请求无效"),
        QT_TRANSLATE_NOOP(
            "Core", "需要口令：请用 --password-file 文件 提供，或在终端中运行以输入口令"
        ),
        QT_TRANSLATE_NOOP("Core", "没有这个证据文件：{sha256}"),
        # Hand-over bundles (inspector/bundle/).
        QT_TRANSLATE_NOOP("Core", "交接包中的文件太多（{count} 个，上限 {limit} 个）"),
        QT_TRANSLATE_NOOP("Core", "交接包中的 {name} 过大"),
        QT_TRANSLATE_NOOP("Core", "交接包中的 {name} 已损坏（长度不符）"),
        QT_TRANSLATE_NOOP("Core", "找不到交接包：{path}"),
        QT_TRANSLATE_NOOP(
            "Core", "交接包不完整或已损坏（可能被截断），不是有效的 zip 文件：{path}"
        ),
        QT_TRANSLATE_NOOP("Core", "交接包中的文件名不安全（{problem}）：{name}"),
        QT_TRANSLATE_NOOP("Core", "交接包中有重名的文件：{name}"),
        QT_TRANSLATE_NOOP("Core", "交接包中有链接、文件夹或特殊文件：{name}"),
        QT_TRANSLATE_NOOP("Core", "交接包中的文件使用了不支持的压缩方式：{name}"),
        QT_TRANSLATE_NOOP("Core", "交接包中的文件被加密了：{name}"),
        QT_TRANSLATE_NOOP("Core", "交接包中的文件过大：{name}"),
        QT_TRANSLATE_NOOP("Core", "交接包中的文件压缩比异常（疑似压缩炸弹），已拒绝：{name}"),
        QT_TRANSLATE_NOOP("Core", "交接包中的文件大小记录不一致：{name}"),
        QT_TRANSLATE_NOOP("Core", "交接包解开后过大（超过 {limit} GB）"),
        QT_TRANSLATE_NOOP("Core", "交接包中缺少 {name}"),
        QT_TRANSLATE_NOOP("Core", "交接包中的 {name} 已损坏：{error}"),
        QT_TRANSLATE_NOOP("Core", "交接包的清单在签名后被改动（签名摘要不符）"),
        QT_TRANSLATE_NOOP("Core", "交接包的签名无效（与签名证书的公钥不符）"),
        QT_TRANSLATE_NOOP("Core", "交接包的签名文件无法读取（不是有效的 CMS 签名）"),
        QT_TRANSLATE_NOOP("Core", "交接包的签名无法验证：{error}"),
        QT_TRANSLATE_NOOP("Core", "交接包的文件名应以 .zip 结尾：{path}"),
        QT_TRANSLATE_NOOP(
            "Core",
            "没有导出给“{receiver}”的交接包记录：第一次请不带 --since 导出（用 --to 记下接收方）",
        ),
        QT_TRANSLATE_NOOP("Core", "请提供密钥口令"),
        QT_TRANSLATE_NOOP("Core", "证据文件已被改动，未导出：{sha256}"),
        QT_TRANSLATE_NOOP("Core", "记录文件已被改动，未导出：{name}"),
        QT_TRANSLATE_NOOP("Core", "这不是 Inspector 交接包（清单中没有 {format} 格式标识）"),
        QT_TRANSLATE_NOOP("Core", "交接包的清单没有格式版本"),
        QT_TRANSLATE_NOOP(
            "Core",
            "交接包由较新版本的 Inspector 制作（格式版本 {version}，本机支持 {supported}），请先升级本机的 Inspector",
        ),
        QT_TRANSLATE_NOOP("Core", "交接包清单的文件列表无效"),
        QT_TRANSLATE_NOOP("Core", "交接包中证据文件的名称无效：{name}"),
        QT_TRANSLATE_NOOP("Core", "交接包的清单不是有效的 JSON"),
        QT_TRANSLATE_NOOP("Core", "交接包的清单缺少 {key}"),
        QT_TRANSLATE_NOOP("Core", "交接包中的文件已损坏（可能被截断）：{name}"),
        QT_TRANSLATE_NOOP("Core", "交接包清单中写明的签名者与实际签名的证书不符"),
        QT_TRANSLATE_NOOP(
            "Core",
            "交接包的签名者不在本机信任的签名者之列（可能来自其他医保局）：{who}，证书指纹 {fingerprint}",
        ),
        QT_TRANSLATE_NOOP("Core", "交接包清单中的文件名不安全：{name}"),
        QT_TRANSLATE_NOOP("Core", "交接包清单中有重名的文件：{name}"),
        QT_TRANSLATE_NOOP("Core", "交接包中有本机不认识的数据表：{name}"),
        QT_TRANSLATE_NOOP("Core", "交接包中有清单外的文件类型：{name}"),
        QT_TRANSLATE_NOOP("Core", "交接包中的{where}内容与其哈希不符"),
        QT_TRANSLATE_NOOP("Core", "交接包中的{where}序号不连续"),
        QT_TRANSLATE_NOOP("Core", "交接包中的{where}的链接被改动"),
        QT_TRANSLATE_NOOP("Core", "交接包中的{where}与上一条的链接断开"),
        QT_TRANSLATE_NOOP("Core", "交接包 {member} 第 {number} 行过长"),
        QT_TRANSLATE_NOOP("Core", "交接包 {member} 第 {number} 行不是一条记录"),
        QT_TRANSLATE_NOOP("Core", "交接包缺少清单中列出的文件：{name}"),
        QT_TRANSLATE_NOOP("Core", "交接包中有清单未列出的文件：{name}"),
        QT_TRANSLATE_NOOP("Core", "交接包中的文件大小与清单不符：{name}"),
        QT_TRANSLATE_NOOP("Core", "交接包中证据文件的名称与其摘要不符：{name}"),
        QT_TRANSLATE_NOOP("Core", "交接包中的文件与清单中的摘要不符（已被改动）：{name}"),
        QT_TRANSLATE_NOOP(
            "Core", "交接包的数据表 {table} 有本机不认识的列 {columns}（可能由较新版本制作）"
        ),
        QT_TRANSLATE_NOOP("Core", "交接包的数据表 {table} 中有重复的记录：{key}"),
        QT_TRANSLATE_NOOP("Core", "交接包中的{where}次序错乱"),
        QT_TRANSLATE_NOOP("Core", "交接包中的{where}内容已损坏"),
        QT_TRANSLATE_NOOP("Core", "交接包中的{where}的字段 {key} 被改动"),
        QT_TRANSLATE_NOOP("Core", "记录文件 {name} 的签名验证未通过：{problem}"),
        QT_TRANSLATE_NOOP("Core", "交接包 {member} 第 {number} 行不是有效的 JSON"),
        QT_TRANSLATE_NOOP("Core", "交接包的数据表 {table} 中有无效的记录"),
        QT_TRANSLATE_NOOP("Core", "记录文件 {name} 应有数字签名，但文件中没有"),
        QT_TRANSLATE_NOOP("Core", "交接包缺少证据文件：{sha256}{suffix}"),
        QT_TRANSLATE_NOOP("Core", "交接包缺少记录文件：{name}"),
        QT_TRANSLATE_NOOP("Core", "记录文件与数据库记录的摘要不符：{name}"),
        QT_TRANSLATE_NOOP(
            "Core",
            "检查 {inspection} 已签字锁定，交接包中它的{what}与本机不同（{why}）：已拒绝导入，本机数据未改变。如需更正，请在签字的一方制作更正记录后再交接",
        ),
        QT_TRANSLATE_NOOP("Core", "请选择保留本机版本（local）或交接包版本（incoming）"),
        QT_TRANSLATE_NOOP("Core", "交接包中的删除记录指向未知的数据表：{table}"),
        QT_TRANSLATE_NOOP(
            "Core", "{where}接不上本机的记录（本机到第 {seq} 条）：请先导入此前的交接包"
        ),
        QT_TRANSLATE_NOOP("Core", "这项冲突已经处理过了"),
        QT_TRANSLATE_NOOP(
            "Core",
            "这是增量交接包，本机缺少它所依赖的证据文件 {sha256}{suffix}：请先导入此前的交接包",
        ),
        QT_TRANSLATE_NOOP("Core", "{where}与本机的不同（记录链分叉）：已拒绝导入，本机数据未改变"),
        QT_TRANSLATE_NOOP(
            "Core", "交接包中的{what}引用了本机没有的数据（{parent}）：请先导入此前的交接包"
        ),
        QT_TRANSLATE_NOOP(
            "Core", "导入后设备 {device} 的操作记录链校验未通过：{problem}；已拒绝导入"
        ),
        QT_TRANSLATE_NOOP(
            "Core", "导入后检查 {inspection} 的证据保管链校验未通过：{problem}；已拒绝导入"
        ),
        QT_TRANSLATE_NOOP("Core", "只有检查组长可以处理交接冲突"),
        QT_TRANSLATE_NOOP(
            "Core",
            "检查 {inspection} 在交接包中已签字，本机却有它签字时没有的{what}：已拒绝导入，本机数据未改变",
        ),
        QT_TRANSLATE_NOOP(
            "Core",
            "交接包缺少设备 {device} 的操作记录（数据改动到第 {seq} 条，操作记录只到第 {logged} 条）",
        ),
        # Home encrypt on a full disk, mixed encodings, the passphrase delay:
        # inspector/crypto/home.py, inspector/tables.py, inspector/crypto/
        QT_TRANSLATE_NOOP(
            "Core",
            "磁盘空间不足，数据目录未加密，原数据目录未改动。加密时需要约与现有数据同样大小的空闲空间，请清理磁盘后重试。",
        ),
        QT_TRANSLATE_NOOP(
            "Core", "无法写入加密副本（{error}），数据目录未加密，原数据目录未改动。"
        ),
        QT_TRANSLATE_NOOP("Core", "已连续输错 {count} 次口令，请等待 {seconds} 秒后再试。"),
        QT_TRANSLATE_NOOP(
            "Core",
            "口令不正确，数据目录未打开（已连续输错 {count} 次）；请等待 {seconds} 秒后再试。",
        ),
        QT_TRANSLATE_NOOP("Core", "口令不正确，数据目录未打开（已连续输错 {count} 次）。"),
        QT_TRANSLATE_NOOP(
            "Core",
            "{name} 第 {line} 行起的文字编码与文件开头（{encoding}）不一致：文件可能由不同编码的部分拼接而成。请在 Excel 中打开后另存为“CSV UTF-8”或 .xlsx 再导入",
        ),
        # Signed PDFs: the signed bytes are the built bytes.
        QT_TRANSLATE_NOOP(
            "Core",
            "记录文件 {name} 不是生成（或上一次签名）时的文件：已被替换或改动，拒绝签名；"
            "请重新生成记录",
        ),
        QT_TRANSLATE_NOOP(
            "Core",
            "整改通知书文件 {name} 不是生成时的文件：已被替换或改动，拒绝签名；请重新生成",
        ),
        # Bundle import on a laptop: known devices, size limits, the receiver's own chain.
        QT_TRANSLATE_NOOP(
            "Core",
            "交接包解开后的总大小（{declared} MB）与文件大小（{size} MB）极不相称（疑似压缩炸弹），已拒绝",
        ),
        QT_TRANSLATE_NOOP("Core", "交接包中的文件超过其声明的大小（疑似压缩炸弹），已拒绝：{name}"),
        QT_TRANSLATE_NOOP(
            "Core",
            "磁盘空间不足：导入这个交接包需要约 {needed} MB，数据目录所在的磁盘只剩 {free} MB（另需留出 {margin} MB）。请清理磁盘空间后重试；本机数据未改变",
        ),
        QT_TRANSLATE_NOOP(
            "Core",
            "交接包带有本机不认识的设备 {device} 的操作记录，却没有该设备的交接包签名者签署的记录链头，无法确认这台设备真实存在：已拒绝导入，本机数据未改变",
        ),
        QT_TRANSLATE_NOOP(
            "Core",
            "交接包中有本机（设备 {device}）自己的第 {seq} 条操作记录，本机却没有这条记录：本机的操作记录只能由本机产生，这是伪造的续写，已拒绝导入，本机数据未改变",
        ),
        QT_TRANSLATE_NOOP(
            "Core", "交接包由设备 {signer} 的设备密钥签名，清单却写明导出设备是 {device}：已拒绝"
        ),
        QT_TRANSLATE_NOOP("Core", "交接包清单中的设备记录链头无效"),
        QT_TRANSLATE_NOOP(
            "Core", "交接包中设备 {device} 的记录链头签名者不在本机信任的签名者之列：{who}"
        ),
        QT_TRANSLATE_NOOP("Core", "交接包中设备 {device} 的记录链头由另一台设备的设备密钥签名"),
        QT_TRANSLATE_NOOP("Core", "交接包中导出设备 {device} 的记录链头不是由交接包的签名者签名的"),
        QT_TRANSLATE_NOOP(
            "Core", "交接包中设备 {device} 的操作记录与该设备签名的记录链头不符（第 {seq} 条）"
        ),
        QT_TRANSLATE_NOOP("Core", "交接包中设备 {device} 的记录链头声明无效"),
        QT_TRANSLATE_NOOP("Core", "交接包中设备 {device} 的记录链头签名无效"),
        # A bundle's import on a laptop (inspector/bundle/verify.py, signed.py): who
        # handed it over is who signed; a signed record travels only with its data.
        QT_TRANSLATE_NOOP("Core", "交接包清单中的签名者无效"),
        QT_TRANSLATE_NOOP(
            "Core",
            "交接包清单中写明的签名者与实际签名的证书不符（{field}：清单写“{said}”，签名证书是“{actual}”，证书姓名 {name}）：已拒绝，交接人以签名证书为准",
        ),
        QT_TRANSLATE_NOOP(
            "Core",
            "检查 {inspection} 的已签名记录 {record} 没有写明这项检查及其数据摘要：已拒绝导入，本机数据未改变",
        ),
        QT_TRANSLATE_NOOP(
            "Core",
            "检查 {inspection} 已签名的记录 {record} 所载数据与交接包中的数据不一致（{where}）：已拒绝导入，本机数据未改变。签名后的数据只能通过更正记录修改",
        ),
        QT_TRANSLATE_NOOP(
            "Core",
            "检查 {inspection} 在交接包中标为已签字，却没有带数字签名的检查记录：已拒绝导入，本机数据未改变",
        ),
        QT_TRANSLATE_NOOP(
            "Core",
            "检查 {inspection} 未签字，交接包却带来了它的问题台账（只有签字时才会登记）：已拒绝导入，本机数据未改变",
        ),
        QT_TRANSLATE_NOOP(
            "Core",
            "交接包带有本机不认识的设备 {device} 的证据保管记录，却没有该设备的交接包签名者签署的记录链头：已拒绝导入，本机数据未改变",
        ),
        QT_TRANSLATE_NOOP(
            "Core",
            "交接包中有本机（设备 {device}）自己的检查 {inspection} 第 {seq} 条证据保管记录，本机却没有这条记录：这是伪造的续写，已拒绝导入，本机数据未改变",
        ),
        # The central service's commit: a signed inspection immutable, a device's
        # districts, unfinished uploads bounded (inspector/central/service.py).
        QT_TRANSLATE_NOOP(
            "Core",
            "检查 {inspection} 已签字锁定，推送中它的{what}与服务器上的不同（{why}）：已拒绝，服务器数据未改变。如需更正，请制作更正记录后再推送",
        ),
        QT_TRANSLATE_NOOP("Core", "服务器上没有这条记录"),
        QT_TRANSLATE_NOOP("Core", "推送中是另一个版本"),
        QT_TRANSLATE_NOOP("Core", "两边各自修改过"),
        QT_TRANSLATE_NOOP("Core", "推送中删除了它"),
        QT_TRANSLATE_NOOP("Core", "签字的记录写明了它"),
        QT_TRANSLATE_NOOP("Core", "记录的内容变了"),
        QT_TRANSLATE_NOOP("Core", "新的记录文件不是签名后的版本"),
        QT_TRANSLATE_NOOP("Core", "记录文件被替换"),
        QT_TRANSLATE_NOOP("Core", "签名一经签署不再改动"),
        # Why a bundle import refuses a row of a signed inspection (inspector/bundle/merge.py).
        QT_TRANSLATE_NOOP("Core", "本机没有这条记录"),
        QT_TRANSLATE_NOOP("Core", "交接包中是另一个版本"),
        QT_TRANSLATE_NOOP("Core", "本机有对方签字时没有的修改"),
        QT_TRANSLATE_NOOP("Core", "改动标记相同而内容不同，交接包中的这一行被改过"),
        QT_TRANSLATE_NOOP("Core", "与本机签字的版本不同"),
        QT_TRANSLATE_NOOP("Core", "交接包中删除了它"),
        QT_TRANSLATE_NOOP("Core", "对方删除了它，本机修改过"),
        QT_TRANSLATE_NOOP(
            "Core",
            "推送中有检查 {inspection} 的数据，但服务器上和推送中都没有这次检查：已拒绝，服务器数据未改变",
        ),
        QT_TRANSLATE_NOOP(
            "Core",
            "本设备登记的区县是 {allowed}，不能推送{district}的检查 {inspection}：已拒绝，服务器数据未改变",
        ),
        QT_TRANSLATE_NOOP(
            "Core",
            "推送中的文件 {name} 声明为 {size} 字节，超过服务器允许的单个文件上限（{cap} 字节），服务器拒绝接收",
        ),
        QT_TRANSLATE_NOOP(
            "Core",
            "本设备未完成的上传已占用 {held} 字节，再收 {more} 字节将超过上限 {quota} 字节：请先完成或等待此前的推送过期（{hours} 小时）",
        ),
        QT_TRANSLATE_NOOP("Core", "上传限额和未完成上传的保留小时数都应大于 0"),
        QT_TRANSLATE_NOOP("Core", "请给出设备所属的区县（--district，一个区县）"),
        QT_TRANSLATE_NOOP("Core", "请给出设备可推送的区县（不含逗号）"),
        QT_TRANSLATE_NOOP("Core", "区县太多，请分别登记设备"),
        QT_TRANSLATE_NOOP(
            "Core",
            "检查 {inspection} 的签字记录所载数据的摘要与推送的数据不一致（记录 {record}；{row}）：已拒绝，服务器数据未改变",
        ),
        QT_TRANSLATE_NOOP(
            "Core",
            "检查 {inspection} 的签字记录无法用服务器上的数据核对（数据不完整）：已拒绝，服务器数据未改变",
        ),
        # The record's data hash format (inspector/record/facts.py): a record made by a newer
        # version, met by record verify, the record's status or a bundle's import.
        QT_TRANSLATE_NOOP(
            "Core",
            "记录所载数据摘要的格式为 {format}，本版本的 Inspector 不认识这种格式，无法核对记录所载数据：请用更新版本的 Inspector 核对",
        ),
        QT_TRANSLATE_NOOP(
            "Core",
            "{label}（{table} {id}）与记录它的操作（设备 {device} 第 {seq} 条）所存的状态不符，被改过",
        ),
        QT_TRANSLATE_NOOP("Core", "操作记录中找不到被改的那一行"),
        # The core's messages with values (audit, checklists, claims, evidence, planning,
        # registry, verification, migrations) and the database's known failures by SQLite's
        # code (inspector/db/errors.py).
        QT_TRANSLATE_NOOP("Core", "操作记录编号至少需要 4 个字符"),
        QT_TRANSLATE_NOOP("Core", "没有编号为 {text} 的操作记录"),
        QT_TRANSLATE_NOOP("Core", "编号 {text} 对应多条操作记录，请输入更长的编号"),
        QT_TRANSLATE_NOOP("Core", "导出文件的扩展名应为 .jsonl 或 .xlsx"),
        QT_TRANSLATE_NOOP("Core", "未知的{what}：{value}。可选：{options}"),
        QT_TRANSLATE_NOOP("Core", "专项“{focus}”对“{type}”没有适用的检查条目"),
        QT_TRANSLATE_NOOP("Core", "清单文件 {file}：内容应为键值对象（format、id、version…）"),
        QT_TRANSLATE_NOOP(
            "Core", "清单文件 {file}：字段 focus 应且仅应出现在 kind: focus 的文件中"
        ),
        QT_TRANSLATE_NOOP("Core", "清单文件 {file}：字段 focus.code 应与 id（{id}）相同"),
        QT_TRANSLATE_NOOP(
            "Core",
            "清单文件 {label}：条目 {code} 的字段 {field_name}：未知的{what} {value}（可用：{known}）",
        ),
        QT_TRANSLATE_NOOP(
            "Core", "清单文件 {file}：版本 {version} 不高于已有版本 {installed}，未安装"
        ),
        QT_TRANSLATE_NOOP("Core", "清单文件 {file} 无法读取：{error}"),
        QT_TRANSLATE_NOOP("Core", "清单文件 {file} 不是 UTF-8 编码的文本"),
        QT_TRANSLATE_NOOP("Core", "清单文件 {file}：YAML 语法错误 {where}：{problem}"),
        QT_TRANSLATE_NOOP("Core", "清单文件 {file} 有错误：\n  {details}"),
        QT_TRANSLATE_NOOP(
            "Core", "清单文件 {file}：{kind} 代码 {code} 重复（已在 {owner} 中定义）"
        ),
        QT_TRANSLATE_NOOP("Core", "清单库中没有任何{what}：缺少基础清单文件"),
        QT_TRANSLATE_NOOP("Core", "{file}：只能导入 Excel (.xlsx) 或 CSV 文件"),
        QT_TRANSLATE_NOOP("Core", "{file} 是空文件"),
        QT_TRANSLATE_NOOP("Core", "{file} 的前 {rows} 行中找不到结算数据的表头"),
        QT_TRANSLATE_NOOP("Core", "{file} 第 {row} 行的表头缺少：{missing}"),
        QT_TRANSLATE_NOOP(
            "Core", "第 {number} 行的表头中有两列都表示{field}，请删去或改名其中一列"
        ),
        QT_TRANSLATE_NOOP("Core", "第 {number} 行不是有效的 CSV：{error}"),
        QT_TRANSLATE_NOOP("Core", "{file} 不是有效的 Excel (.xlsx) 文件：{error}"),
        QT_TRANSLATE_NOOP("Core", "标注坐标 {name} 超出图片范围：{value}"),
        QT_TRANSLATE_NOOP("Core", "没有标注内容（箭头、圆圈或文字）"),
        QT_TRANSLATE_NOOP("Core", "标注最多 {count} 处"),
        QT_TRANSLATE_NOOP("Core", "标注坐标 {name} 不是数字：{value}"),
        QT_TRANSLATE_NOOP(
            "Core", "未知的标注类型：{kind}（可选：箭头 arrow、圆圈 circle、文字 text）"
        ),
        QT_TRANSLATE_NOOP("Core", "颜色应写成 #RRGGBB：{color}"),
        QT_TRANSLATE_NOOP("Core", "无法读取照片的打印副本：{error}"),
        QT_TRANSLATE_NOOP("Core", "文字标注不能为空"),
        QT_TRANSLATE_NOOP("Core", "文字标注最多 {count} 个字"),
        QT_TRANSLATE_NOOP("Core", "箭头的起点和终点相同"),
        QT_TRANSLATE_NOOP("Core", "圆圈的大小为零"),
        QT_TRANSLATE_NOOP("Core", "本次检查还没有证据"),
        QT_TRANSLATE_NOOP("Core", "导出目录 {folder} 不是空文件夹，请选择一个新的或空的文件夹"),
        QT_TRANSLATE_NOOP("Core", "证据 {file} 导出后的哈希与原件不符（{copied}），导出中止"),
        QT_TRANSLATE_NOOP("Core", "证据 {file} 的文件缺失，导出中止"),
        QT_TRANSLATE_NOOP("Core", "证据编号至少需要 4 个字符"),
        QT_TRANSLATE_NOOP("Core", "没有编号为 {text} 的证据"),
        QT_TRANSLATE_NOOP("Core", "编号 {text} 对应多件证据，请输入更长的编号"),
        QT_TRANSLATE_NOOP("Core", "没有编号为 {evidence_id} 的证据"),
        QT_TRANSLATE_NOOP("Core", "说明最多 {count} 个字"),
        QT_TRANSLATE_NOOP("Core", "同一文件已关联到{where}"),
        QT_TRANSLATE_NOOP("Core", "这件证据有标注副本，请先移除标注副本"),
        QT_TRANSLATE_NOOP("Core", "只能在照片上标注"),
        QT_TRANSLATE_NOOP("Core", "这件证据是封存清单第 {position} 项的照片，请先从封存清单中移除"),
        QT_TRANSLATE_NOOP("Core", "数量必须大于 0"),
        QT_TRANSLATE_NOOP("Core", "数量最多保留三位小数"),
        QT_TRANSLATE_NOOP("Core", "数量过大"),
        QT_TRANSLATE_NOOP("Core", "请填写封存物品的名称和描述"),
        QT_TRANSLATE_NOOP("Core", "描述最多 1000 个字"),
        QT_TRANSLATE_NOOP("Core", "请填写数量单位（如 盒、本、台）"),
        QT_TRANSLATE_NOOP("Core", "单位最多 16 个字"),
        QT_TRANSLATE_NOOP("Core", "封存清单中没有第 {position} 项"),
        QT_TRANSLATE_NOOP("Core", "证据 {file} 不是照片"),
        QT_TRANSLATE_NOOP("Core", "抽查结果文件的扩展名应为 .xlsx"),
        QT_TRANSLATE_NOOP("Core", "文件中没有“{name}”工作表，不是本软件生成的抽查结果"),
        QT_TRANSLATE_NOOP("Core", "权重文件中缺少 {name}"),
        QT_TRANSLATE_NOOP("Core", "{file} 不是有效的权重文件"),
        QT_TRANSLATE_NOOP("Core", "{file}：default_risk_level 不在 risk_levels 中"),
        QT_TRANSLATE_NOOP("Core", "{file}：default_credit_rating 不在 credit_ratings 中"),
        QT_TRANSLATE_NOOP("Core", "风险等级“{text}”无效，可填：{choices}"),
        QT_TRANSLATE_NOOP("Core", "信用等级“{text}”无效，可填：{choices}"),
        QT_TRANSLATE_NOOP("Core", "权重文件 {name} 中“{key}”的权重必须是正整数"),
        QT_TRANSLATE_NOOP("Core", "请填写机构名称或协议编号"),
        QT_TRANSLATE_NOOP("Core", "找不到该机构"),
        QT_TRANSLATE_NOOP("Core", "机构名单中没有“{text}”（可用 institution list --search 查找）"),
        QT_TRANSLATE_NOOP("Core", "“{text}”对应多家机构：{listed}。请用协议编号指定"),
        QT_TRANSLATE_NOOP("Core", "无法读取 {path}：{error}"),
        QT_TRANSLATE_NOOP(
            "Core",
            "数据库 {database} 由更新版本的 Inspector 创建（结构版本 {revision}），本程序无法打开。请升级 Inspector；数据未被改动。",
        ),
        QT_TRANSLATE_NOOP(
            "Core", "磁盘已满，未能保存。请清理磁盘空间后重试；已保存的数据未受影响。"
        ),
        QT_TRANSLATE_NOOP("Core", "数据库正被另一个程序使用，请稍后重试。"),
        QT_TRANSLATE_NOOP("Core", "数据库文件已损坏或不是 Inspector 的数据库，请从备份恢复。"),
        QT_TRANSLATE_NOOP("Core", "数据目录为只读，无法保存。请检查数据目录的写权限。"),
        QT_TRANSLATE_NOOP("Core", "无法打开数据库文件：请检查数据目录是否存在、是否有读写权限。"),
        QT_TRANSLATE_NOOP(
            "Core", "读写数据库文件时出错（磁盘或存储设备故障），未能保存。请检查磁盘后重试。"
        ),
        QT_TRANSLATE_NOOP("Core", "该检查已数字签名并锁定，不能修改；如需更正请新建更正记录。"),
        # Files that could not be written (inspector/evidence/store.py disk_error).
        QT_TRANSLATE_NOOP(
            "Core", "磁盘已满，文件未保存。请清理磁盘空间后重试；已保存的数据未受影响。"
        ),
        QT_TRANSLATE_NOOP("Core", "没有写入数据目录的权限（或磁盘为只读），文件未保存。"),
        QT_TRANSLATE_NOOP("Core", "文件未保存：{error}"),
        # Ids typed by a user (inspector/ids.py): one resolver for every command, screen and
        # the office site. The words after them are what an id names, filled into {what}.
        QT_TRANSLATE_NOOP("Core", "没有编号为 {text} 的{what}"),
        QT_TRANSLATE_NOOP("Core", "{what}编号至少需要 {count} 个字符"),
        QT_TRANSLATE_NOOP("Core", "编号 {text} 对应多个{what}，请多写几位：{candidates}"),
        QT_TRANSLATE_NOOP("Core", "信任列表中没有指纹为 {text} 的证书"),
        QT_TRANSLATE_NOOP("Core", "请给出证书指纹（SHA-256）的至少前 {count} 位"),
        QT_TRANSLATE_NOOP("Core", "服务器上没有这次检查：{text}"),
        QT_TRANSLATE_NOOP("Core", "没有这台设备（或已吊销）：{text}"),
        QT_TRANSLATE_NOOP("Core", "检查"),
        QT_TRANSLATE_NOOP("Core", "冲突"),
        QT_TRANSLATE_NOOP("Core", "台账问题"),
        QT_TRANSLATE_NOOP("Core", "整改通知书"),
        QT_TRANSLATE_NOOP("Core", "询问笔录"),
        QT_TRANSLATE_NOOP("Core", "操作记录"),
        QT_TRANSLATE_NOOP("Core", "证据"),
        QT_TRANSLATE_NOOP("Core", "抽查"),
        QT_TRANSLATE_NOOP("Core", "密钥"),
        QT_TRANSLATE_NOOP("Core", "证书"),
        QT_TRANSLATE_NOOP("Core", "设备"),
        # The interview record as a document (inspector/record/interview.py
        # and interview_rules.py).
        QT_TRANSLATE_NOOP("Core", "告知事项应为：{value}"),
        QT_TRANSLATE_NOOP("Core", "请由被询问人写下（或照录）核对笔录后的确认意见"),
        QT_TRANSLATE_NOOP("Core", "询问笔录还不能签名，缺少：{missing}"),
        QT_TRANSLATE_NOOP(
            "Core", "执法证号 {cert_no} 不是这份询问笔录的询问人或记录人，不能在笔录上签名"
        ),
        QT_TRANSLATE_NOOP("Core", "不能这样选择询问人：{problems}"),
        QT_TRANSLATE_NOOP("Core", "执法证号 {cert_no} 不是这份询问笔录的询问人：请先选定询问人"),
        QT_TRANSLATE_NOOP("Core", "身份证号“{text}”应为 18 位（最后一位可为 X）"),
        QT_TRANSLATE_NOOP("Core", "身份证号“{text}”的校验位不对，请核对证件"),
        QT_TRANSLATE_NOOP("Core", "身份证号“{text}”中的出生日期不存在，请核对证件"),
        # Signatures bound to what was signed, the 拒签 witness's identity, persons present for
        # the party (inspector/record/content.py, binding.py).
        QT_TRANSLATE_NOOP(
            "Core",
            "签名前显示的记录已不是当前的记录（其后数据有变更）：请重新显示记录，核对后再签名",
        ),
        QT_TRANSLATE_NOOP("Core", "核对方式只用于被检查单位代表的签名，应为：{value}"),
        QT_TRANSLATE_NOOP("Core", "拒签时须记录见证人的身份：请填写见证人的身份证号码"),
        QT_TRANSLATE_NOOP("Core", "请填写见证人与被检查单位的关系（如 无关系、本单位职工）"),
        QT_TRANSLATE_NOOP("Core", "在场人员须填写姓名"),
        # The interview record's rights told, a reply per right.
        QT_TRANSLATE_NOOP("Core", "没有“{name}”这项告知：应为 {value}"),
        QT_TRANSLATE_NOOP("Core", "答复须针对本次告知的事项：{value}"),
        # The central service under attack (inspector/central/: app.py, office.py,
        # service.py, store.py): queued sign-ins, size limits, malformed parameters, full disks.
        QT_TRANSLATE_NOOP("Core", "登录的人太多，请 {seconds} 秒后再试"),
        QT_TRANSLATE_NOOP("Core", "请求过大（此处至多 {limit} 字节），服务器未接收"),
        QT_TRANSLATE_NOOP("Core", "请求的长度（Content-Length）无效"),
        QT_TRANSLATE_NOOP("Core", "筛选条件无效：{value}"),
        QT_TRANSLATE_NOOP(
            "Core",
            "检查 {inspection} 的{field}过长或含无效字符（至多 {count} 个字符），请在本机改正后再推送",
        ),
        QT_TRANSLATE_NOOP(
            "Core", "推送中有服务器无法保存的数据（{code}），已拒绝，服务器数据未改变"
        ),
        QT_TRANSLATE_NOOP("Core", "推送编号无效：{bundle}"),
        QT_TRANSLATE_NOOP("Core", "页码无效：{page}"),
        QT_TRANSLATE_NOOP("Core", "尝试次数过多，请 {seconds} 秒后再试"),
        QT_TRANSLATE_NOOP(
            "Core",
            "服务器的文件库磁盘已满，文件未保存（已确认的部分保留）；请联系管理员清理空间后再推送",
        ),
        QT_TRANSLATE_NOOP(
            "Core", "服务器的临时目录已满，推送未提交，服务器数据未改变；请稍后重试（或联系管理员）"
        ),
        QT_TRANSLATE_NOOP(
            "Core", "服务器的数据库磁盘已满，推送未提交，服务器数据未改变；请联系管理员"
        ),
        QT_TRANSLATE_NOOP("Core", "服务器暂时无法接收推送，请稍后重试：{reason}"),
        # The issuing authority, document numbers and 检查时间 entered
        # (inspector/bureaus.py, inspector/inspections.py).
        QT_TRANSLATE_NOOP("Core", "记录已编号（{number}），不能再更换执法主体"),
        QT_TRANSLATE_NOOP("Core", "检查结束时间 {end} 早于开始时间 {start}"),
        QT_TRANSLATE_NOOP("Core", "检查开始时间 {start} 在将来"),
        QT_TRANSLATE_NOOP(
            "Core",
            "文号模板“{template}”中的 {{{name}}} 不认识；"
            "可用：{{区简称}}、{{年}}、{{序号}}、{{设备}}",
        ),
        QT_TRANSLATE_NOOP("Core", "文号模板“{template}”须含 {{年}} 和 {{序号}}，否则文号会重复"),
        QT_TRANSLATE_NOOP("Core", "请填写执法主体（医疗保障局）的名称"),
        QT_TRANSLATE_NOOP("Core", "没有“{kind}”这种文书；可用：{kinds}"),
        QT_TRANSLATE_NOOP("Core", "文号模板用到 {{区简称}}：请填写 {name} 的简称"),
        QT_TRANSLATE_NOOP("Core", "执法主体名称重复"),
        QT_TRANSLATE_NOOP("Core", "执法主体名单格式无效"),
        QT_TRANSLATE_NOOP(
            "Core", "本机没有设置执法主体“{name}”：请先用 bureau set 设置（或由中心下发）"
        ),
        QT_TRANSLATE_NOOP(
            "Core",
            "本机设置了多个执法主体：请指定本次检查以哪个医疗保障局的名义进行"
            "（交叉检查为组织检查的医疗保障局）",
        ),
        # The law's minimums of an on-site record (inspector/record/legal.py): the
        # team, certificates, notices, the party's identity, a finding's facts.
        QT_TRANSLATE_NOOP("Core", "条目 {item_code} 已填写涉及金额，不能同时标记“不涉及金额”"),
        QT_TRANSLATE_NOOP("Core", "被检查对象是个人：请填写身份证号，而不是统一社会信用代码"),
        QT_TRANSLATE_NOOP("Core", "被检查对象是单位：请填写统一社会信用代码，而不是身份证号"),
        QT_TRANSLATE_NOOP(
            "Core",
            "检查记录尚缺法律要求的内容（《行政处罚法》第四十二条、《医疗保障基金使用监督管理条例》第二十九条）：{missing}",
        ),
        QT_TRANSLATE_NOOP("Core", "{name} 已回避，不能作为本次检查的执法人员"),
        QT_TRANSLATE_NOOP("Core", "请写明由哪位执法人员告知（执法证号）"),
        QT_TRANSLATE_NOOP("Core", "告知事项“{notice}”无效，可选：recusal、duty、opinion"),
        QT_TRANSLATE_NOOP("Core", "请填写检查人员姓名和执法证号"),
        QT_TRANSLATE_NOOP("Core", "请填写回避的理由"),
        QT_TRANSLATE_NOOP("Core", "只有暗访需要记录亮明身份的时间"),
        QT_TRANSLATE_NOOP("Core", "组长不能回避：请先更换组长"),
        # the central service: what it believes of a device (enrollment, revocation)
        QT_TRANSLATE_NOOP("Core", "登记请求没有由所登记的设备密钥签名，已拒绝"),
        QT_TRANSLATE_NOOP("Core", "此设备密钥已于 {at} 被管理员吊销，不能再次登记；请联系管理员"),
        # The central service on several servers: one shared store per database
        # (inspector/central/service.py claim_store, docs/deployment.md).
        QT_TRANSLATE_NOOP(
            "Core",
            "文件库 {store} 已属于另一个数据库（标记 {held}），不能用于这个数据库；"
            "同一数据库的所有服务器须共用同一个文件库目录（见 docs/deployment.md）",
        ),
        QT_TRANSLATE_NOOP(
            "Core",
            "文件库 {store} 中没有这个数据库的文件库标记（{recorded}）：它不是这个数据库的"
            "文件库；同一数据库的所有服务器须共用同一个文件库目录，例如网络文件系统上的"
            "同一目录（见 docs/deployment.md）",
        ),
        QT_TRANSLATE_NOOP(
            "Core",
            "文件库 {store} 的标记 {held} 不是这个数据库的文件库标记 {recorded}：它是另一个"
            "数据库的文件库；同一数据库的所有服务器须共用同一个文件库目录"
            "（见 docs/deployment.md）",
        ),
        # The office list's keyset paging (inspector/central/service.py).
        QT_TRANSLATE_NOOP("Core", "翻页位置无效：{after}"),
        # server check-store, after a restore (scripts/central_backup.sh).
        QT_TRANSLATE_NOOP(
            "Core", "文件库缺少数据库记录的 {count} 个文件（共 {named} 个），例如 {example}"
        ),
        # The working-day calendar of deadlines (inspector/workdays.py).
        QT_TRANSLATE_NOOP("Core", "{year} 年节假日安排中的日期 {day} 不在该年"),
        QT_TRANSLATE_NOOP("Core", "{day} 不能既是假日又是调休上班日"),
        # The central service: another laptop's log extended only with its own signers' head.
        QT_TRANSLATE_NOOP(
            "Core",
            "推送带有设备 {device} 的第 {seq} 条操作记录，但没有该设备登记的签名者签署、"
            "覆盖这条记录的记录链头：不能证明这些记录出自那台设备，已拒绝，服务器数据未改变",
        ),
        # The rule engine over the settlement detail (inspector/rules/): packs, knowledge files
        # and runs.
        QT_TRANSLATE_NOOP("Core", "规则包"),
        QT_TRANSLATE_NOOP("Core", "知识库文件"),
        QT_TRANSLATE_NOOP(
            "Core",
            "{file} 不是规则包（format: inspector-rules/1）或知识库文件"
            "（format: inspector-knowledge/1）",
        ),
        QT_TRANSLATE_NOOP("Core", "{what} {file}：内容应为键值对象（format、id、version…）"),
        QT_TRANSLATE_NOOP(
            "Core", "{what} {file}：版本 {version} 不高于已有版本 {installed}，未安装"
        ),
        QT_TRANSLATE_NOOP("Core", "{what} {file} 无法读取：{error}"),
        QT_TRANSLATE_NOOP("Core", "{what} {file} 不是 UTF-8 编码的文本"),
        QT_TRANSLATE_NOOP("Core", "{what} {file}：YAML 语法错误：{problem}"),
        QT_TRANSLATE_NOOP("Core", "{what} {file} 有错误：\n  {details}"),
        QT_TRANSLATE_NOOP(
            "Core", "规则包 {file}：规则代码 {code} 重复（已在规则包 {owner} 中定义）"
        ),
        QT_TRANSLATE_NOOP("Core", "不认识的知识库类别：{kind}（可选：{kinds}）"),
        QT_TRANSLATE_NOOP("Core", "{name} 有 {n} 行无法导入，未生成知识库文件：\n  {rows}"),
        QT_TRANSLATE_NOOP("Core", "{name} 中没有{what}"),
        QT_TRANSLATE_NOOP("Core", "限性别项目"),
        QT_TRANSLATE_NOOP("Core", "限年龄项目"),
        QT_TRANSLATE_NOOP("Core", "限频次项目"),
        QT_TRANSLATE_NOOP("Core", "限收费次数项目"),
        QT_TRANSLATE_NOOP("Core", "互斥项目"),
        QT_TRANSLATE_NOOP("Core", "限医疗机构级别项目"),
        QT_TRANSLATE_NOOP("Core", "目录限价"),
        QT_TRANSLATE_NOOP("Core", "药品用量"),
        QT_TRANSLATE_NOOP("Core", "基本费用项目（床位、护理、伙食）"),
        QT_TRANSLATE_NOOP("Core", "知识库文件的标识有误：{problem}"),
        QT_TRANSLATE_NOOP("Core", "进销存规则需要购进和销售（发药）两份记录"),
        QT_TRANSLATE_NOOP("Core", "本次检查还没有导入结算明细，无法运行规则"),
        QT_TRANSLATE_NOOP("Core", "进销存规则需要核对期间（起止日期）"),
        # The settlement detail's import and store (inspector/settlement/).
        QT_TRANSLATE_NOOP("Core", "{name}{where} 第 {row} 行的表头缺少费用明细必需的列：{wanted}"),
        QT_TRANSLATE_NOOP(
            "Core", "{name}{where} 的前 {rows} 行中找不到费用明细的表头，需要这些列：{wanted}"
        ),
        QT_TRANSLATE_NOOP(
            "Core",
            "{name} 第 {row} 行的表头缺少出生日期或年龄（限年龄、限儿童的规则需要其一）",
        ),
        QT_TRANSLATE_NOOP(
            "Core", "{name} 第 {row} 行不是有效的 CSV（{error}）：单元格过大或引号不成对"
        ),
        QT_TRANSLATE_NOOP(
            "Core", "写入的明细读回时行数不符（写入 {written} 行，读回 {read} 行），未保存"
        ),
        QT_TRANSLATE_NOOP("Core", "费用明细文件与检查不符（可能被替换），请删除后重新导入"),
        QT_TRANSLATE_NOOP("Core", "费用明细文件与导入时不符（已损坏或被替换），请删除后重新导入"),
        QT_TRANSLATE_NOOP("Core", "该检查还没有导入费用明细（detail import）"),
        QT_TRANSLATE_NOOP("Core", "费用明细的说明文件已损坏：{path}"),
        QT_TRANSLATE_NOOP("Core", "费用明细文件缺失，请重新导入"),
        QT_TRANSLATE_NOOP("Core", "费用明细文件已损坏（列数不符）"),
        # The documents of a case (inspector/cases/documents.py): what the law requires each
        # to state, who signs it; the documents' and the signers' names are filled in as Terms.
        QT_TRANSLATE_NOOP("Core", "{title}须载明{what}（{rule}）：请先在案件中填写"),
        QT_TRANSLATE_NOOP(
            "Core",
            "法制审核人员不得是本案承办人（行政处罚法第五十八条，重大执法决定法制审核制度）：{name}",
        ),
        QT_TRANSLATE_NOOP(
            "Core", "陈述、申辩的期限（{due}）应晚于告知日期（{day}）（行政处罚法第四十五条）"
        ),
        QT_TRANSLATE_NOOP(
            "Core", "要求听证的期限（{due}）应晚于告知日期（{day}）（行政处罚法第六十四条）"
        ),
        QT_TRANSLATE_NOOP(
            "Core",
            "听证应在举行七日前通知当事人（行政处罚法第六十四条第二项）：听证日期 {day} 距通知日期 {issued} 不足七日",
        ),
        QT_TRANSLATE_NOOP(
            "Core", "听证由非本案调查人员主持（行政处罚法第六十四条第四项）：{name} 是本案承办人"
        ),
        QT_TRANSLATE_NOOP("Core", "送达方式“{way}”不认识；可用：{ways}"),
        QT_TRANSLATE_NOOP("Core", "没有“{kind}”这种案件文书；可用：{kinds}"),
        QT_TRANSLATE_NOOP("Core", "文书日期 {day} 晚于今天"),
        QT_TRANSLATE_NOOP("Core", "{title}由{role}签署（{rule}）：本案尚未确定{role}"),
        QT_TRANSLATE_NOOP("Core", "该{title}已签名"),
        QT_TRANSLATE_NOOP(
            "Core", "{title}由{role}签署（{rule}）：该密钥的执法证号 {cert_no} 不是本案的{role}"
        ),
        QT_TRANSLATE_NOOP(
            "Core", "{title}文件 {name} 不是生成时的文件：已被替换或改动，拒绝签名；请重新生成"
        ),
        QT_TRANSLATE_NOOP("Core", "{title}文件 {name} 与保存时的哈希不符：已被替换或改动"),
        QT_TRANSLATE_NOOP("Core", "案件文书"),
        QT_TRANSLATE_NOOP("Core", "立案审批表"),
        QT_TRANSLATE_NOOP("Core", "调查终结报告"),
        QT_TRANSLATE_NOOP("Core", "法制审核意见"),
        QT_TRANSLATE_NOOP("Core", "行政处罚事先告知书"),
        QT_TRANSLATE_NOOP("Core", "陈述申辩笔录"),
        QT_TRANSLATE_NOOP("Core", "听证告知书"),
        QT_TRANSLATE_NOOP("Core", "听证笔录"),
        QT_TRANSLATE_NOOP("Core", "行政处罚决定书"),
        QT_TRANSLATE_NOOP("Core", "送达回证"),
        QT_TRANSLATE_NOOP("Core", "结案报告"),
        QT_TRANSLATE_NOOP("Core", "案件承办人"),
        QT_TRANSLATE_NOOP("Core", "法制审核人员"),
        QT_TRANSLATE_NOOP("Core", "医疗保障行政部门负责人"),
        QT_TRANSLATE_NOOP("Core", "听证主持人"),
        QT_TRANSLATE_NOOP("Core", "送达人"),
        QT_TRANSLATE_NOOP(
            "Core",
            "{title}由{role}签署（{rule}）：{name} 没有登记执法证号，无法核对其数字签名；请以执法证号记录{role}（或先在本机登记该执法人员）",
        ),
        QT_TRANSLATE_NOOP("Core", "案件还没有“{step}”这一步：{title}在该步骤之后制作"),
        QT_TRANSLATE_NOOP("Core", "执法证号 {cert_no} 已签署该{title}"),
        QT_TRANSLATE_NOOP(
            "Core", "听证告知书须载明听证的时间、地点和主持人（行政处罚法第六十四条）：请给出"
        ),
        QT_TRANSLATE_NOOP("Core", "案件还没有需要制作文书的步骤：请先立案"),
        QT_TRANSLATE_NOOP("Core", "立案"),
        QT_TRANSLATE_NOOP("Core", "调查终结"),
        QT_TRANSLATE_NOOP("Core", "案件审核（法制审核）"),
        QT_TRANSLATE_NOOP("Core", "事先告知"),
        QT_TRANSLATE_NOOP("Core", "陈述申辩"),
        QT_TRANSLATE_NOOP("Core", "申请听证"),
        QT_TRANSLATE_NOOP("Core", "听证"),
        QT_TRANSLATE_NOOP("Core", "作出决定"),
        QT_TRANSLATE_NOOP("Core", "送达"),
        QT_TRANSLATE_NOOP("Core", "结案"),
        # The case procedure (inspector/cases/, the case command): its steps, measures,
        # payments and deadlines, and the words its messages name.
        QT_TRANSLATE_NOOP("Core", "{what}的日期 {day} 晚于今天 {today}：只能记录已经发生的事"),
        QT_TRANSLATE_NOOP(
            "Core",
            "{what}的日期 {day} 早于检查日期 {visit}：案件的每一步都在发现问题之后",
        ),
        QT_TRANSLATE_NOOP("Core", "当事人类型“{kind}”无效，可选：org（机构）、person（个人）"),
        QT_TRANSLATE_NOOP("Core", "案件须来自已签名检查发现的问题（台账编号），或来自一条线索"),
        QT_TRANSLATE_NOOP("Core", "一个案件只能针对一家机构：所选问题来自多家机构"),
        QT_TRANSLATE_NOOP("Core", "请写明当事人（机构或个人）"),
        QT_TRANSLATE_NOOP("Core", "该问题已由更正记录取代，请在更正后的台账记录上立案"),
        QT_TRANSLATE_NOOP("Core", "只能就已签名检查发现的问题立案"),
        QT_TRANSLATE_NOOP("Core", "问题 {entry} 已在案件 {case} 中"),
        QT_TRANSLATE_NOOP("Core", "登记"),
        QT_TRANSLATE_NOOP("Core", "案件阶段“{stage}”无效"),
        QT_TRANSLATE_NOOP("Core", "执法证号 {cert_no} 不是本案承办人：只有承办人可以{step}"),
        QT_TRANSLATE_NOOP("Core", "请写明{what}"),
        QT_TRANSLATE_NOOP("Core", "请写明由哪位承办人（执法证号）{step}"),
        QT_TRANSLATE_NOOP("Core", "{role}不能是本案承办人（{rule}）"),
        QT_TRANSLATE_NOOP("Core", "送达方式“{value}”无效，可选：{allowed}"),
        QT_TRANSLATE_NOOP("Core", "电子送达须当事人同意并签订确认书（行政处罚法第六十一条）"),
        QT_TRANSLATE_NOOP("Core", "案件处于“{stage}”阶段，不能{step}：{rule}"),
        QT_TRANSLATE_NOOP("Core", "{step}的日期 {day} 早于案件登记日期 {opened}"),
        QT_TRANSLATE_NOOP(
            "Core",
            "{step}的日期 {day} 早于上一步“{last}”的日期 {last_day}：步骤须按先后顺序记录",
        ),
        QT_TRANSLATE_NOOP("Core", "批准立案的负责人"),
        QT_TRANSLATE_NOOP("Core", "立案须指定至少两名执法人员为承办人（行政处罚法第四十二条）"),
        QT_TRANSLATE_NOOP("Core", "批准立案的负责人不能是本案承办人"),
        QT_TRANSLATE_NOOP("Core", "请写明{step}的理由"),
        QT_TRANSLATE_NOOP("Core", "批准的负责人"),
        QT_TRANSLATE_NOOP("Core", "作出调查终结"),
        QT_TRANSLATE_NOOP("Core", "查明的违法事实"),
        QT_TRANSLATE_NOOP("Core", "法制审核人员"),
        QT_TRANSLATE_NOOP("Core", "法制审核须由非本案承办人进行"),
        QT_TRANSLATE_NOOP("Core", "审核意见"),
        QT_TRANSLATE_NOOP("Core", "设置 {key} 应为金额（分），现为“{value}”"),
        QT_TRANSLATE_NOOP("Core", "受送达人"),
        QT_TRANSLATE_NOOP("Core", "留置送达的见证人"),
        QT_TRANSLATE_NOOP("Core", "事先告知"),
        QT_TRANSLATE_NOOP("Core", "事先告知须写明拟作出的处罚：请先记录处罚措施（case measure）"),
        QT_TRANSLATE_NOOP("Core", "陈述申辩期限至少 1 个工作日"),
        QT_TRANSLATE_NOOP("Core", "记录陈述申辩"),
        QT_TRANSLATE_NOOP("Core", "陈述申辩的内容"),
        QT_TRANSLATE_NOOP("Core", "记录放弃陈述申辩"),
        QT_TRANSLATE_NOOP("Core", "放弃陈述申辩和听证须有当事人的书面声明"),
        QT_TRANSLATE_NOOP("Core", "记录听证申请"),
        QT_TRANSLATE_NOOP(
            "Core",
            "拟作出的处罚不属于听证范围（行政处罚法第六十三条），未告知听证权利",
        ),
        QT_TRANSLATE_NOOP(
            "Core",
            "申请听证的期限 {last} 已过（行政处罚法第六十四条：告知后五日内提出）",
        ),
        QT_TRANSLATE_NOOP("Core", "当事人已书面放弃听证"),
        QT_TRANSLATE_NOOP("Core", "当事人没有申请听证：听证须在申请之后（行政处罚法第六十四条）"),
        QT_TRANSLATE_NOOP("Core", "听证主持人"),
        QT_TRANSLATE_NOOP("Core", "行政处罚法第六十四条：由非本案调查人员主持"),
        QT_TRANSLATE_NOOP("Core", "听证情况"),
        QT_TRANSLATE_NOOP("Core", "作出决定的负责人"),
        QT_TRANSLATE_NOOP("Core", "作出决定的负责人不能是本案承办人"),
        QT_TRANSLATE_NOOP(
            "Core",
            "当事人申请了听证：须先举行听证再作出决定（行政处罚法第六十四条）",
        ),
        QT_TRANSLATE_NOOP(
            "Core",
            "办案期限已于 {last} 届满：须在期限内作出决定或经批准延期（行政处罚法第六十条）",
        ),
        QT_TRANSLATE_NOOP("Core", "送达"),
        QT_TRANSLATE_NOOP("Core", "记录执行情况"),
        QT_TRANSLATE_NOOP(
            "Core",
            "尚未缴清：{listed}。缴清后，或写明不能执行完毕的理由（如已申请人民法"
            "院强制执行）后才能记录执行",
        ),
        QT_TRANSLATE_NOOP("Core", "批准结案的负责人"),
        QT_TRANSLATE_NOOP("Core", "批准延期的负责人"),
        QT_TRANSLATE_NOOP("Core", "延期的理由"),
        QT_TRANSLATE_NOOP("Core", "延长的天数至少为 1 天"),
        QT_TRANSLATE_NOOP("Core", "办案期限已于 {last} 届满，不能事后延期"),
        QT_TRANSLATE_NOOP("Core", "经负责人批准可延长 {days} 天以内；更长须经负责人集体讨论决定"),
        QT_TRANSLATE_NOOP("Core", "再次延期须经负责人集体讨论决定（--collective）"),
        QT_TRANSLATE_NOOP(
            "Core",
            "执法证号 {cert_no} 不在本机的执法人员中：承办人须是持证执法人员",
        ),
        QT_TRANSLATE_NOOP("Core", "陈述申辩"),
        QT_TRANSLATE_NOOP("Core", "申请听证"),
        QT_TRANSLATE_NOOP(
            "Core",
            "{what}期限至 {last}：期满或当事人书面放弃后才能作出决定（行政处罚法第六十二条）",
        ),
        QT_TRANSLATE_NOOP("Core", "处理措施“{value}”无效，可选：{allowed}"),
        QT_TRANSLATE_NOOP(
            "Core",
            "裁量情形“{value}”无效，可选：lighter（从轻）、mitigated（减轻）、heavier（从重）",
        ),
        QT_TRANSLATE_NOOP(
            "Core",
            "罚款依据须为条例第三十八、三十九、四十或四十一条，现为“{article}”",
        ),
        QT_TRANSLATE_NOOP("Core", "条例第{article}条的罚款按{basis}的倍数计算：请写明{basis}"),
        QT_TRANSLATE_NOOP("Core", "条例第{article}条适用于{party}，本案当事人是{actual}"),
        QT_TRANSLATE_NOOP("Core", "{discretion}处罚须写明理由"),
        QT_TRANSLATE_NOOP(
            "Core",
            "罚款 {amount} 元高于条例第{article}条的上限 {high} 元（{text}）",
        ),
        QT_TRANSLATE_NOOP(
            "Core",
            "罚款 {amount} 元低于条例第{article}条的下限 {low} "
            "元（{text}）：低于下限须为减轻处罚并写明理由（行政处罚法第三十二条）",
        ),
        QT_TRANSLATE_NOOP("Core", "减轻处罚应低于法定下限 {low} 元；在幅度内请选从轻"),
        QT_TRANSLATE_NOOP("Core", "案件已结束（{stage}），不能再记录处理措施或缴款"),
        QT_TRANSLATE_NOOP("Core", "处罚措施的日期 {day} 早于立案日期 {filed}"),
        QT_TRANSLATE_NOOP("Core", "请写明撤回措施的理由"),
        QT_TRANSLATE_NOOP("Core", "请写明缴纳金额"),
        QT_TRANSLATE_NOOP(
            "Core",
            "处罚措施须在立案后、事先告知前拟定（案件处于“{stage}”阶段）：告知后"
            "不得增加或加重，须重新告知（行政处罚法第四十四条、第四十五条）",
        ),
        QT_TRANSLATE_NOOP("Core", "协议处理只适用于有定点协议的机构"),
        QT_TRANSLATE_NOOP("Core", "决定作出后不能撤回处罚措施"),
        QT_TRANSLATE_NOOP("Core", "该措施已撤回"),
        QT_TRANSLATE_NOOP("Core", "该措施已有缴款记录，不能撤回"),
        QT_TRANSLATE_NOOP("Core", "{what}没有金额，不能缴款"),
        QT_TRANSLATE_NOOP("Core", "该措施已撤回，不能缴款"),
        QT_TRANSLATE_NOOP("Core", "缴纳合计 {total} 元超过{what}金额 {owed} 元"),
        QT_TRANSLATE_NOOP("Core", "处理措施"),
        QT_TRANSLATE_NOOP("Core", "请写明{what}的金额"),
        QT_TRANSLATE_NOOP("Core", "{what}没有金额"),
        QT_TRANSLATE_NOOP("Core", "从轻、减轻、从重只适用于罚款"),
        QT_TRANSLATE_NOOP("Core", "{what}的依据须为条例第{articles}条"),
        QT_TRANSLATE_NOOP(
            "Core",
            "条例第{article}条规定{what} {low} 至 {high} 个月，现为 {months}",
        ),
        QT_TRANSLATE_NOOP("Core", "暂停医疗费用联网结算适用于个人（条例第四十一条）"),
        QT_TRANSLATE_NOOP("Core", "暂停医药服务适用于定点医药机构（条例第三十八、四十条）"),
        QT_TRANSLATE_NOOP("Core", "{what}须写明起止日期"),
        QT_TRANSLATE_NOOP("Core", "结束日期须晚于开始日期"),
        QT_TRANSLATE_NOOP("Core", "缴款"),
        QT_TRANSLATE_NOOP("Core", "处罚决定作出前不能记录缴款（案件尚未决定）"),
        QT_TRANSLATE_NOOP("Core", "缴款日期 {day} 早于决定日期 {decided}"),
        QT_TRANSLATE_NOOP("Core", "追回日期 {day} 早于拒付/追回决定日期 {taken}"),
        QT_TRANSLATE_NOOP("Core", "设置 {key} 应在 1 至 60 天之间，现为 {value}"),
        QT_TRANSLATE_NOOP("Core", "设置 {key} 应为天数（整数），现为“{value}”"),
        QT_TRANSLATE_NOOP("Core", "案件导出文件的扩展名应为 .xlsx"),
        QT_TRANSLATE_NOOP("Core", "待立案"),
        QT_TRANSLATE_NOOP("Core", "已立案（调查取证）"),
        QT_TRANSLATE_NOOP("Core", "调查终结"),
        QT_TRANSLATE_NOOP("Core", "已法制审核"),
        QT_TRANSLATE_NOOP("Core", "已事先告知"),
        QT_TRANSLATE_NOOP("Core", "陈述申辩/听证"),
        QT_TRANSLATE_NOOP("Core", "已决定"),
        QT_TRANSLATE_NOOP("Core", "已送达"),
        QT_TRANSLATE_NOOP("Core", "已执行"),
        QT_TRANSLATE_NOOP("Core", "已结案"),
        QT_TRANSLATE_NOOP("Core", "不予立案"),
        QT_TRANSLATE_NOOP("Core", "已撤销"),
        QT_TRANSLATE_NOOP("Core", "已终止"),
        QT_TRANSLATE_NOOP("Core", "立案"),
        QT_TRANSLATE_NOOP("Core", "案件审核（法制审核）"),
        QT_TRANSLATE_NOOP("Core", "书面放弃陈述申辩和听证"),
        QT_TRANSLATE_NOOP("Core", "听证"),
        QT_TRANSLATE_NOOP("Core", "作出决定"),
        QT_TRANSLATE_NOOP("Core", "执行"),
        QT_TRANSLATE_NOOP("Core", "结案"),
        QT_TRANSLATE_NOOP("Core", "撤销立案"),
        QT_TRANSLATE_NOOP("Core", "终止调查"),
        QT_TRANSLATE_NOOP("Core", "延长办案期限"),
        QT_TRANSLATE_NOOP("Core", "承办人"),
        QT_TRANSLATE_NOOP("Core", "负责人"),
        QT_TRANSLATE_NOOP("Core", "送达人"),
        QT_TRANSLATE_NOOP("Core", "见证人"),
        QT_TRANSLATE_NOOP("Core", "直接送达"),
        QT_TRANSLATE_NOOP("Core", "留置送达"),
        QT_TRANSLATE_NOOP("Core", "邮寄送达"),
        QT_TRANSLATE_NOOP("Core", "电子送达"),
        QT_TRANSLATE_NOOP("Core", "公告送达"),
        QT_TRANSLATE_NOOP("Core", "责令退回"),
        QT_TRANSLATE_NOOP("Core", "罚款"),
        QT_TRANSLATE_NOOP("Core", "没收违法所得"),
        QT_TRANSLATE_NOOP("Core", "暂停相关责任部门医药服务"),
        QT_TRANSLATE_NOOP("Core", "暂停医疗费用联网结算"),
        QT_TRANSLATE_NOOP("Core", "约谈"),
        QT_TRANSLATE_NOOP("Core", "拒付/追回"),
        QT_TRANSLATE_NOOP("Core", "暂停结算"),
        QT_TRANSLATE_NOOP("Core", "中止协议"),
        QT_TRANSLATE_NOOP("Core", "解除协议"),
        QT_TRANSLATE_NOOP("Core", "从轻"),
        QT_TRANSLATE_NOOP("Core", "减轻"),
        QT_TRANSLATE_NOOP("Core", "定点医药机构"),
        QT_TRANSLATE_NOOP("Core", "立案须针对登记的案源，每个案件只立案一次"),
        QT_TRANSLATE_NOOP("Core", "不予立案只能针对尚未立案的案源"),
        QT_TRANSLATE_NOOP("Core", "调查终结须在立案之后"),
        QT_TRANSLATE_NOOP("Core", "法制审核须在调查终结之后、作出决定之前（行政处罚法第五十八条）"),
        QT_TRANSLATE_NOOP(
            "Core",
            "事先告知须在法制审核通过之后：告知的是经审核的事实、理由、依据和拟作出的处罚",
        ),
        QT_TRANSLATE_NOOP("Core", "陈述申辩须在事先告知之后、作出决定之前"),
        QT_TRANSLATE_NOOP("Core", "放弃陈述申辩须在事先告知之后、作出决定之前"),
        QT_TRANSLATE_NOOP("Core", "申请听证须在事先告知之后（行政处罚法第六十四条）"),
        QT_TRANSLATE_NOOP("Core", "听证须在当事人申请听证之后（行政处罚法第六十四条）"),
        QT_TRANSLATE_NOOP(
            "Core",
            "作出决定前须事先告知当事人并听取陈述申辩（行政处罚法第四十四条、第六十二条）",
        ),
        QT_TRANSLATE_NOOP("Core", "送达须在作出决定之后"),
        QT_TRANSLATE_NOOP("Core", "执行须在决定书送达之后"),
        QT_TRANSLATE_NOOP("Core", "结案须在执行完毕（或记录不能执行的理由）之后"),
        QT_TRANSLATE_NOOP("Core", "撤销立案只能针对已立案、尚未决定的案件"),
        QT_TRANSLATE_NOOP("Core", "终止调查只能针对已立案、尚未决定的案件"),
        QT_TRANSLATE_NOOP("Core", "只有已立案、尚未决定的案件可以延长办案期限"),
        QT_TRANSLATE_NOOP("Core", "造成损失金额"),
        QT_TRANSLATE_NOOP("Core", "1倍以上2倍以下"),
        QT_TRANSLATE_NOOP("Core", "1万元以上5万元以下"),
        QT_TRANSLATE_NOOP("Core", "骗取金额"),
        QT_TRANSLATE_NOOP("Core", "2倍以上5倍以下"),
        QT_TRANSLATE_NOOP(
            "Core",
            "行政处罚须按案件程序办理（立案、告知、陈述申辩、决定）：请用 case op"
            "en {entry} 登记案件",
        ),
        QT_TRANSLATE_NOOP("Core", "案件"),
        # Compulsory measures (封存, 先行登记保存) and referrals (移送): inspector/enforcement/
        # and the referral bundle (inspector/bundle/referral.py, merge.py).
        QT_TRANSLATE_NOOP(
            "Core", "措施种类“{value}”无效，可选：seal（封存）、preserve（先行登记保存）"
        ),
        QT_TRANSLATE_NOOP("Core", "处理决定“{value}”无效，可选：{allowed}"),
        QT_TRANSLATE_NOOP("Core", "{what}（{day}）不能晚于今天"),
        QT_TRANSLATE_NOOP("Core", "{what}（{day}）早于{before}（{earlier}）"),
        QT_TRANSLATE_NOOP("Core", "请填写{what}"),
        QT_TRANSLATE_NOOP("Core", "{what}最多 {limit} 个字"),
        QT_TRANSLATE_NOOP("Core", "强制措施应由两名以上执法人员实施（行政强制法第十八条）"),
        QT_TRANSLATE_NOOP(
            "Core", "请列出措施所涉的资料或物品（清单不能为空，行政强制法第二十四条）"
        ),
        QT_TRANSLATE_NOOP("Core", "案件 {case} 的当事人是{party}，不是这次检查的被检查单位"),
        QT_TRANSLATE_NOOP("Core", "当事人拒绝签名时不填写当事人签名人"),
        QT_TRANSLATE_NOOP("Core", "请填写在清单上签名的当事人（或注明当事人拒绝签名）"),
        QT_TRANSLATE_NOOP("Core", "当事人拒绝签名的，应注明并由见证人签名（行政强制法第十八条）"),
        QT_TRANSLATE_NOOP("Core", "封存延长期限不得超过三十日（行政强制法第二十五条）"),
        QT_TRANSLATE_NOOP(
            "Core", "封存期限内应作出解除或没收等处理决定（行政强制法第二十七条），不能“{outcome}”"
        ),
        QT_TRANSLATE_NOOP("Core", "转为封存的，请填写封存决定书文号"),
        QT_TRANSLATE_NOOP("Core", "{kind}没有“{document}”"),
        QT_TRANSLATE_NOOP("Core", "文书种类“{value}”无效，可选：{allowed}"),
        QT_TRANSLATE_NOOP("Core", "封存清单第 {position} 项已在措施 {decision} 之下，尚未解除"),
        QT_TRANSLATE_NOOP("Core", "该措施的清单已经签名"),
        QT_TRANSLATE_NOOP(
            "Core", "先行登记保存不能延长，应在七个工作日内作出处理决定（行政处罚法第五十六条）"
        ),
        QT_TRANSLATE_NOOP("Core", "该措施已于 {day} 结束，不能延长"),
        QT_TRANSLATE_NOOP("Core", "封存期限只能延长一次（行政强制法第二十五条），已于 {day} 延长"),
        QT_TRANSLATE_NOOP(
            "Core", "封存期限已于 {day} 届满，不能再延长，应当解除封存（行政强制法第二十八条）"
        ),
        QT_TRANSLATE_NOOP("Core", "该措施已于 {day} 结束（{outcome}）"),
        QT_TRANSLATE_NOOP("Core", "该封存未延长期限"),
        QT_TRANSLATE_NOOP("Core", "该措施尚未解除或作出处理决定"),
        QT_TRANSLATE_NOOP("Core", "移送部门“{value}”无效，可选：{allowed}"),
        QT_TRANSLATE_NOOP("Core", "移送证据包至少要包含一项检查"),
        QT_TRANSLATE_NOOP("Core", "一次移送只针对一个被检查单位的案件"),
        QT_TRANSLATE_NOOP("Core", "该案已移送{department}（{number}），未退回前不能重复移送"),
        QT_TRANSLATE_NOOP("Core", "该移送已于 {day} 退回"),
        QT_TRANSLATE_NOOP("Core", "该移送已于 {day} 签收"),
        QT_TRANSLATE_NOOP("Core", "请先登记接收单位的签收，再登记反馈"),
        QT_TRANSLATE_NOOP("Core", "定点机构名册中没有编号为 {id} 的机构"),
        QT_TRANSLATE_NOOP("Core", "{sender} 的来文 {number} 已经登记过"),
        QT_TRANSLATE_NOOP("Core", "检查 {inspection} 不属于案件 {case}"),
        QT_TRANSLATE_NOOP(
            "Core", "这是移送证据包（移送书 {number}），只供接收单位核验，不能导入：本机数据未改变"
        ),
        QT_TRANSLATE_NOOP("Core", "该文书已由执法证号 {cert_no} 签名"),
        QT_TRANSLATE_NOOP(
            "Core",
            "该文书由实施措施或承办案件的执法人员（{allowed}）签名：该密钥的执法证号 {cert_no} 不在其中",
        ),
        QT_TRANSLATE_NOOP(
            "Core", "文书文件 {name} 不是生成时的文件：已被替换或改动，拒绝签名；请重新生成"
        ),
        # Words filled into those messages (Terms).
        QT_TRANSLATE_NOOP("Core", "强制措施"),
        QT_TRANSLATE_NOOP("Core", "文书"),
        QT_TRANSLATE_NOOP("Core", "移送"),
        QT_TRANSLATE_NOOP("Core", "接收的移送案件"),
        QT_TRANSLATE_NOOP("Core", "决定日期"),
        QT_TRANSLATE_NOOP("Core", "现场检查日期"),
        QT_TRANSLATE_NOOP("Core", "清单签名日期"),
        QT_TRANSLATE_NOOP("Core", "措施决定日期"),
        QT_TRANSLATE_NOOP("Core", "延长决定日期"),
        QT_TRANSLATE_NOOP("Core", "封存决定日期"),
        QT_TRANSLATE_NOOP("Core", "解除或处理日期"),
        QT_TRANSLATE_NOOP("Core", "移送日期"),
        QT_TRANSLATE_NOOP("Core", "签收日期"),
        QT_TRANSLATE_NOOP("Core", "反馈日期"),
        QT_TRANSLATE_NOOP("Core", "退回日期"),
        QT_TRANSLATE_NOOP("Core", "收到日期"),
        QT_TRANSLATE_NOOP("Core", "决定书文号"),
        QT_TRANSLATE_NOOP("Core", "采取措施的理由"),
        QT_TRANSLATE_NOOP("Core", "批准的行政机关负责人"),
        QT_TRANSLATE_NOOP("Core", "物品名称和描述"),
        QT_TRANSLATE_NOOP("Core", "数量单位"),
        QT_TRANSLATE_NOOP("Core", "延长理由"),
        QT_TRANSLATE_NOOP("Core", "批准延长的行政机关负责人"),
        QT_TRANSLATE_NOOP("Core", "延长决定文号"),
        QT_TRANSLATE_NOOP("Core", "解除或处理的理由"),
        QT_TRANSLATE_NOOP("Core", "解除或处理决定文号"),
        QT_TRANSLATE_NOOP("Core", "接收单位"),
        QT_TRANSLATE_NOOP("Core", "移送书文号"),
        QT_TRANSLATE_NOOP("Core", "涉嫌违法的事实"),
        QT_TRANSLATE_NOOP("Core", "签收人"),
        QT_TRANSLATE_NOOP("Core", "反馈内容"),
        QT_TRANSLATE_NOOP("Core", "退回理由"),
        QT_TRANSLATE_NOOP("Core", "移送单位"),
        QT_TRANSLATE_NOOP("Core", "来文文号"),
        QT_TRANSLATE_NOOP("Core", "涉及的机构或人员"),
        QT_TRANSLATE_NOOP("Core", "案情摘要"),
        QT_TRANSLATE_NOOP("Core", "封存"),
        QT_TRANSLATE_NOOP("Core", "先行登记保存"),
        QT_TRANSLATE_NOOP("Core", "解除"),
        QT_TRANSLATE_NOOP("Core", "转为封存"),
        QT_TRANSLATE_NOOP("Core", "依法没收"),
        QT_TRANSLATE_NOOP("Core", "送检验鉴定"),
        QT_TRANSLATE_NOOP("Core", "移交有关部门"),
        QT_TRANSLATE_NOOP("Core", "公安机关"),
        QT_TRANSLATE_NOOP("Core", "纪检监察机关"),
        QT_TRANSLATE_NOOP("Core", "卫生健康部门"),
        QT_TRANSLATE_NOOP("Core", "市场监督管理部门"),
        QT_TRANSLATE_NOOP("Core", "药品监督管理部门"),
        QT_TRANSLATE_NOOP("Core", "决定书"),
        QT_TRANSLATE_NOOP("Core", "清单"),
        QT_TRANSLATE_NOOP("Core", "延长期限通知书"),
        QT_TRANSLATE_NOOP("Core", "解除或处理决定书"),
        # The 追溯码 sweep on site (inspector/trace/): a code refused, and why (the reasons are
        # shown in the scan window through this list too), the purchase import, the finding.
        QT_TRANSLATE_NOOP("Core", "“{text}”不是药品追溯码：{reason}"),
        QT_TRANSLATE_NOOP("Core", "空白"),
        QT_TRANSLATE_NOOP("Core", "这是商品条码（69 开头 13 位），不是药品追溯码"),
        QT_TRANSLATE_NOOP("Core", "两个追溯码连在一起（40 位）：请逐个扫描"),
        QT_TRANSLATE_NOOP("Core", "位数不对：{n} 位，药品追溯码为 20 位数字"),
        QT_TRANSLATE_NOOP("Core", "含有数字以外的字符，药品追溯码为 20 位数字"),
        QT_TRANSLATE_NOOP("Core", "{name} 超过 {limit} 行，不像是购进记录"),
        QT_TRANSLATE_NOOP("Core", "{name} 的追溯码超过 {limit} 个"),
        QT_TRANSLATE_NOOP("Core", "{name} 中没有追溯码"),
        QT_TRANSLATE_NOOP("Core", "{name} 已经导入过（内容相同）"),
        QT_TRANSLATE_NOOP("Core", "一次最多记录 {limit} 个追溯码"),
        QT_TRANSLATE_NOOP("Core", "本次检查还没有扫描追溯码"),
        QT_TRANSLATE_NOOP("Core", "扫码记录未能存为证据：{error}"),
        # Leads to verify on site, the reporter sealed to the office (inspector/leads/,
        # inspector/crypto/sealed.py) and the flagged-first claims sample.
        QT_TRANSLATE_NOOP("Core", "没有编号为 {text} 的线索"),
        QT_TRANSLATE_NOOP("Core", "核查结论“{value}”无效，可选：{allowed}"),
        QT_TRANSLATE_NOOP("Core", "线索来源“{value}”无效，可选：{allowed}"),
        QT_TRANSLATE_NOOP(
            "Core", "举报人信息只能密封给办公室保存：请先登记办公室公钥（lead office-key PEM）"
        ),
        QT_TRANSLATE_NOOP("Core", "办理时限不能为负数"),
        QT_TRANSLATE_NOOP("Core", "按工作日计算办理期限需要交办日期或受理日期"),
        QT_TRANSLATE_NOOP("Core", "请填写线索涉及的机构"),
        QT_TRANSLATE_NOOP("Core", "请填写线索内容"),
        QT_TRANSLATE_NOOP("Core", "线索编号过长（最多 64 个字符）"),
        QT_TRANSLATE_NOOP("Core", "{name} 有 {count} 行无法导入，未导入任何线索：{rows}"),
        QT_TRANSLATE_NOOP("Core", "交办需写明交办人和承办人"),
        QT_TRANSLATE_NOOP("Core", "请指定要核查的线索"),
        QT_TRANSLATE_NOOP("Core", "核查属实或部分属实时请写明查实的问题"),
        QT_TRANSLATE_NOOP("Core", "线索编号 {number} 已登记"),
        QT_TRANSLATE_NOOP("Core", "编号 {text} 对应多条线索，请多写几位"),
        QT_TRANSLATE_NOOP("Core", "线索 {number} 已交给另一项未签字的检查 {inspection} 核查"),
        QT_TRANSLATE_NOOP("Core", "线索 {number} 未交给本次检查核查：请先把它加入本次检查"),
        QT_TRANSLATE_NOOP("Core", "反馈文件的扩展名应为 .xlsx"),
        QT_TRANSLATE_NOOP("Core", "办公室公钥必须是至少 2048 位的 RSA 公钥"),
        QT_TRANSLATE_NOOP("Core", "办公室私钥必须是 RSA 私钥"),
        QT_TRANSLATE_NOOP("Core", "无法读取办公室公钥：需要 PEM 格式的 RSA 公钥或证书"),
        QT_TRANSLATE_NOOP("Core", "密封数据已损坏"),
        QT_TRANSLATE_NOOP("Core", "无法读取办公室私钥（PEM），或口令不对"),
        QT_TRANSLATE_NOOP("Core", "该数据不是用这把办公室密钥密封的"),
        QT_TRANSLATE_NOOP("Core", "{name} 的行数超过 {limit}，不像是线索清单"),
        QT_TRANSLATE_NOOP("Core", "{name} 的行数超过 {limit}，不像是疑点结算单号清单"),
        QT_TRANSLATE_NOOP("Core", "本次检查还没有规则命中：请先导入费用明细并运行规则"),
        QT_TRANSLATE_NOOP("Core", "本次检查还没有运行规则：请先导入费用明细并运行规则"),
        QT_TRANSLATE_NOOP("Core", "线索 {number} 没有举报人信息"),
        QT_TRANSLATE_NOOP("Core", "来文 {number} 已登记为线索"),
        # Campaigns (专项行动): made at the office, installed and shown on laptops
        # (inspector/campaigns/, inspector/central/campaigns.py, office_signer.py).
        QT_TRANSLATE_NOOP("Core", "只能制定本区县（{district}）的专项行动"),
        QT_TRANSLATE_NOOP("Core", "只能结束本区县（{district}）的专项行动"),
        QT_TRANSLATE_NOOP("Core", "请填写专项行动的名称"),
        QT_TRANSLATE_NOOP("Core", "专项行动的名称过长（最多 {limit} 个字）"),
        QT_TRANSLATE_NOOP("Core", "文号过长（最多 {limit} 个字）"),
        QT_TRANSLATE_NOOP("Core", "专项行动至少需要一个阶段（名称和起止日期）"),
        QT_TRANSLATE_NOOP("Core", "阶段过多（最多 {limit} 个）"),
        QT_TRANSLATE_NOOP("Core", "请选择专项行动涉及的机构类型"),
        QT_TRANSLATE_NOOP("Core", "请选择专项行动涉及的区县"),
        QT_TRANSLATE_NOOP("Core", "报送期限过多（最多 {limit} 个）"),
        QT_TRANSLATE_NOOP("Core", "专项行动的状态无效：{status}"),
        QT_TRANSLATE_NOOP("Core", "{what}的日期 {day} 不在合理的年份内"),
        QT_TRANSLATE_NOOP("Core", "{what}不是有效的日期：{text}（请写作 2026-06-20）"),
        QT_TRANSLATE_NOOP("Core", "{what}应为整数：{text}"),
        QT_TRANSLATE_NOOP("Core", "第 {n} 个阶段没有名称"),
        QT_TRANSLATE_NOOP("Core", "阶段“{name}”重复"),
        QT_TRANSLATE_NOOP("Core", "阶段“{name}”的结束日期 {end} 早于开始日期 {start}"),
        QT_TRANSLATE_NOOP(
            "Core", "阶段“{name}”的开始日期 {start} 早于上一阶段“{previous}”的结束日期 {end}"
        ),
        QT_TRANSLATE_NOOP("Core", "不认识的机构类型：{code}"),
        QT_TRANSLATE_NOOP("Core", "不认识的区县：{district}（已知：{known}）"),
        QT_TRANSLATE_NOOP("Core", "没有这个专项清单包：{pack}"),
        QT_TRANSLATE_NOOP("Core", "不认识的报送表式：{form}"),
        QT_TRANSLATE_NOOP("Core", "{title}的报送期限 {due} 早于专项行动开始的日期 {start}"),
        QT_TRANSLATE_NOOP("Core", "{title} {due} 重复"),
        QT_TRANSLATE_NOOP("Core", "回头看的间隔应为 1 至 24 个月"),
        QT_TRANSLATE_NOOP("Core", "回头看的次数应为 1 至 {limit} 次"),
        QT_TRANSLATE_NOOP("Core", "第一次回头看 {first} 早于专项行动开始的日期 {start}"),
        QT_TRANSLATE_NOOP("Core", "专项行动的数据格式无效：{problem}"),
        QT_TRANSLATE_NOOP(
            "Core", "本机没有这个专项行动：{id}（专项行动由局端制定，sync pull 后可见）"
        ),
        QT_TRANSLATE_NOOP("Core", "专项行动“{name}”已结束，不能再归入新的检查"),
        QT_TRANSLATE_NOOP("Core", "机构类型 {type} 不在专项行动“{name}”的范围内"),
        QT_TRANSLATE_NOOP("Core", "区县 {district} 不在专项行动“{name}”的范围内"),
        QT_TRANSLATE_NOOP("Core", "专项行动发布包的格式无效：{problem}"),
        QT_TRANSLATE_NOOP("Core", "没有这个专项行动：{id}"),
        QT_TRANSLATE_NOOP("Core", "编号 {id} 对应多个专项行动，请写全"),
        QT_TRANSLATE_NOOP("Core", "已有同名的进行中专项行动：{name}"),
        QT_TRANSLATE_NOOP("Core", "专项行动“{name}”已经结束"),
        QT_TRANSLATE_NOOP(
            "Core",
            "服务未配置本局签名密钥，无法发布到笔记本：请以 server --p12 密钥文件 --passphrase-file 口令文件 启动服务",
        ),
        QT_TRANSLATE_NOOP("Core", "本局签名证书不在有效期内（{start} 至 {end}）"),
        QT_TRANSLATE_NOOP("Core", "无法读取本局签名密钥文件：{problem}"),
        # The office assigns (inspector/central/assignments.py, pull_assignments.py).
        QT_TRANSLATE_NOOP("Core", "{what}应为整数：{value}"),
        QT_TRANSLATE_NOOP("Core", "局端尚未发布机构名录（server publish registry）"),
        QT_TRANSLATE_NOOP("Core", "局端尚未发布检查人员名录（server publish roster）"),
        QT_TRANSLATE_NOOP("Core", "办理时限至少 1 个工作日"),
        QT_TRANSLATE_NOOP("Core", "请指定承办的检查人员（执法证号，组长在前）"),
        QT_TRANSLATE_NOOP("Core", "{name} 有 {count} 行无法导入，未交办任何线索：{rows}"),
        QT_TRANSLATE_NOOP("Core", "局端没有编号为 {draw_id} 的抽查"),
        QT_TRANSLATE_NOOP("Core", "检查人员名录中没有执法证号 {cert_no}"),
        QT_TRANSLATE_NOOP("Core", "没有待交办的线索 {number}"),
        QT_TRANSLATE_NOOP("Core", "没有编号为 {assignment} 的未撤回任务"),
        QT_TRANSLATE_NOOP("Core", "下发的任务包不是发给本机的，未安装"),
        QT_TRANSLATE_NOOP("Core", "下发的抽查记录与其公开输入不符，未安装"),
        QT_TRANSLATE_NOOP(
            "Core", "下发的任务包的签名者不在本机信任列表中（不是本局签发的），未安装"
        ),
        QT_TRANSLATE_NOOP("Core", "下发的任务包格式无效，未安装"),
        QT_TRANSLATE_NOOP("Core", "服务器下发的任务包无法读取"),
        QT_TRANSLATE_NOOP("Core", "下发的任务包签名无效，未安装：{problem}"),
        # The 情况报告 over every laptop (inspector/central/reports.py).
        QT_TRANSLATE_NOOP("Core", "请给出{what}（YYYY-MM-DD）"),
        QT_TRANSLATE_NOOP("Core", "{what}“{text}”应写成 YYYY-MM-DD"),
        QT_TRANSLATE_NOOP("Core", "本用户只能查看{area}的情况报告，不能查看{district}的"),
        QT_TRANSLATE_NOOP(
            "Core",
            "不知道报告的发文单位：请发布执法主体（server publish bureaus），"
            "或在服务器上设置 {env}，或用 --bureau 指定",
        ),
        # The case procedure travels (inspector/bundle/cases.py, inspector/central/cases.py).
        QT_TRANSLATE_NOOP("Core", "交接包缺少案件文书 {title} 的文件：{name}"),
        QT_TRANSLATE_NOOP(
            "Core",
            "交接包中案件文书 {title} 的文件不是该文书保存时的文件（SHA-256 不符，文件被替换或改动）：{name}",
        ),
        QT_TRANSLATE_NOOP(
            "Core",
            "案件文书 {document}（{title}）已有签名，交接包中它的版本不是本机版本之后的签名版本（{why}）：已拒绝导入，本机数据未改变",
        ),
        QT_TRANSLATE_NOOP(
            "Core",
            "交接包中的{what} {id} 与给它盖章的操作（设备 {device} 第 {seq} 条）不符（{why}）：已拒绝导入，本机数据未改变",
        ),
        QT_TRANSLATE_NOOP(
            "Core",
            "推送中的{what} {id} 与给它盖章的操作（设备 {device} 第 {seq} 条）不符（{why}）：已拒绝，服务器数据未改变",
        ),
        QT_TRANSLATE_NOOP(
            "Core",
            "案件文书 {document}（{title}）在服务器上已有签名，推送中它的版本不是其后的签名版本（{why}）：已拒绝，服务器数据未改变",
        ),
        QT_TRANSLATE_NOOP("Core", "案件"),
        QT_TRANSLATE_NOOP("Core", "案件步骤"),
        QT_TRANSLATE_NOOP("Core", "案件处理措施"),
        QT_TRANSLATE_NOOP("Core", "案件缴款"),
        QT_TRANSLATE_NOOP("Core", "案件文书"),
        QT_TRANSLATE_NOOP("Core", "没有改动标记"),
        QT_TRANSLATE_NOOP("Core", "操作记录中没有给它盖章的那一条"),
        QT_TRANSLATE_NOOP("Core", "与给它盖章的操作所存的状态不符，被改过"),
        QT_TRANSLATE_NOOP("Core", "给它盖章的操作记的是另一条数据"),
        QT_TRANSLATE_NOOP("Core", "文书的内容变了"),
        QT_TRANSLATE_NOOP("Core", "签名不是在已有签名之后增加的"),
        QT_TRANSLATE_NOOP("Core", "文书文件被替换"),
        # Records that last (PAdES B-LTA): inspector/signing/archive.py, inspector/central/archive.py
        QT_TRANSLATE_NOOP("Core", "文件验证未通过，不能归档：{reasons}"),
        QT_TRANSLATE_NOOP("Core", "签名者证书不能追溯到医保局 CA（信任列表），不能归档"),
        QT_TRANSLATE_NOOP("Core", "签名者证书不能追溯到医保局 CA（信任列表），不能归档：{error}"),
        QT_TRANSLATE_NOOP(
            "Core", "证书验证失败（已吊销、已过期或取不到吊销信息），不能归档：{error}"
        ),
        QT_TRANSLATE_NOOP("Core", "无法连接时间戳服务或吊销信息服务（{url}）：{error}"),
        QT_TRANSLATE_NOOP("Core", "归档失败：{error}"),
        QT_TRANSLATE_NOOP("Core", "内部错误：归档后原文件内容不再是新文件的开头"),
        QT_TRANSLATE_NOOP("Core", "文件已经归档（有文档时间戳）：请用年度续签时间戳延续"),
        QT_TRANSLATE_NOOP("Core", "文件还没有归档（没有文档时间戳）：请先归档"),
        QT_TRANSLATE_NOOP("Core", "无法读取 PDF（文件可能不完整或已损坏）：{error}"),
        QT_TRANSLATE_NOOP("Core", "验证时间“{text}”应写成 YYYY-MM-DD 或 YYYY-MM-DDTHH:MM"),
        QT_TRANSLATE_NOOP("Core", "无法读取归档用的 CA 证书文件 {path}：{error}"),
        QT_TRANSLATE_NOOP("Core", "配置了时间戳服务，但没有给出医保局 CA 证书（--archive-roots）"),
        QT_TRANSLATE_NOOP("Core", "没有配置时间戳服务（--tsa-url 或 {env}），不能归档"),
        QT_TRANSLATE_NOOP("Core", "没有配置时间戳服务（--tsa-url 或 {env}），不能续签时间戳"),
        QT_TRANSLATE_NOOP("Core", "天数应大于 0"),
        QT_TRANSLATE_NOOP("Core", "这份记录还没有归档版本：{id}"),
        QT_TRANSLATE_NOOP("Core", "请填写已推送线索的编号，或粘贴线索文件的内容，二者选一"),
        # a campaign run through the office's assignments (draw within a campaign, 已报送)
        QT_TRANSLATE_NOOP("Core", "{name}（{district}）不在专项行动“{campaign}”的范围内"),
        QT_TRANSLATE_NOOP("Core", "只能标记本区县（{district}）的专项行动"),
        QT_TRANSLATE_NOOP("Core", "专项行动“{name}”没有 {due} 到期的{title}"),
        QT_TRANSLATE_NOOP("Core", "{title}（{due}）已于 {on} 标记为已报送"),
        QT_TRANSLATE_NOOP("Core", "专项行动“{name}”已结束，不能在其中抽查"),
        QT_TRANSLATE_NOOP("Core", "下发的任务无法安装（{problem}），未安装"),
        QT_TRANSLATE_NOOP("Core", "报送日期 {on} 晚于今日 {today}"),
        # Records that last for every signed PDF (orders, enforcement and case documents):
        # inspector/central/archive.py (central archived by a document's id)
        QT_TRANSLATE_NOOP("Core", "文书编号至少 4 个字符：{id}"),
        QT_TRANSLATE_NOOP("Core", "文书编号 {id} 不唯一，请多写几位"),
        # 回头看 marked 已完成 at the office (inspector/central/campaigns.py)
        QT_TRANSLATE_NOOP("Core", "完成日期 {on} 晚于今日 {today}"),
        QT_TRANSLATE_NOOP("Core", "专项行动“{name}”没有 {due} 的回头看"),
        QT_TRANSLATE_NOOP("Core", "回头看（{due}）已于 {on} 标记为已完成"),
        # A campaign's reports on the server (inspector/central/campaign_reports.py).
        QT_TRANSLATE_NOOP("Core", "专项行动“{name}”不涉及{district}"),
        QT_TRANSLATE_NOOP("Core", "报告期不在专项行动“{name}”的期间（{start} 至 {end}）内"),
        QT_TRANSLATE_NOOP("Core", "专项行动“{name}”不涉及机构类型 {type}"),
        QT_TRANSLATE_NOOP("Core", "{due} 之前专项行动“{name}”还没有结束的季度"),
        QT_TRANSLATE_NOOP("Core", "{due} 之前专项行动“{name}”还没有开始"),
        QT_TRANSLATE_NOOP("Core", "不认识的报告表式：{form}"),
    )
)


def _value(value: object) -> object:
    if isinstance(value, BaseException):
        return core_message(value)
    if isinstance(value, Term):
        return QCoreApplication.translate("Core", value)
    return value


def core_message(error: BaseException) -> str:
    """The error's message in the UI's language."""
    template = getattr(error, "template", None)
    values = getattr(error, "values", None) or {}
    if not isinstance(template, str) or template not in CORE_MESSAGES:
        return str(error)
    text = QCoreApplication.translate("Core", template)
    # A value that is itself a core error (the cause named in a message) is translated too.
    # So is a word marked for it (inspector.errors.Term: what an id names, say).
    shown = {k: _value(v) for k, v in values.items()}
    try:
        return text.format(**shown) if values else text
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder
        return str(error)
