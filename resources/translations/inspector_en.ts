<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AnnotationCanvas</name>
    <message>
        <location filename="../../ui/evidence/annotate.py" line="84"/>
        <source>文字标注</source>
        <translation>Text label</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/annotate.py" line="84"/>
        <source>文字：</source>
        <translation>Text:</translation>
    </message>
</context>
<context>
    <name>AnnotationEditor</name>
    <message>
        <location filename="../../ui/evidence/annotate.py" line="183"/>
        <source>标注（保存为副本，原件不变）</source>
        <translation>Annotate (saved as a copy; the original is unchanged)</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/annotate.py" line="194"/>
        <source>箭头</source>
        <translation>Arrow</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/annotate.py" line="194"/>
        <source>圆圈</source>
        <translation>Circle</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/annotate.py" line="194"/>
        <source>文字</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/annotate.py" line="204"/>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/annotate.py" line="208"/>
        <source>保存为标注副本</source>
        <translation>Save annotated copy</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/annotate.py" line="211"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/annotate.py" line="215"/>
        <source>拖动画箭头或圆圈；选“文字”后点击图片写字。</source>
        <translation>Drag to draw an arrow or a circle; choose “Text”, then click the picture to write.</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/annotate.py" line="246"/>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/annotate.py" line="254"/>
        <source>已保存标注副本</source>
        <translation>Annotated copy saved</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/annotate.py" line="259"/>
        <source>保存失败：%1</source>
        <translation>Not saved: %1</translation>
    </message>
</context>
<context>
    <name>CameraDialog</name>
    <message>
        <location filename="../../ui/evidence/camera.py" line="49"/>
        <source>摄像头不可用：多媒体组件无法加载（%1）</source>
        <translation>Camera unavailable: the multimedia components could not be loaded (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/camera.py" line="54"/>
        <source>未检测到摄像头。可用手机或相机拍照后，导入照片或存储卡文件夹。</source>
        <translation>No camera found. Take photos with a phone or camera, then add the photos or the memory card&apos;s folder.</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/camera.py" line="69"/>
        <source>拍照取证</source>
        <translation>Take photos as evidence</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/camera.py" line="91"/>
        <source>拍照</source>
        <translation>Take photo</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/camera.py" line="95"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/camera.py" line="99"/>
        <source>摄像头：</source>
        <translation>Camera:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/camera.py" line="127"/>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/evidence/camera.py" line="130"/>
        <source>已拍摄 %n 张</source>
        <translation>
            <numerusform>%n photo taken</numerusform>
            <numerusform>%n photos taken</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/evidence/camera.py" line="134"/>
        <source>拍照失败：%1</source>
        <translation>Photo failed: %1</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/camera.py" line="150"/>
        <source>用电脑摄像头拍照取证</source>
        <translation>Take photos as evidence with the laptop&apos;s camera</translation>
    </message>
</context>
<context>
    <name>ChecklistPage</name>
    <message>
        <location filename="../../ui/checklist_page.py" line="167"/>
        <source>← 返回</source>
        <translation>← Back</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_page.py" line="189"/>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_page.py" line="195"/>
        <location filename="../../ui/checklist_page.py" line="376"/>
        <location filename="../../ui/checklist_page.py" line="644"/>
        <source>完成现场检查</source>
        <translation>Finish on-site check</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_page.py" line="199"/>
        <source>生成记录</source>
        <translation>Make record</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_page.py" line="246"/>
        <source>快捷键 Ctrl+%1</source>
        <translation>Shortcut Ctrl+%1</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_page.py" line="255"/>
        <source>情况说明：看到了什么、在哪里、涉及哪些病历或票据</source>
        <translation>Note: what was seen, where, which medical records or receipts</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_page.py" line="262"/>
        <source>如 12345.60</source>
        <translation>e.g. 12345.60</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_page.py" line="271"/>
        <source>情况说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_page.py" line="275"/>
        <source>涉及金额（元）</source>
        <translation>Amount involved (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_page.py" line="276"/>
        <source>违规类别</source>
        <translation>Violation category</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_page.py" line="284"/>
        <source>如何检查</source>
        <translation>How to check</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_page.py" line="376"/>
        <source>重新打开检查</source>
        <translation>Reopen inspection</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_page.py" line="455"/>
        <source>该类机构的检查重点</source>
        <translation>priority for this type of institution</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_page.py" line="464"/>
        <source>（未选择）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_page.py" line="472"/>
        <source>（本工具的检查建议）</source>
        <translation> (the tool&apos;s own advice)</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_page.py" line="606"/>
        <source>已检查 %1/%2 · 发现问题 %3 · 涉及金额 %4</source>
        <translation>Checked %1/%2 · problems %3 · amount %4</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_page.py" line="617"/>
        <source>✓ 已保存 %1</source>
        <translation>✓ Saved %1</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_page.py" line="623"/>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_page.py" line="627"/>
        <location filename="../../ui/checklist_page.py" line="629"/>
        <source>保存失败</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_page.py" line="641"/>
        <source>结束现场检查后，答案将不能再修改（可重新打开）。</source>
        <translation>After finishing, answers can no longer be changed (the inspection can be reopened).</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/checklist_page.py" line="643"/>
        <source>还有 %n 项未检查。</source>
        <translation>
            <numerusform>%n item is still unchecked.</numerusform>
            <numerusform>%n items are still unchecked.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/checklist_page.py" line="651"/>
        <source>无法完成</source>
        <translation>Cannot finish</translation>
    </message>
</context>
<context>
    <name>Core</name>
    <message>
        <location filename="../../ui/core_messages.py" line="17"/>
        <source>检查人员应写成“姓名:执法证号”，而不是“{text}”</source>
        <translation>An inspector is written as “name:certificate number”, not “{text}”</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="19"/>
        <source>口令至少 {count} 个字符</source>
        <translation>The passphrase must have at least {count} characters</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="20"/>
        <source>恢复公钥必须是至少 2048 位的 RSA 公钥</source>
        <translation>The recovery public key must be an RSA key of at least 2048 bits</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="21"/>
        <source>本机没有可用的系统钥匙串</source>
        <translation>No system keyring is available on this computer</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="22"/>
        <source>密钥不符</source>
        <translation>The key does not match</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="23"/>
        <source>执法证号 {holder} 在本数据目录没有口令；请由已登记的检查人员添加。</source>
        <translation>Enforcement ID {holder} has no passphrase for this data directory; an enrolled inspector must add it.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="26"/>
        <source>执法证号 {holder} 未在系统钥匙串中保存本数据目录的密钥</source>
        <translation>Enforcement ID {holder} has not stored this data directory&apos;s key in the system keyring</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="27"/>
        <source>系统钥匙串中没有本数据目录的密钥（可能已被删除），请输入口令。</source>
        <translation>The system keyring holds no key for this data directory (it may have been deleted); please enter the passphrase.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="28"/>
        <source>恢复私钥必须是 RSA 私钥</source>
        <translation>The recovery private key must be an RSA private key</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="29"/>
        <source>本数据目录未用该恢复密钥登记（指纹 {fingerprint}）</source>
        <translation>This data directory is not enrolled with that recovery key (fingerprint {fingerprint})</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="30"/>
        <source>执法证号 {holder} 在本数据目录没有口令</source>
        <translation>Enforcement ID {holder} has no passphrase for this data directory</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="31"/>
        <source>不能删除唯一的口令：否则无人能打开本数据目录</source>
        <translation>The only passphrase cannot be removed: nobody could open this data directory</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="32"/>
        <source>无法读取恢复公钥：需要 PEM 格式的 RSA 公钥或证书</source>
        <translation>Cannot read the recovery public key: a PEM RSA public key or certificate is needed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="33"/>
        <source>本机没有可用的系统钥匙串（未安装 keyring）</source>
        <translation>No system keyring is available on this computer (keyring is not installed)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="34"/>
        <source>无法读取系统钥匙串：{error}</source>
        <translation>Cannot read the system keyring: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="35"/>
        <source>无法写入系统钥匙串：{error}</source>
        <translation>Cannot write to the system keyring: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="36"/>
        <source>数据目录没有密钥文件 {path}</source>
        <translation>The data directory has no key file {path}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="37"/>
        <source>口令不正确，数据目录未打开。</source>
        <translation>Wrong passphrase; the data directory was not opened.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="38"/>
        <source>系统钥匙串中的密钥与本数据目录不符，请输入口令。</source>
        <translation>The key in the system keyring does not match this data directory; please enter the passphrase.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="39"/>
        <source>无法读取恢复私钥（格式不对或口令不正确）</source>
        <translation>Cannot read the recovery private key (wrong format or passphrase)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="40"/>
        <source>本数据目录有多名检查人员的口令（{holders}）：请用 --as 执法证号 说明是谁</source>
        <translation>Several inspectors have a passphrase for this data directory ({holders}): say who with --as ENFORCEMENT-ID</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="43"/>
        <source>数据目录已经加密：{root}</source>
        <translation>The data directory is already encrypted: {root}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="44"/>
        <source>数据目录中已有数据：请用 home encrypt 加密它</source>
        <translation>The data directory already holds data: encrypt it with home encrypt</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="45"/>
        <source>数据目录中没有数据库：{root}</source>
        <translation>The data directory has no database: {root}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="46"/>
        <source>加密副本的数据与原数据不一致，已放弃加密；原数据目录未改动。</source>
        <translation>The encrypted copy&apos;s data differ from the original; encryption was abandoned and the original data directory is unchanged.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="47"/>
        <source>加密副本的证据文件校验失败，已放弃加密；原数据目录未改动。</source>
        <translation>An evidence file of the encrypted copy failed its check; encryption was abandoned and the original data directory is unchanged.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="48"/>
        <source>加密副本的记录文件校验失败，已放弃加密；原数据目录未改动。</source>
        <translation>A record file of the encrypted copy failed its check; encryption was abandoned and the original data directory is unchanged.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="49"/>
        <source>文件不是本数据目录的加密文件，或已损坏</source>
        <translation>The file is not an encrypted file of this data directory, or it is damaged</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="50"/>
        <source>加密文件被截断或已损坏</source>
        <translation>The encrypted file is truncated or damaged</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="51"/>
        <source>文件已损坏，或不属于本数据目录（密钥不符）</source>
        <translation>The file is damaged, or belongs to another data directory (the key does not match)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="52"/>
        <source>加密文件已损坏（校验失败）</source>
        <translation>The encrypted file is damaged (its check failed)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="53"/>
        <source>数据目录已锁定：请先解锁</source>
        <translation>The data directory is locked: unlock it first</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="54"/>
        <source>记录文件不在数据目录的 records 中：{name}</source>
        <translation>The record file is not under the data directory&apos;s records: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="55"/>
        <source>加密的数据目录中记录文件只能经由 RecordStore.write 写入</source>
        <translation>In an encrypted data directory record files are written through RecordStore.write only</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="56"/>
        <source>记录文件已被改动，未另存：{name}</source>
        <translation>The record file has been changed; no copy was saved: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="57"/>
        <source>记录文件缺失：{name}</source>
        <translation>The record file is missing: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="58"/>
        <source>无法读取记录文件 {name}：{error}</source>
        <translation>Cannot read the record file {name}: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="59"/>
        <source>数据库已加密，但密钥文件 {path} 缺失；请从备份恢复该文件。数据未被改动。</source>
        <translation>The database is encrypted but its key file {path} is missing; restore that file from a backup. Nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="62"/>
        <source>数据目录未加密，不能锁定</source>
        <translation>The data directory is not encrypted and cannot be locked</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="63"/>
        <source>数据目录已加密：请先登录（执法证号和口令）</source>
        <translation>The data directory is encrypted: sign in first (enforcement ID and passphrase)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="64"/>
        <source>数据目录未加密：可用 home encrypt 加密</source>
        <translation>The data directory is not encrypted: encrypt it with home encrypt</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="65"/>
        <source>密钥文件 {path} 已损坏，无法打开数据目录；请用局里的恢复密钥或备份恢复。数据未被改动。</source>
        <translation>The key file {path} is damaged and the data directory cannot be opened; recover with the bureau&apos;s recovery key or a backup. Nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="69"/>
        <source>金额“{text}”不是数字</source>
        <translation>The amount “{text}” is not a number</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="70"/>
        <source>金额不能为负数</source>
        <translation>The amount cannot be negative</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="71"/>
        <source>金额最多保留两位小数（分）</source>
        <translation>The amount has at most two decimals (fen)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="72"/>
        <source>金额过大</source>
        <translation>The amount is too large</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="73"/>
        <source>检查编号至少需要 4 个字符</source>
        <translation>An inspection id needs at least 4 characters</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="74"/>
        <source>没有编号为 {text} 的检查</source>
        <translation>There is no inspection with the id {text}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="75"/>
        <source>编号 {text} 对应多项检查，请输入更长的编号</source>
        <translation>The id {text} matches several inspections: type more of it</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="76"/>
        <source>请填写被检查机构的名称</source>
        <translation>Enter the name of the institution inspected</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="77"/>
        <source>请填写被检查机构所在的区县</source>
        <translation>Enter the district of the institution inspected</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="78"/>
        <source>检查组至少需要一名检查人员（--inspector 姓名:执法证号）</source>
        <translation>The team needs at least one inspector (--inspector name:certificate number)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="79"/>
        <source>同一执法证号在检查组中出现了两次</source>
        <translation>The same enforcement certificate number appears twice in the team</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="80"/>
        <source>组长的执法证号 {leader_cert} 不在检查组中</source>
        <translation>The leader&apos;s certificate number {leader_cert} is not in the team</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="81"/>
        <source>执法证号 {cert_no} 已登记为“{name}”，与“{name2}”不符</source>
        <translation>Certificate number {cert_no} is registered to “{name}”, not “{name2}”</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="82"/>
        <source>机构“{name}”（{district}）已登记为“{value}”，与本次填写的类型不符</source>
        <translation>The institution “{name}” ({district}) is registered as “{value}”, not the type entered now</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="85"/>
        <source>本次检查的清单中没有条目 {item_code}</source>
        <translation>The checklist of this inspection has no item {item_code}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="87"/>
        <location filename="../../ui/core_messages.py" line="148"/>
        <source>证据文件缺失：{sha256}</source>
        <translation>Evidence file missing: {sha256}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="88"/>
        <location filename="../../ui/core_messages.py" line="149"/>
        <source>无法读取证据文件 {sha256}：{error}</source>
        <translation>Cannot read evidence file {sha256}: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="89"/>
        <source>请填写检查人员姓名</source>
        <translation>Please enter the inspector&apos;s name</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="90"/>
        <source>本机没有执法证号为 {cert_no} 的检查人员：请同时填写姓名</source>
        <translation>No inspector with enforcement certificate no. {cert_no} on this laptop: please enter the name too</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="91"/>
        <source>条目 {item_code} 可记录的违规类别为：{names}</source>
        <translation>The violation categories item {item_code} can record are: {names}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="92"/>
        <source>只能重新打开待签字的检查（当前状态：{value}）</source>
        <translation>Only an inspection awaiting signatures can be reopened (its status: {value})</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="93"/>
        <source>结果“{result}”无效，可选：{allowed}</source>
        <translation>The result “{result}” is not valid; choose one of: {allowed}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="94"/>
        <source>执法证号 {cert_no} 不是本检查组的成员</source>
        <translation>Certificate number {cert_no} is not a member of this team</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="95"/>
        <source>文件为空（0 字节）</source>
        <translation>The file is empty (0 bytes)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="96"/>
        <source>无法锁定临时文件夹</source>
        <translation>The scratch folder cannot be locked</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="97"/>
        <source>不是文件</source>
        <translation>Not a file</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="98"/>
        <source>无法读取文件：{value}</source>
        <translation>The file cannot be read: {value}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="99"/>
        <source>HEIC/HEIF 照片需要 pillow-heif 组件，本机未安装</source>
        <translation>HEIC/HEIF photos need the pillow-heif component, which is not installed here</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="100"/>
        <source>图片像素数过大（疑似解压炸弹），已拒绝</source>
        <translation>The picture has too many pixels (a decompression bomb?): refused</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="101"/>
        <source>不是可识别的图片、PDF 或视频文件</source>
        <translation>Not a picture, PDF or video file this tool knows</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="102"/>
        <source>图片已损坏或不完整：{error}</source>
        <translation>The picture is damaged or incomplete: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="103"/>
        <source>不支持的图片格式：{format}</source>
        <translation>Picture format not supported: {format}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="104"/>
        <source>请先完成现场检查（结束检查后才能签名记录）</source>
        <translation>Finish the inspection first (the record is signed after the inspection is finished)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="105"/>
        <source>还没有生成检查记录：请先生成记录，核对后再签名</source>
        <translation>No record has been made yet: make the record, check it, then sign</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="106"/>
        <source>记录生成后数据有变更：请重新生成记录，核对后再签名</source>
        <translation>The data changed after the record was made: make the record again, check it, then sign</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="107"/>
        <source>该密钥证书上的执法证号（{value}）不属于本检查组，不能签名本记录</source>
        <translation>The certificate number on this key&apos;s certificate ({value}) is not on this team: it cannot sign this record</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="110"/>
        <source>{name} 已经签过本记录</source>
        <translation>{name} has already signed this record</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="111"/>
        <source>组长最后签名：还需 {others} 先签名</source>
        <translation>The leader signs last: {others} must sign first</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="112"/>
        <source>记录中没有该检查人员的签名位置：请重新生成记录</source>
        <translation>The record has no signature place for this inspector: make the record again</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="113"/>
        <source>请先完成手写签名：{missing}</source>
        <translation>Complete the handwritten signatures first: {missing}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="114"/>
        <source>该检查的记录已数字签名并锁定，不能再修改；如需更正请新建更正记录。</source>
        <translation>The record of this inspection is digitally signed and locked: it cannot be changed; make an amendment to correct it.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="117"/>
        <source>签名为空</source>
        <translation>The signature is empty</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="118"/>
        <source>签名角色应为：{value}</source>
        <translation>The signer&apos;s role must be one of: {value}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="119"/>
        <source>请填写签名人姓名</source>
        <translation>Enter the signer&apos;s name</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="120"/>
        <source>请填写拒签的理由（或“未说明理由”）</source>
        <translation>Enter the reason for refusing to sign (or “no reason given”)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="121"/>
        <source>拒签时须有见证人签名：请填写见证人姓名</source>
        <translation>A refusal needs a witness&apos;s signature: enter the witness&apos;s name</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="122"/>
        <source>请填写被询问人姓名</source>
        <translation>Enter the name of the person interviewed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="123"/>
        <source>没有编号为 {interview_id} 的询问笔录</source>
        <translation>There is no interview record with the id {interview_id}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="124"/>
        <source>问题不能为空</source>
        <translation>The question cannot be empty</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="125"/>
        <source>签名笔迹格式不正确</source>
        <translation>The signature strokes are not in the right format</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="126"/>
        <source>该询问笔录已数字签名，不能再修改</source>
        <translation>This interview record is digitally signed: it cannot be changed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="127"/>
        <source>只有已签名锁定的检查需要更正记录；未签名的检查可以直接修改。</source>
        <translation>Only a signed, locked inspection needs an amendment; an unsigned one can be changed directly.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="128"/>
        <source>不支持的密钥类型 {type_name}：只支持 RSA（至少 2048 位）或 EC P-256</source>
        <translation>Key type {type_name} is not supported: only RSA (at least 2048 bits) or EC P-256</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="131"/>
        <source>证书尚未生效：生效时间 {local}</source>
        <translation>The certificate is not valid yet: valid from {local}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="132"/>
        <source>证书已过期：到期时间 {local}</source>
        <translation>The certificate has expired: it expired at {local}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="133"/>
        <source>证书的主题中没有姓名（CN）</source>
        <translation>The certificate&apos;s subject has no name (CN)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="134"/>
        <source>口令太短：至少 {MIN_PASSPHRASE} 个字符</source>
        <translation>The passphrase is too short: at least {MIN_PASSPHRASE} characters</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="135"/>
        <source>口令不正确，无法打开 PKCS#12 文件</source>
        <translation>Wrong passphrase: the PKCS#12 file cannot be opened</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="136"/>
        <source>PKCS#12 文件中没有私钥</source>
        <translation>The PKCS#12 file holds no private key</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="137"/>
        <source>PKCS#12 文件中没有证书</source>
        <translation>The PKCS#12 file holds no certificate</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="138"/>
        <source>不支持的密钥类型</source>
        <translation>Key type not supported</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="139"/>
        <source>PKCS#12 文件中的证书与私钥不匹配</source>
        <translation>The certificate in the PKCS#12 file does not match its private key</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="140"/>
        <source>密钥 {key_id} 还没有证书</source>
        <translation>Key {key_id} has no certificate yet</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="141"/>
        <source>证书上的执法证号是 {carried}，与指定的执法证号 {given} 不符</source>
        <translation>The certificate carries certificate number {carried}, not the {given} given</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="142"/>
        <source>证书中没有执法证号（主题中没有 serialNumber）：导入时请指定持有人的执法证号（key import --cert-no），签名和验证都按它核对检查组成员</source>
        <translation>The certificate carries no enforcement certificate number (no serialNumber in its subject): give the holder&apos;s number when importing (key import --cert-no); signing and verification check the team against it</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="146"/>
        <source>请填写姓名</source>
        <translation>Enter the name</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="86"/>
        <location filename="../../ui/core_messages.py" line="147"/>
        <source>请填写执法证号</source>
        <translation>Enter the enforcement certificate number</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="150"/>
        <source>请填写单位（医保局名称）</source>
        <translation>Enter the organisation (the bureau&apos;s name)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="151"/>
        <source>RSA 密钥只有 {key_size} 位，至少需要 2048 位</source>
        <translation>The RSA key has only {key_size} bits; at least 2048 are needed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="152"/>
        <source>不支持的椭圆曲线 {name}：只支持 EC P-256（secp256r1）</source>
        <translation>Elliptic curve {name} is not supported: only EC P-256 (secp256r1)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="153"/>
        <source>不是证书文件（需要 PEM 或 DER 格式的 X.509 证书）</source>
        <translation>Not a certificate file (an X.509 certificate in PEM or DER is needed)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="154"/>
        <source>不是 PKCS#12 文件（.p12 / .pfx），或文件已损坏</source>
        <translation>Not a PKCS#12 file (.p12 / .pfx), or the file is damaged</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="155"/>
        <source>这个密钥已经在本机：{value}，编号 {key_id}</source>
        <translation>This key is already on this laptop: {value}, id {key_id}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="156"/>
        <source>没有编号为 {key_id} 的密钥</source>
        <translation>There is no key with the id {key_id}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="157"/>
        <source>编号 {key_id} 对应多个密钥，请多写几位</source>
        <translation>The id {key_id} matches several keys: type more of it</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="158"/>
        <source>密钥 {key_id} 没有证书请求（不是在本机生成的密钥）</source>
        <translation>Key {key_id} has no certificate request (it was not made on this laptop)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="159"/>
        <source>文件是空的：{path}</source>
        <translation>The file is empty: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="160"/>
        <source>密钥 {key_id} 不是在本机生成的，证书已在其 PKCS#12 文件中</source>
        <translation>Key {key_id} was not made here: its certificate is in its PKCS#12 file</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="161"/>
        <source>密钥 {key_id} 已有证书</source>
        <translation>Key {key_id} already has a certificate</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="162"/>
        <source>证书与密钥 {key_id} 不匹配：证书中的公钥不是这个密钥的（证书主题：{subject}）</source>
        <translation>The certificate does not match key {key_id}: its public key is not this key&apos;s (certificate subject: {subject})</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="165"/>
        <source>有效天数至少为 1</source>
        <translation>The number of days valid must be at least 1</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="166"/>
        <source>证书上的执法证号 {carried} 与生成密钥时的执法证号 {given} 不符：请医保局核对后重新签发</source>
        <translation>The certificate carries certificate number {carried}, but the key was made for {given}: ask the bureau to check and issue it again</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="170"/>
        <source>{label}太长（最多 {limit} 个字符）</source>
        <translation>{label} is too long (at most {limit} characters)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="171"/>
        <source>无法读取文件 {path}：{value}</source>
        <translation>The file {path} cannot be read: {value}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="172"/>
        <source>新生成的 RSA 密钥至少 3072 位</source>
        <translation>A new RSA key has at least 3072 bits</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="173"/>
        <source>密钥 {key_id}：{value}</source>
        <translation>Key {key_id}: {value}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="174"/>
        <source>口令不正确，无法打开密钥 {key_id}</source>
        <translation>Wrong passphrase: key {key_id} cannot be opened</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="175"/>
        <source>文档中没有名为“{name}”的签名域，请给出签名的位置</source>
        <translation>The document has no signature field named “{name}”: give the signature&apos;s position</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="176"/>
        <source>签名域“{name}”已经签过名</source>
        <translation>The signature field “{name}” is already signed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="177"/>
        <source>签名域“{name}”没有位置（不可见的签名域），无法显示签名</source>
        <translation>The signature field “{name}” has no position (an invisible field): the signature cannot be shown</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="178"/>
        <source>请给出签名域的名称</source>
        <translation>Give the name of the signature field</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="179"/>
        <source>不是 PDF 文件：{src}</source>
        <translation>Not a PDF file: {src}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="180"/>
        <source>不能签署加密的 PDF</source>
        <translation>An encrypted PDF cannot be signed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="181"/>
        <source>认证签名必须是文档的第一个签名</source>
        <translation>A certification signature must be the document&apos;s first signature</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="182"/>
        <source>文档已有认证签名：后续签名只能签在认证之前已有的空签名域上</source>
        <translation>The document has a certification signature: later signatures go only into empty fields made before it</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="183"/>
        <source>内部错误：签名后原文件内容不再是新文件的开头</source>
        <translation>Internal error: after signing, the original file is no longer the start of the new file</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="184"/>
        <source>文档中的“{name}”不是签名域</source>
        <translation>“{name}” in the document is not a signature field</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="185"/>
        <source>无法读取 {src}：{value}</source>
        <translation>{src} cannot be read: {value}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="186"/>
        <source>无法读取 PDF（文件可能不完整）：{src}：{error}</source>
        <translation>The PDF cannot be read (the file may be incomplete): {src}: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="187"/>
        <source>页码超出范围：文档共 {pages} 页</source>
        <translation>Page number out of range: the document has {pages} pages</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="188"/>
        <source>签名框太小：至少 {MIN_BOX:.0f} × {MIN_BOX:.0f} 点</source>
        <translation>The signature box is too small: at least {MIN_BOX:.0f} × {MIN_BOX:.0f} points</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="189"/>
        <source>文档中已有名为“{field_name}”的签名域</source>
        <translation>The document already has a signature field named “{field_name}”</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="190"/>
        <source>签名失败：{error}</source>
        <translation>Signing failed: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="191"/>
        <source>无法写入 {path}：{value}</source>
        <translation>{path} cannot be written: {value}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="192"/>
        <source>试用（自签名）证书不能加入信任列表：它不能证明签名者的身份</source>
        <translation>A trial (self-signed) certificate cannot go on the trust list: it does not prove who signed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="193"/>
        <source>{subject} 不是 CA 证书（没有 cA 基本约束）：信任列表只收医保局 CA 的证书，不收签名者本人的证书</source>
        <translation>{subject} is not a CA certificate (no cA basic constraint): the trust list takes the bureau CA&apos;s certificates, not a signer&apos;s own</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="197"/>
        <source>证书文件是空的：{path}</source>
        <translation>The certificate file is empty: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="198"/>
        <source>请给出证书指纹（SHA-256）的至少前 6 位</source>
        <translation>Give at least the first 6 digits of the certificate&apos;s SHA-256 fingerprint</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="199"/>
        <source>无法读取证书文件 {path}：{value}</source>
        <translation>The certificate file {path} cannot be read: {value}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="200"/>
        <source>{name}：{error}</source>
        <translation>{name}: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="201"/>
        <source>这些证书已经在信任列表中</source>
        <translation>These certificates are already on the trust list</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="202"/>
        <source>信任列表中没有指纹为 {prefix} 的证书</source>
        <translation>The trust list has no certificate with the fingerprint {prefix}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="203"/>
        <source>指纹 {prefix} 对应多个证书，请多写几位</source>
        <translation>The fingerprint {prefix} matches several certificates: type more of it</translation>
    </message>
</context>
<context>
    <name>CurrentInspectorDialog</name>
    <message>
        <location filename="../../ui/current_inspector.py" line="43"/>
        <location filename="../../ui/current_inspector.py" line="97"/>
        <source>当前检查人员</source>
        <translation>Current inspector</translation>
    </message>
    <message>
        <location filename="../../ui/current_inspector.py" line="48"/>
        <source>请选择在本机工作的检查人员。本机的每一项操作都以其名义记入操作记录。</source>
        <translation>Choose the inspector working on this laptop. Every action on this laptop is entered in the action log in their name.</translation>
    </message>
    <message>
        <location filename="../../ui/current_inspector.py" line="59"/>
        <source>新增检查人员…</source>
        <translation>New inspector…</translation>
    </message>
    <message>
        <location filename="../../ui/current_inspector.py" line="62"/>
        <source>检查人员</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <location filename="../../ui/current_inspector.py" line="64"/>
        <location filename="../../ui/current_inspector.py" line="67"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/current_inspector.py" line="66"/>
        <location filename="../../ui/current_inspector.py" line="68"/>
        <source>执法证号</source>
        <translation>Enforcement certificate no.</translation>
    </message>
</context>
<context>
    <name>EncryptDialog</name>
    <message>
        <location filename="../../ui/lock.py" line="258"/>
        <source>加密本机数据</source>
        <translation>Encrypt the data on this computer</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="269"/>
        <source>两次输入的口令不一致</source>
        <translation>The two passphrases differ</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="272"/>
        <source>请填写执法证号</source>
        <translation>Please enter the enforcement ID</translation>
    </message>
</context>
<context>
    <name>EvidenceStrip</name>
    <message numerus="yes">
        <location filename="../../ui/evidence/strip.py" line="74"/>
        <source>已添加 %n 个文件</source>
        <translation>
            <numerusform>%n file added</numerusform>
            <numerusform>%n files added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/evidence/strip.py" line="76"/>
        <source>%n 个已在此处，未重复添加</source>
        <translation>
            <numerusform>%n already here (not added again)</numerusform>
            <numerusform>%n already here (not added again)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/evidence/strip.py" line="78"/>
        <source>%n 个未保存</source>
        <translation>
            <numerusform>%n not saved</numerusform>
            <numerusform>%n not saved</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/evidence/strip.py" line="81"/>
        <source>%n 张照片的拍摄时间与检查时间相差较大</source>
        <translation>
            <numerusform>%n photo taken long before or after the inspection</numerusform>
            <numerusform>%n photos taken long before or after the inspection</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="84"/>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="87"/>
        <source>，</source>
        <comment>between the parts of a summary</comment>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="110"/>
        <source>证据</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="112"/>
        <source>添加人（本检查组成员）</source>
        <translation>Added by (a member of this inspection team)</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="113"/>
        <source>添加文件…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="115"/>
        <source>照片、扫描件（PDF、多页 TIFF）、手机照片（HEIC）、视频</source>
        <translation>Photos, scans (PDF, multi-page TIFF), phone photos (HEIC), videos</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="118"/>
        <source>添加文件夹…</source>
        <translation>Add folder…</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="119"/>
        <source>整个文件夹，如相机或手机存储卡的 DCIM 文件夹</source>
        <translation>A whole folder, such as the DCIM folder of a camera&apos;s or phone&apos;s memory card</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="121"/>
        <source>拍照…</source>
        <translation>Take photo…</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="127"/>
        <source>正在检测摄像头…</source>
        <translation>Looking for a camera…</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="129"/>
        <source>封存清单…</source>
        <translation>Sealing list…</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="148"/>
        <location filename="../../ui/evidence/strip.py" line="389"/>
        <source>可将照片、文件或文件夹拖到这里</source>
        <translation>Drag photos, files or folders here</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="154"/>
        <source>添加人：</source>
        <translation>Added by:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="169"/>
        <location filename="../../ui/evidence/strip.py" line="199"/>
        <source>请先选择一次检查</source>
        <translation>Choose an inspection first</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="218"/>
        <source>条目 %1 的证据（%2）</source>
        <translation>Evidence for item %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="220"/>
        <source>本次检查的证据（%1）</source>
        <translation>Evidence for this inspection (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="227"/>
        <source>检查状态为“%1”，证据不能再添加或移除</source>
        <translation>The inspection is “%1”: evidence can no longer be added or removed</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="240"/>
        <source>当前不能添加证据</source>
        <translation>Evidence cannot be added now</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="254"/>
        <source>正在导入证据…</source>
        <translation>Adding evidence…</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="264"/>
        <source>移除证据</source>
        <translation>Remove evidence</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/evidence/strip.py" line="266"/>
        <source>从本次检查中移除选中的 %n 件证据？
保管记录会保留移除的记录（文件名、哈希、移除人和时间）。</source>
        <translation>
            <numerusform>Remove the selected piece of evidence from this inspection?
The custody log keeps a record of the removal (file name, hash, who and when).</numerusform>
            <numerusform>Remove the %n selected pieces of evidence from this inspection?
The custody log keeps a record of the removal (file names, hashes, who and when).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="280"/>
        <source>已移除</source>
        <translation>Removed</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="289"/>
        <source>选择证据文件</source>
        <translation>Choose evidence files</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="291"/>
        <source>照片和文件</source>
        <translation>Photos and files</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="294"/>
        <source>所有文件</source>
        <translation>All files</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="300"/>
        <source>选择文件夹（如存储卡的 DCIM）</source>
        <translation>Choose a folder (such as a memory card&apos;s DCIM)</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="372"/>
        <source>（未指定）</source>
        <translation>(not specified)</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="373"/>
        <source>%1（%2）</source>
        <comment>a team member: name (certificate number)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="410"/>
        <source>标注副本（原件未改动）</source>
        <translation>Annotated copy (the original is unchanged)</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="413"/>
        <source>注意：%1</source>
        <translation>Note: %1</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="431"/>
        <source>导入已取消；已导入的文件保留在本次检查中</source>
        <translation>Import cancelled; the files already added stay in this inspection</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="448"/>
        <source>查看…</source>
        <translation>View…</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="449"/>
        <source>从本次检查中移除…</source>
        <translation>Remove from this inspection…</translation>
    </message>
</context>
<context>
    <name>EvidenceViewer</name>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="60"/>
        <source>证据</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="64"/>
        <source>（无预览）</source>
        <translation>(no preview)</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="71"/>
        <source>说明：拍的是什么、在哪里、为什么</source>
        <translation>Caption: what it shows, where, and why</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="73"/>
        <source>保存说明</source>
        <translation>Save caption</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="76"/>
        <source>保存关联</source>
        <translation>Save link</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="78"/>
        <source>标注…</source>
        <translation>Annotate…</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="79"/>
        <source>在副本上画箭头、圆圈、写文字；原件不变</source>
        <translation>Draw arrows and circles and write text on a copy; the original is unchanged</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="81"/>
        <source>移除…</source>
        <translation>Remove…</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="83"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="90"/>
        <source>说明</source>
        <translation>Caption</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="93"/>
        <source>关联的检查条目</source>
        <translation>Linked checklist item</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="121"/>
        <source>这件证据已不存在</source>
        <translation>This evidence no longer exists</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="125"/>
        <source>证据：%1</source>
        <translation>Evidence: %1</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="129"/>
        <source>PDF 文件</source>
        <translation>PDF file</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="130"/>
        <source>（%1，无图片预览）</source>
        <translation>(%1, no picture preview)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/evidence/viewer.py" line="134"/>
        <source>，%n 页</source>
        <translation>
            <numerusform>, %n page</numerusform>
            <numerusform>, %n pages</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="136"/>
        <source>文件名</source>
        <translation>File name</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="137"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="139"/>
        <source>拍摄时间</source>
        <translation>Taken</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="140"/>
        <source>%1（相机时钟）</source>
        <translation>%1 (camera clock)</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="143"/>
        <source>导入时间</source>
        <translation>Added</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="144"/>
        <source>%1（本机时钟）</source>
        <translation>%1 (this laptop&apos;s clock)</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="147"/>
        <source>位置</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="152"/>
        <source>设备</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="153"/>
        <source>导入人</source>
        <translation>Added by</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="158"/>
        <source>原件 SHA-256</source>
        <translation>Original&apos;s SHA-256</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="159"/>
        <source>标注自</source>
        <translation>Annotated from</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="162"/>
        <source>注意</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="170"/>
        <source>（不关联条目：整次检查的证据）</source>
        <translation>(no item: evidence for the whole inspection)</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="175"/>
        <source>【问题】%1</source>
        <comment>a checklist item with a problem</comment>
        <translation>[Problem] %1</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="190"/>
        <source>检查已结束或已签字：证据只能查看</source>
        <translation>The inspection is finished or signed: evidence can only be viewed</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="230"/>
        <source>保存说明失败：%1</source>
        <translation>Caption not saved: %1</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="233"/>
        <source>说明已保存</source>
        <translation>Caption saved</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="239"/>
        <source>保存关联失败：%1</source>
        <translation>Link not saved: %1</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="242"/>
        <source>关联已保存</source>
        <translation>Link saved</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="256"/>
        <source>移除证据</source>
        <translation>Remove evidence</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="257"/>
        <source>从本次检查中移除这件证据？保管记录会保留移除的记录。</source>
        <translation>Remove this evidence from the inspection? The custody log keeps a record of the removal.</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="262"/>
        <source>移除失败：%1</source>
        <translation>Not removed: %1</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../ui/home.py" line="151"/>
        <source>本机的检查</source>
        <translation>Inspections on this laptop</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="155"/>
        <source>新建检查</source>
        <translation>New inspection</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="163"/>
        <source>搜索机构名称…</source>
        <translation>Search institution…</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="166"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="173"/>
        <source>全部日期</source>
        <translation>Any date</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="174"/>
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="175"/>
        <source>最近 7 天</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="176"/>
        <source>最近 30 天</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="177"/>
        <source>最近一年</source>
        <translation>Last year</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="219"/>
        <source>全部区县</source>
        <translation>All districts</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="222"/>
        <source>全部方式</source>
        <translation>All modes</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/home.py" line="262"/>
        <source>共 %n 项检查</source>
        <translation>
            <numerusform>%n inspection</numerusform>
            <numerusform>%n inspections</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InspectionListModel</name>
    <message>
        <location filename="../../ui/home.py" line="57"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="58"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="59"/>
        <source>被检查机构</source>
        <translation>Institution inspected</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="60"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="61"/>
        <source>区县</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="62"/>
        <source>方式</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="63"/>
        <source>进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="64"/>
        <source>问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="65"/>
        <source>涉及金额</source>
        <translation>Amount</translation>
    </message>
</context>
<context>
    <name>InstitutionPicker</name>
    <message>
        <location filename="../../ui/institution_picker.py" line="57"/>
        <source>输入机构名称、协议编号或区县查找</source>
        <translation>Type a name, agreement number or district</translation>
    </message>
    <message>
        <location filename="../../ui/institution_picker.py" line="109"/>
        <source>没有找到符合的机构，可直接在下方填写（将标记为不在名单中）</source>
        <translation>No matching institution: fill in the fields below (it will be marked as not in the registry)</translation>
    </message>
    <message>
        <location filename="../../ui/institution_picker.py" line="111"/>
        <source>机构名单为空：可从“机构名单 → 导入”导入医保局的定点机构名单</source>
        <translation>The registry is empty: import the bureau&apos;s list of designated institutions (File → Import institution registry)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/institution_picker.py" line="114"/>
        <source>只显示前 %n 家，请输入更多文字缩小范围</source>
        <translation>
            <numerusform>Showing the first %n only; type more to narrow down</numerusform>
            <numerusform>Showing the first %n only; type more to narrow down</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeyForm</name>
    <message>
        <location filename="../../ui/keys_dialog.py" line="63"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="64"/>
        <source>执法证号</source>
        <translation>Enforcement certificate no.</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="66"/>
        <source>单位（医保局）</source>
        <translation>Organisation (bureau)</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="67"/>
        <source>口令（至少 8 个字符）</source>
        <translation>Passphrase (at least 8 characters)</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="68"/>
        <source>再输入一次口令</source>
        <translation>Passphrase again</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="81"/>
        <source>两次输入的口令不一致</source>
        <translation>The two passphrases differ</translation>
    </message>
</context>
<context>
    <name>KeysDialog</name>
    <message>
        <location filename="../../ui/keys_dialog.py" line="95"/>
        <source>数字签名密钥</source>
        <translation>Digital signature keys</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="104"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="105"/>
        <location filename="../../ui/keys_dialog.py" line="345"/>
        <source>执法证号</source>
        <translation>Enforcement certificate no.</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="106"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="107"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="108"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="109"/>
        <source>有效期至</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="110"/>
        <source>编号</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="121"/>
        <source>导入 PKCS#12 文件…</source>
        <translation>Import PKCS#12 file…</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="122"/>
        <source>生成密钥和证书请求…</source>
        <translation>New key and certificate request…</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="123"/>
        <source>导入医保局签发的证书…</source>
        <translation>Import the bureau&apos;s certificate…</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="124"/>
        <source>生成试用证书…</source>
        <translation>New trial certificate…</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="125"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="137"/>
        <source>口令不会保存；签名时需要输入。试用证书是自签名的，只用于试用，不能证明签名者的身份。</source>
        <translation>Passphrases are never stored; you enter yours when signing. A trial certificate is self-signed, for trials only: it does not prove who signed.</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="163"/>
        <source>无法读取密钥：%1</source>
        <translation>Cannot read the keys: %1</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="193"/>
        <source>试用（自签名）</source>
        <translation>Trial (self-signed)</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="195"/>
        <source>本机生成</source>
        <translation>Made here</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="196"/>
        <source>医保局签发</source>
        <translation>Issued by the bureau</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="201"/>
        <source>可用</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="202"/>
        <source>等待证书</source>
        <translation>Awaiting certificate</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="203"/>
        <source>已过期</source>
        <translation>Expired</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="204"/>
        <source>尚未生效</source>
        <translation>Not yet valid</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="266"/>
        <source>已导入 %1 的密钥</source>
        <translation>Imported the key of %1</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="284"/>
        <source>密钥已生成，但证书请求无法保存到 %1：%2；它也在 %3</source>
        <translation>The key was made, but the certificate request could not be saved to %1: %2. It is also in %3</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="293"/>
        <source>已生成密钥。请把证书请求 %1 交给医保局的 CA，收到证书后在这里导入。</source>
        <translation>Key made. Give the certificate request %1 to the bureau&apos;s CA, and import the certificate here when it comes.</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="304"/>
        <source>无法读取证书文件：%1</source>
        <translation>Cannot read the certificate file: %1</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="311"/>
        <source>证书已导入，%1 的密钥可以签名了</source>
        <translation>Certificate imported: the key of %1 can sign now</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="320"/>
        <source>已生成 %1 的试用证书（自签名），仅用于试用</source>
        <translation>Made a trial certificate (self-signed) for %1, for trials only</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="326"/>
        <source>口令</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="332"/>
        <source>选择医保局签发的 PKCS#12 文件</source>
        <translation>Choose the PKCS#12 file from the bureau</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="334"/>
        <source>PKCS#12 文件 (*.p12 *.pfx);;所有文件 (*)</source>
        <translation>PKCS#12 files (*.p12 *.pfx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="338"/>
        <source>PKCS#12 文件的口令：</source>
        <translation>Passphrase of the PKCS#12 file:</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="346"/>
        <source>证书中没有执法证号。持有人的执法证号（密钥与它绑定）：</source>
        <translation>The certificate carries no enforcement certificate number. The holder&apos;s number (the key is bound to it):</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="352"/>
        <source>生成密钥和证书请求</source>
        <translation>New key and certificate request</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="358"/>
        <source>保存证书请求（CSR）</source>
        <translation>Save the certificate request (CSR)</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="360"/>
        <source>证书请求 (*.csr *.pem);;所有文件 (*)</source>
        <translation>Certificate requests (*.csr *.pem);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="373"/>
        <source>请先在列表中选择等待证书的密钥</source>
        <translation>First select a key that awaits its certificate</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="377"/>
        <source>选择医保局签发的证书</source>
        <translation>Choose the certificate from the bureau</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="379"/>
        <source>证书 (*.pem *.crt *.cer *.der);;所有文件 (*)</source>
        <translation>Certificates (*.pem *.crt *.cer *.der);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="385"/>
        <source>生成试用证书（自签名）</source>
        <translation>New trial certificate (self-signed)</translation>
    </message>
</context>
<context>
    <name>LoadingPage</name>
    <message>
        <location filename="../../ui/main_window.py" line="59"/>
        <source>本机的检查</source>
        <translation>Inspections on this laptop</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="62"/>
        <source>正在打开检查列表…</source>
        <translation>Opening the list of inspections…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="88"/>
        <source>医保基金现场检查 Inspector</source>
        <translation>Inspector · Medical insurance fund inspection</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="137"/>
        <source>本机数据未加密：可在“文件 → 加密本机数据…”中设置口令</source>
        <translation>The data on this computer are not encrypted: set a passphrase under File → Encrypt the data on this computer…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="156"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="157"/>
        <source>新建检查…</source>
        <translation>New inspection…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="161"/>
        <source>导入机构名录…</source>
        <translation>Import institution registry…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="164"/>
        <source>数字签名密钥…</source>
        <translation>Signing keys…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="167"/>
        <source>切换当前检查人员…</source>
        <translation>Change current inspector…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="170"/>
        <source>验证记录文件…</source>
        <translation>Verify a record file…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="175"/>
        <source>锁定</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="180"/>
        <source>自动锁定时间…</source>
        <translation>Lock after idle…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="182"/>
        <source>加密本机数据…</source>
        <translation>Encrypt the data on this computer…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="189"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="194"/>
        <source>查看(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="195"/>
        <source>检查列表</source>
        <translation>Inspection list</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="199"/>
        <source>语言 / Language</source>
        <translation>语言 / Language</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="207"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="208"/>
        <location filename="../../ui/main_window.py" line="491"/>
        <source>快捷键</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="211"/>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="298"/>
        <source>当前检查人员：%1</source>
        <translation>Current inspector: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="300"/>
        <source>未选择当前检查人员</source>
        <translation>No current inspector chosen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="357"/>
        <source>本机数据已加密</source>
        <translation>The data on this computer are encrypted</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="360"/>
        <source>加密本机数据</source>
        <translation>Encrypt the data on this computer</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="362"/>
        <source>本机数据已加密，明文文件已删除。此后每次启动和锁定后需输入口令。
提示：删除文件不会擦除磁盘上的旧数据块；建议同时清除磁盘空闲空间。</source>
        <translation>The data on this computer are encrypted and the plain files deleted. The passphrase is now asked at every start and after a lock.
Note: deleting a file does not wipe its old blocks on the disk; wiping the disk&apos;s free space as well is advised.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="376"/>
        <source>未能加密本机数据</source>
        <translation>Could not encrypt the data on this computer</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="379"/>
        <source>正在加密本机数据…</source>
        <translation>Encrypting the data on this computer…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="403"/>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="471"/>
        <source>自动锁定时间</source>
        <translation>Lock after idle</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="472"/>
        <source>无操作多少分钟后自动锁定：</source>
        <translation>Lock after this many minutes without input:</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="493"/>
        <source>Ctrl+1 符合&#x3000;Ctrl+2 发现问题&#x3000;Ctrl+3 不适用&#x3000;Ctrl+4 未检查
（在左侧列表中直接按 1-4）
Alt+↓ / Alt+↑&#x3000;下一项 / 上一项
F8&#x3000;下一个未检查的条目
Ctrl+Z / Ctrl+Y&#x3000;撤销 / 重做
Ctrl+N&#x3000;新建检查&#x3000;Ctrl+H&#x3000;检查列表&#x3000;Ctrl+L&#x3000;锁定</source>
        <translation>Ctrl+1 compliant   Ctrl+2 problem found   Ctrl+3 not applicable   Ctrl+4 not checked
(in the list on the left, just 1-4)
Alt+↓ / Alt+↑   next / previous item
F8   next unchecked item
Ctrl+Z / Ctrl+Y   undo / redo
Ctrl+N   new inspection   Ctrl+H   inspection list   Ctrl+L   lock</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="505"/>
        <source>关于 Inspector</source>
        <translation>About Inspector</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="506"/>
        <source>医保基金现场检查 Inspector %1
数据目录：%2</source>
        <translation>Inspector %1 · medical insurance fund inspection
Data directory: %2</translation>
    </message>
</context>
<context>
    <name>Names</name>
    <message>
        <location filename="../../ui/strings.py" line="15"/>
        <source>符合</source>
        <translation>Compliant</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="16"/>
        <source>发现问题</source>
        <translation>Problem found</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="17"/>
        <source>不适用</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="18"/>
        <source>未检查</source>
        <translation>Not checked</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="25"/>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="26"/>
        <source>检查中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="27"/>
        <source>待签字</source>
        <translation>Awaiting signatures</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="28"/>
        <source>已签字</source>
        <translation>Signed</translation>
    </message>
</context>
<context>
    <name>NewInspectionDialog</name>
    <message>
        <location filename="../../ui/new_inspection.py" line="42"/>
        <source>新建检查</source>
        <translation>New inspection</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="53"/>
        <source>被检查机构</source>
        <translation>Institution inspected</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="57"/>
        <source>从名录查找</source>
        <translation>Find in registry</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="59"/>
        <source>机构全称</source>
        <translation>Full name of the institution</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="64"/>
        <source>如 历城区</source>
        <translation>e.g. 历城区</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="69"/>
        <source>如 住院部三楼（可不填）</source>
        <translation>e.g. inpatient ward, 3rd floor (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="70"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="71"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="72"/>
        <source>所在区县</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="74"/>
        <source>检查地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="77"/>
        <source>检查方式与专项</source>
        <translation>Mode and focus packs</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="86"/>
        <source>交叉检查时填写检查组所属区县</source>
        <translation>For a cross-district check: the team&apos;s home district</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="92"/>
        <source>检查方式</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="93"/>
        <source>检查组所属区县</source>
        <translation>Team&apos;s home district</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="94"/>
        <source>专项</source>
        <translation>Focus packs</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="99"/>
        <location filename="../../ui/new_inspection.py" line="244"/>
        <source>检查组</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="103"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="103"/>
        <source>执法证号</source>
        <translation>Enforcement certificate no.</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="103"/>
        <source>所属区县</source>
        <translation>Own district</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="103"/>
        <source>组长</source>
        <translation>Leader</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="110"/>
        <source>添加人员</source>
        <translation>Add member</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="111"/>
        <source>移除所选</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="127"/>
        <source>开始检查</source>
        <translation>Start inspection</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="128"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="248"/>
        <source>回避提示：%1 所属区县与被检查机构所在区县（%2）相同。</source>
        <translation>Recusal: %1 belong(s) to the district inspected (%2).</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="295"/>
        <source>清单共 %1 项，其中该类机构的重点 %2 项</source>
        <translation>Checklist of %1 items, %2 of them priorities for this type</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="307"/>
        <source>回避</source>
        <translation>Recusal</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="307"/>
        <source>仍要开始检查吗？</source>
        <translation>Start the inspection anyway?</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="325"/>
        <source>无法新建检查</source>
        <translation>Cannot create the inspection</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <location filename="../../ui/registry_dialog.py" line="64"/>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="65"/>
        <source>机构名称</source>
        <translation>Institution</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="66"/>
        <source>机构类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="67"/>
        <source>所在区县</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="68"/>
        <source>协议编号</source>
        <translation>Agreement no.</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="69"/>
        <source>协议到期日</source>
        <translation>Agreement expiry</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="70"/>
        <source>等级</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="71"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="72"/>
        <source>原因 / 变更</source>
        <translation>Reason / changes</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="75"/>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="76"/>
        <source>更新</source>
        <translation>Update</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="77"/>
        <source>无变化</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="78"/>
        <source>拒绝</source>
        <translation>Refused</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../../ui/record_dialog.py" line="82"/>
        <location filename="../../ui/record_dialog.py" line="149"/>
        <source>检查记录</source>
        <translation>Inspection record</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialog.py" line="100"/>
        <source>生成 / 更新记录</source>
        <translation>Make / update record</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialog.py" line="101"/>
        <source>签名…</source>
        <translation>Sign…</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialog.py" line="102"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialog.py" line="103"/>
        <source>另存为…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialog.py" line="104"/>
        <source>制作更正记录…</source>
        <translation>Make an amendment…</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialog.py" line="106"/>
        <source>已签名的记录不能修改：更正是一项新的检查，关联原记录，原记录保持不变</source>
        <translation>A signed record cannot change: a correction is a new inspection linked to it, and the original stays as it is</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialog.py" line="108"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialog.py" line="155"/>
        <source>还没有生成记录。</source>
        <translation>No record has been made yet.</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialog.py" line="157"/>
        <source>&lt;b&gt;记录编号&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Record no.&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialog.py" line="158"/>
        <source>生成于 %1</source>
        <translation>Made on %1</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialog.py" line="163"/>
        <source>&lt;span style=&apos;color:#1e7d32&apos;&gt;✓ 与当前数据一致&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#1e7d32&apos;&gt;✓ matches the current data&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialog.py" line="166"/>
        <source>&lt;span style=&apos;color:#b3261e&apos;&gt;✗ 记录生成后数据有变更，请重新生成&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b3261e&apos;&gt;✗ the data changed after the record was made: make it again&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialog.py" line="173"/>
        <source>&lt;b&gt;签名&lt;/b&gt;</source>
        <translation>&lt;b&gt;Signatures&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialog.py" line="175"/>
        <source>（组长）</source>
        <translation> (leader)</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialog.py" line="177"/>
        <source>手写 ✓</source>
        <translation>by hand ✓</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialog.py" line="177"/>
        <source>手写 —</source>
        <translation>by hand —</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialog.py" line="178"/>
        <source>数字 ✓</source>
        <translation>digital ✓</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialog.py" line="178"/>
        <source>数字 —</source>
        <translation>digital —</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialog.py" line="182"/>
        <source>&lt;b&gt;已签名锁定&lt;/b&gt;：不能再修改，更正须制作更正记录。</source>
        <translation>&lt;b&gt;Signed and locked&lt;/b&gt;: no more changes; corrections need an amendment record.</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialog.py" line="193"/>
        <source>无法生成记录</source>
        <translation>Cannot make the record</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialog.py" line="195"/>
        <source>正在生成检查记录…</source>
        <translation>Making the inspection record…</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialog.py" line="203"/>
        <source>制作更正记录</source>
        <translation>Make an amendment</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialog.py" line="205"/>
        <source>将新建一项更正检查，复制原检查的答案和证据供修改；原记录保持不变。继续吗？</source>
        <translation>A new correcting inspection will be made with a copy of the original&apos;s answers and evidence to edit; the original stays as it is. Go on?</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialog.py" line="214"/>
        <source>无法更正</source>
        <translation>Cannot amend</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialog.py" line="235"/>
        <location filename="../../ui/record_dialog.py" line="241"/>
        <source>另存检查记录</source>
        <translation>Save a copy of the record</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialog.py" line="235"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
</context>
<context>
    <name>RegistryImportDialog</name>
    <message>
        <location filename="../../ui/registry_dialog.py" line="176"/>
        <source>导入定点机构名单</source>
        <translation>Import the registry of designated institutions</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="184"/>
        <source>选择医保局提供的 Excel (.xlsx) 或 CSV 文件</source>
        <translation>Choose the bureau&apos;s Excel (.xlsx) or CSV file</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="185"/>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="187"/>
        <source>文件：</source>
        <translation>File:</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="194"/>
        <source>必需的列：机构名称、机构类型、所在区县；可选：协议编号、协议到期日、等级。再次导入会更新已有机构（按协议编号，无编号时按名称和区县），不会重复添加；空白单元格不改动已登记的内容。</source>
        <translation>Required columns: institution name, type, district; optional: agreement number, agreement expiry, level. Importing again updates the institutions already stored (matched by agreement number, or by name and district when there is none) and never adds them twice; blank cells leave stored values as they are.</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="210"/>
        <source>只看被拒绝的行</source>
        <translation>Only refused rows</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="250"/>
        <location filename="../../ui/registry_dialog.py" line="382"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="254"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="309"/>
        <source>第 %1 行（%2）：%3</source>
        <translation>Row %1 (%2): %3</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="322"/>
        <source>选择定点机构名单</source>
        <translation>Choose the registry file</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="324"/>
        <source>机构名单 (*.xlsx *.csv);;所有文件 (*)</source>
        <translation>Registry files (*.xlsx *.csv);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="347"/>
        <source>正在读取 %1…</source>
        <translation>Reading %1…</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="351"/>
        <source>已取消读取</source>
        <translation>Reading cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="357"/>
        <source>工作表“%1”</source>
        <translation>sheet &quot;%1&quot;</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="358"/>
        <source>表头在第 %1 行</source>
        <translation>header in row %1</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="360"/>
        <source>编码 %1</source>
        <translation>encoding %1</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="363"/>
        <source>未使用的列：%1</source>
        <translation>unused columns: %1</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="369"/>
        <source>表头下面没有数据行</source>
        <translation>No data rows below the header</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="372"/>
        <source>红色的 %1 行将不会导入，原因见最后一列；其余各行可以导入。</source>
        <translation>The %1 rows in red will not be imported (reason in the last column); the others can be.</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="378"/>
        <source>名单与已登记的内容相同，无需导入</source>
        <translation>The file matches what is stored: nothing to import</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="380"/>
        <source>导入 %1 家</source>
        <translation>Import %1</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="388"/>
        <source>共 %1 行：新增 %2，更新 %3，无变化 %4，拒绝 %5</source>
        <translation>%1 rows: %2 new, %3 updated, %4 unchanged, %5 refused</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="414"/>
        <source>正在导入机构名单…</source>
        <translation>Importing the registry…</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="418"/>
        <source>已取消导入，名单未作任何改动</source>
        <translation>Import cancelled: nothing was changed</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="426"/>
        <source>导入完成：新增 %1 家，更新 %2 家，无变化 %3 家。</source>
        <translation>Imported: %1 new, %2 updated, %3 unchanged.</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="432"/>
        <source>被拒绝的 %1 行未导入，修改文件后可再次导入。</source>
        <translation>The %1 refused rows were not imported; correct the file and import again.</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="437"/>
        <source>已导入</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="447"/>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>SealingListDialog</name>
    <message>
        <location filename="../../ui/evidence/sealing.py" line="56"/>
        <source>封存清单</source>
        <translation>Sealing list</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/sealing.py" line="60"/>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/sealing.py" line="61"/>
        <location filename="../../ui/evidence/sealing.py" line="99"/>
        <source>物品名称及描述</source>
        <translation>Item and description</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/sealing.py" line="62"/>
        <location filename="../../ui/evidence/sealing.py" line="77"/>
        <location filename="../../ui/evidence/sealing.py" line="103"/>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/sealing.py" line="63"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/sealing.py" line="64"/>
        <location filename="../../ui/evidence/sealing.py" line="104"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/sealing.py" line="65"/>
        <source>照片</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/sealing.py" line="75"/>
        <source>如：阿莫西林胶囊 0.25g×24 粒，批号 20240301</source>
        <translation>e.g. Amoxicillin capsules 0.25 g × 24, batch 20240301</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/sealing.py" line="82"/>
        <source>封存地点、封条编号等（可不填）</source>
        <translation>Where it is sealed, seal number, etc. (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/sealing.py" line="89"/>
        <source>列入封存清单</source>
        <translation>Add to sealing list</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/sealing.py" line="91"/>
        <source>移除所选行</source>
        <translation>Remove selected lines</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/sealing.py" line="93"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/sealing.py" line="105"/>
        <source>照片（勾选）</source>
        <translation>Photos (tick)</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/sealing.py" line="128"/>
        <source>、</source>
        <comment>between the names of the photos of a line</comment>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/evidence/sealing.py" line="160"/>
        <source>检查已结束或已签字：封存清单只能查看</source>
        <translation>The inspection is finished or signed: the sealing list can only be viewed</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/sealing.py" line="182"/>
        <source>未列入：%1</source>
        <translation>Not added: %1</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/sealing.py" line="184"/>
        <source>已列入第 %1 项</source>
        <translation>Added as line %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/evidence/sealing.py" line="204"/>
        <source>已移除 %n 项</source>
        <translation>
            <numerusform>%n line removed</numerusform>
            <numerusform>%n lines removed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../ui/lock.py" line="145"/>
        <source>保护本机数据</source>
        <translation>Protect the data on this computer</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="150"/>
        <source>检查记录含有个人信息和工作秘密。请设置口令：本机的数据库、照片、记录和密钥都将加密保存，笔记本电脑丢失也不会泄露。每次启动和锁定后需输入口令。</source>
        <translation>Inspection records hold personal data and work secrets. Set a passphrase: the database, photos, records and keys on this computer are then kept encrypted, so a lost laptop leaks nothing. The passphrase is asked at every start and after a lock.</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="158"/>
        <source>您的执法证号</source>
        <translation>Your enforcement ID</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="159"/>
        <source>执法证号</source>
        <translation>Enforcement ID</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="162"/>
        <source>口令</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="165"/>
        <source>再输入一次</source>
        <translation>Again</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="172"/>
        <source>加密并开始</source>
        <translation>Encrypt and start</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="174"/>
        <source>不加密（不建议）</source>
        <translation>Do not encrypt (not recommended)</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="176"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="187"/>
        <source>两次输入的口令不一致</source>
        <translation>The two passphrases differ</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../ui/lock.py" line="64"/>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="64"/>
        <location filename="../../ui/lock.py" line="90"/>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="68"/>
        <source>Inspector 已锁定，数据已关闭。请输入口令解锁；未保存的输入不会丢失。</source>
        <translation>Inspector is locked and its data are closed. Enter the passphrase to unlock; nothing typed is lost.</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="70"/>
        <source>本机数据已加密。请选择检查人员并输入口令。</source>
        <translation>The data on this computer are encrypted. Choose the inspector and enter the passphrase.</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="80"/>
        <source>执法证号</source>
        <translation>Enforcement ID</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="83"/>
        <source>口令</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="90"/>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="92"/>
        <source>用系统钥匙串</source>
        <translation>Use the system keyring</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="94"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../../ui/signature_pad.py" line="219"/>
        <source>请在框内签名（鼠标、触摸屏或手写笔）</source>
        <translation>Sign in the box (mouse, touch screen or stylus)</translation>
    </message>
    <message>
        <location filename="../../ui/signature_pad.py" line="220"/>
        <source>撤销一笔</source>
        <translation>Undo stroke</translation>
    </message>
    <message>
        <location filename="../../ui/signature_pad.py" line="221"/>
        <source>清除</source>
        <translation>Clear</translation>
    </message>
</context>
<context>
    <name>SigningDialog</name>
    <message>
        <location filename="../../ui/signing_dialog.py" line="61"/>
        <location filename="../../ui/signing_dialog.py" line="232"/>
        <location filename="../../ui/signing_dialog.py" line="249"/>
        <source>签名</source>
        <translation>Signatures</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="70"/>
        <source>被检查单位的陈述、申辩</source>
        <translation>The party&apos;s statement and defence</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="74"/>
        <source>如 院长、负责人</source>
        <translation>e.g. director, person in charge</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="76"/>
        <source>照录当事人的陈述和申辩；没有则留空</source>
        <translation>The party&apos;s statement and defence, as given; leave empty if none</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="78"/>
        <source>保存陈述</source>
        <translation>Save statement</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="80"/>
        <source>陈述人</source>
        <translation>Given by</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="81"/>
        <source>职务</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="82"/>
        <source>陈述、申辩</source>
        <translation>Statement</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="86"/>
        <source>手写签名</source>
        <translation>Handwritten signature</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="90"/>
        <location filename="../../ui/signing_dialog.py" line="154"/>
        <source>（组长）</source>
        <translation> (leader)</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="92"/>
        <source>检查人员 %1%2</source>
        <translation>Inspector %1%2</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="94"/>
        <source>被检查单位代表</source>
        <translation>Institution&apos;s representative</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="95"/>
        <source>拒绝签名（由见证人签名）</source>
        <translation>Refuses to sign (a witness signs)</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="97"/>
        <source>拒签理由</source>
        <translation>Reason for refusing</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="99"/>
        <source>见证人姓名及身份</source>
        <translation>Witness&apos;s name and capacity</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="102"/>
        <source>保存签名</source>
        <translation>Save signature</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="118"/>
        <location filename="../../ui/signing_dialog.py" line="123"/>
        <location filename="../../ui/signing_dialog.py" line="269"/>
        <location filename="../../ui/signing_dialog.py" line="285"/>
        <source>数字签名</source>
        <translation>Digital signature</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="126"/>
        <source>管理密钥…</source>
        <translation>Manage keys…</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="128"/>
        <source>密钥</source>
        <translation>Key</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="129"/>
        <source>口令</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="134"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="152"/>
        <source>&lt;b&gt;签名情况&lt;/b&gt;</source>
        <translation>&lt;b&gt;Signatures&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="158"/>
        <source>%1%2：手写 %3&#x3000;数字 %4</source>
        <translation>%1%2: by hand %3   digital %4</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="166"/>
        <source>被检查单位代表：—</source>
        <translation>Representative: —</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="169"/>
        <source>被检查单位代表：拒签（%1）</source>
        <translation>Representative: refused (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="172"/>
        <source>被检查单位代表：✓ %1</source>
        <translation>Representative: ✓ %1</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="175"/>
        <source>还没有生成记录：手写签名完成后生成记录，核对后再数字签名。</source>
        <translation>No record yet: make it once the handwritten signatures are in, check it, then sign digitally.</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="177"/>
        <source>记录生成后有变更：请重新生成记录后再数字签名。</source>
        <translation>The data changed after the record was made: make it again before signing.</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="179"/>
        <source>数字签名前还需手写签名：%1</source>
        <translation>Still to sign by hand before digital signatures: %1</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="181"/>
        <source>&lt;b&gt;已签名锁定&lt;/b&gt;</source>
        <translation>&lt;b&gt;Signed and locked&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="197"/>
        <source>（试用）</source>
        <translation> (trial)</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="213"/>
        <source>未保存</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="232"/>
        <source>请先在签名框内签名</source>
        <translation>Please sign in the box first</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="249"/>
        <source>请先填写被检查单位代表的姓名</source>
        <translation>Please enter the representative&apos;s name first</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="270"/>
        <source>没有本检查组成员的密钥：请先在“管理密钥”中导入或生成</source>
        <translation>No key of a team member: import or make one under &quot;Manage keys&quot;</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="280"/>
        <source>已签名。</source>
        <translation>Signed. </translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="281"/>
        <source>还需签名：%1</source>
        <translation>Still to sign: %1</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="283"/>
        <source>全部签名已完成，记录已锁定。</source>
        <translation>All signatures are in; the record is locked.</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="290"/>
        <source>未签名</source>
        <translation>Not signed</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="292"/>
        <source>正在签名…</source>
        <translation>Signing…</translation>
    </message>
</context>
<context>
    <name>TrustList</name>
    <message>
        <location filename="../../ui/trust_dialog.py" line="58"/>
        <source>信任列表（医保局 CA 证书）</source>
        <translation>Trust list (the bureau&apos;s CA certificates)</translation>
    </message>
    <message>
        <location filename="../../ui/trust_dialog.py" line="62"/>
        <source>CA 证书</source>
        <translation>CA certificate</translation>
    </message>
    <message>
        <location filename="../../ui/trust_dialog.py" line="62"/>
        <source>SHA-256 指纹</source>
        <translation>SHA-256 fingerprint</translation>
    </message>
    <message>
        <location filename="../../ui/trust_dialog.py" line="62"/>
        <source>有效期至</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location filename="../../ui/trust_dialog.py" line="71"/>
        <source>加入 CA 证书…</source>
        <translation>Add a CA certificate…</translation>
    </message>
    <message>
        <location filename="../../ui/trust_dialog.py" line="72"/>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../ui/trust_dialog.py" line="79"/>
        <source>签名者的证书须能追溯到这里的 CA 证书，验证结论才是“通过”；试用（自签名）证书和个人证书不能加入。</source>
        <translation>A signer&apos;s certificate must chain to a CA certificate here for the verdict “passed”; trial (self-signed) and personal certificates cannot be added.</translation>
    </message>
    <message>
        <location filename="../../ui/trust_dialog.py" line="126"/>
        <source>已加入信任列表：%1</source>
        <translation>Added to the trust list: %1</translation>
    </message>
    <message>
        <location filename="../../ui/trust_dialog.py" line="137"/>
        <source>已从信任列表移除：%1</source>
        <translation>Removed from the trust list: %1</translation>
    </message>
    <message>
        <location filename="../../ui/trust_dialog.py" line="144"/>
        <source>选择医保局 CA 的证书</source>
        <translation>Choose the bureau CA&apos;s certificate</translation>
    </message>
    <message>
        <location filename="../../ui/trust_dialog.py" line="146"/>
        <source>证书 (*.pem *.crt *.cer *.der);;所有文件 (*)</source>
        <translation>Certificates (*.pem *.crt *.cer *.der);;All files (*)</translation>
    </message>
</context>
<context>
    <name>Verdict</name>
    <message>
        <location filename="../../ui/trust_dialog.py" line="46"/>
        <source>通过</source>
        <translation>passed</translation>
    </message>
    <message>
        <location filename="../../ui/trust_dialog.py" line="47"/>
        <source>完好但签名者未获信任</source>
        <translation>intact, but a signer is not trusted</translation>
    </message>
    <message>
        <location filename="../../ui/trust_dialog.py" line="48"/>
        <source>不通过</source>
        <translation>failed</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../ui/trust_dialog.py" line="169"/>
        <source>验证记录文件</source>
        <translation>Verify a record file</translation>
    </message>
    <message>
        <location filename="../../ui/trust_dialog.py" line="171"/>
        <source>选择一个已签名的记录 PDF</source>
        <translation>Choose a signed record PDF</translation>
    </message>
    <message>
        <location filename="../../ui/trust_dialog.py" line="178"/>
        <source>选择文件…</source>
        <translation>Choose a file…</translation>
    </message>
    <message>
        <location filename="../../ui/trust_dialog.py" line="180"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/trust_dialog.py" line="194"/>
        <source>正在验证 %1…</source>
        <translation>Verifying %1…</translation>
    </message>
    <message>
        <location filename="../../ui/trust_dialog.py" line="201"/>
        <source>正在验证签名…</source>
        <translation>Verifying the signatures…</translation>
    </message>
    <message>
        <location filename="../../ui/trust_dialog.py" line="206"/>
        <source>结论：%1</source>
        <translation>Verdict: %1</translation>
    </message>
    <message>
        <location filename="../../ui/trust_dialog.py" line="217"/>
        <source>选择记录文件</source>
        <translation>Choose the record file</translation>
    </message>
    <message>
        <location filename="../../ui/trust_dialog.py" line="217"/>
        <source>PDF 文件 (*.pdf);;所有文件 (*)</source>
        <translation>PDF files (*.pdf);;All files (*)</translation>
    </message>
</context>
</TS>
