<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AnnotationCanvas</name>
    <message>
        <location filename="../../ui/evidence/annotate.py" line="86"/>
        <source>文字标注</source>
        <translation>Text label</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/annotate.py" line="86"/>
        <source>文字：</source>
        <translation>Text:</translation>
    </message>
</context>
<context>
    <name>AnnotationEditor</name>
    <message>
        <location filename="../../ui/evidence/annotate.py" line="185"/>
        <source>标注（保存为副本，原件不变）</source>
        <translation>Annotate (saved as a copy; the original is unchanged)</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/annotate.py" line="192"/>
        <source>箭头</source>
        <translation>Arrow</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/annotate.py" line="192"/>
        <source>圆圈</source>
        <translation>Circle</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/annotate.py" line="192"/>
        <source>文字</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/annotate.py" line="202"/>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/annotate.py" line="206"/>
        <source>保存为标注副本</source>
        <translation>Save annotated copy</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/annotate.py" line="209"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/annotate.py" line="213"/>
        <source>拖动画箭头或圆圈；选“文字”后点击图片写字。</source>
        <translation>Drag to draw an arrow or a circle; choose “Text”, then click the picture to write.</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/annotate.py" line="264"/>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/annotate.py" line="273"/>
        <source>已保存标注副本</source>
        <translation>Annotated copy saved</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/annotate.py" line="278"/>
        <source>保存失败：%1</source>
        <translation>Not saved: %1</translation>
    </message>
</context>
<context>
    <name>BalanceModel</name>
    <message>
        <location filename="../../ui/stock_dialog.py" line="60"/>
        <source>品种</source>
        <translation>Drug</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialog.py" line="61"/>
        <source>规格</source>
        <translation>Specification</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialog.py" line="62"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialog.py" line="63"/>
        <source>附件1</source>
        <translation>Annex 1</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialog.py" line="64"/>
        <source>期初</source>
        <translation>Opening</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialog.py" line="65"/>
        <source>购进</source>
        <translation>Purchased</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialog.py" line="66"/>
        <source>销售</source>
        <translation>Sold</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialog.py" line="67"/>
        <source>医保结算</source>
        <translation>Settled</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialog.py" line="68"/>
        <source>应存</source>
        <translation>Expected</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialog.py" line="69"/>
        <source>实盘</source>
        <translation>Counted</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialog.py" line="70"/>
        <source>账实差</source>
        <translation>Stock gap</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialog.py" line="71"/>
        <source>结算超出</source>
        <translation>Settled beyond sold</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialog.py" line="72"/>
        <source>超出金额（元）</source>
        <translation>Excess (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialog.py" line="73"/>
        <source>差异</source>
        <translation>Gaps</translation>
    </message>
</context>
<context>
    <name>BillsModel</name>
    <message>
        <location filename="../../ui/claims_dialog.py" line="84"/>
        <source>规则</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="85"/>
        <source>结算单号</source>
        <translation>Bill no.</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="86"/>
        <source>参保人</source>
        <translation>Insured person</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="87"/>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="88"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="89"/>
        <source>医疗总费用</source>
        <translation>Total cost</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="90"/>
        <source>统筹基金支付</source>
        <translation>Paid by the fund</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="91"/>
        <source>核实结果</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="92"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="95"/>
        <source>未核实</source>
        <translation>Not checked</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="96"/>
        <source>核实无误</source>
        <translation>Verified correct</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="97"/>
        <source>发现问题</source>
        <translation>Problem found</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="115"/>
        <source>（证据 %1 件）</source>
        <translation> (%1 evidence)</translation>
    </message>
</context>
<context>
    <name>BundleExportDialog</name>
    <message>
        <location filename="../../ui/bundle_dialog.py" line="71"/>
        <source>导出交接包</source>
        <translation>Export hand-over bundle</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialog.py" line="74"/>
        <source>如 济南市医疗保障局、历城区医疗保障局</source>
        <translation>e.g. Jinan Healthcare Security Bureau, Licheng District Healthcare Security Bureau</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialog.py" line="75"/>
        <source>只导出上次交给该接收方之后的变化</source>
        <translation>Only what changed since the last bundle to this receiver</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialog.py" line="76"/>
        <source>只导出当前打开的检查</source>
        <translation>Only the inspection open now</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialog.py" line="80"/>
        <source>本机设备密钥（未使用检查人员的密钥）</source>
        <translation>This laptop&apos;s device key (no inspector&apos;s key)</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialog.py" line="91"/>
        <source>选择位置…</source>
        <translation>Choose where…</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialog.py" line="97"/>
        <source>接收方</source>
        <translation>Receiver</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialog.py" line="100"/>
        <source>签名密钥</source>
        <translation>Signing key</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialog.py" line="101"/>
        <source>密钥口令</source>
        <translation>Key passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialog.py" line="102"/>
        <source>保存为</source>
        <translation>Save as</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialog.py" line="105"/>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialog.py" line="108"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialog.py" line="122"/>
        <source>保存交接包</source>
        <translation>Save hand-over bundle</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialog.py" line="122"/>
        <source>交接包 (*.zip)</source>
        <translation>Hand-over bundles (*.zip)</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialog.py" line="131"/>
        <source>请选择交接包的保存位置</source>
        <translation>Choose where to save the bundle</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialog.py" line="135"/>
        <source>增量导出需要填写接收方</source>
        <translation>An incremental export needs the receiver</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialog.py" line="159"/>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialog.py" line="165"/>
        <source>正在导出交接包…</source>
        <translation>Exporting the hand-over bundle…</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialog.py" line="166"/>
        <source>已取消，未生成交接包</source>
        <translation>Cancelled: no bundle was made</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialog.py" line="174"/>
        <source>已导出：%1（%2 项检查，%3 个文件）</source>
        <translation>Exported: %1 (%2 inspections, %3 files)</translation>
    </message>
</context>
<context>
    <name>BundleImportDialog</name>
    <message>
        <location filename="../../ui/bundle_dialog.py" line="208"/>
        <source>导入交接包</source>
        <translation>Import hand-over bundle</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialog.py" line="210"/>
        <source>选择要导入的交接包</source>
        <translation>Choose the bundle to import</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialog.py" line="217"/>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialog.py" line="219"/>
        <source>信任签名者证书…</source>
        <translation>Trust a signer&apos;s certificate…</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialog.py" line="222"/>
        <source>本机有信任列表时，只接受其中的签名者；可在此为这次导入加入签名者或其 CA 的证书</source>
        <translation>With a trust list, only its signers are accepted; add a signer&apos;s certificate or its CA&apos;s for this import here</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialog.py" line="226"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialog.py" line="229"/>
        <source>处理冲突…</source>
        <translation>Settle conflicts…</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialog.py" line="232"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialog.py" line="248"/>
        <source>选择交接包</source>
        <translation>Choose hand-over bundle</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialog.py" line="248"/>
        <source>交接包 (*.zip);;所有文件 (*)</source>
        <translation>Hand-over bundles (*.zip);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialog.py" line="256"/>
        <source>选择签名者证书</source>
        <translation>Choose the signer&apos;s certificate</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialog.py" line="258"/>
        <source>证书 (*.pem *.crt *.cer *.der);;所有文件 (*)</source>
        <translation>Certificates (*.pem *.crt *.cer *.der);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialog.py" line="282"/>
        <source>正在验证 %1…</source>
        <translation>Verifying %1…</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialog.py" line="289"/>
        <source>正在验证交接包…</source>
        <translation>Verifying the bundle…</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialog.py" line="294"/>
        <source>交接人：%1</source>
        <translation>Handed over by: %1</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialog.py" line="312"/>
        <source>正在导入交接包…</source>
        <translation>Importing the bundle…</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialog.py" line="321"/>
        <source>已导入；%1 项冲突已保留两个版本，请检查组长处理</source>
        <translation>Imported; %1 conflicts kept both versions for the team leader to settle</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialog.py" line="326"/>
        <source>已导入</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialog.py" line="328"/>
        <source>本机已有交接包中的全部内容，没有变化</source>
        <translation>This laptop already holds everything in the bundle: nothing changed</translation>
    </message>
</context>
<context>
    <name>CameraDialog</name>
    <message>
        <location filename="../../ui/evidence/camera.py" line="53"/>
        <source>摄像头不可用：多媒体组件无法加载（%1）</source>
        <translation>Camera unavailable: the multimedia components could not be loaded (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/camera.py" line="58"/>
        <source>未检测到摄像头。可用手机或相机拍照后，导入照片或存储卡文件夹。</source>
        <translation>No camera found. Take photos with a phone or camera, then add the photos or the memory card&apos;s folder.</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/camera.py" line="113"/>
        <source>拍照取证</source>
        <translation>Take photos as evidence</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/camera.py" line="134"/>
        <source>拍照</source>
        <translation>Take photo</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/camera.py" line="138"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/camera.py" line="142"/>
        <source>摄像头：</source>
        <translation>Camera:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/camera.py" line="173"/>
        <source>正在拍照…</source>
        <translation>Taking the photo…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/evidence/camera.py" line="180"/>
        <source>已拍摄 %n 张</source>
        <translation>
            <numerusform>%n photo taken</numerusform>
            <numerusform>%n photos taken</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/evidence/camera.py" line="184"/>
        <source>拍照失败：%1</source>
        <translation>Photo failed: %1</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/camera.py" line="200"/>
        <source>用电脑摄像头拍照取证</source>
        <translation>Take photos as evidence with the laptop&apos;s camera</translation>
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message>
        <location filename="../../ui/campaign_panel.py" line="185"/>
        <location filename="../../ui/campaign_panel.py" line="189"/>
        <source>阶段</source>
        <translation>Phase</translation>
    </message>
    <message>
        <location filename="../../ui/campaign_panel.py" line="185"/>
        <source>开始</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ui/campaign_panel.py" line="185"/>
        <source>结束</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../../ui/campaign_panel.py" line="194"/>
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/campaign_panel.py" line="194"/>
        <source>规定日期</source>
        <translation>Date set</translation>
    </message>
    <message>
        <location filename="../../ui/campaign_panel.py" line="194"/>
        <source>最后一日</source>
        <translation>Last day</translation>
    </message>
    <message>
        <location filename="../../ui/campaign_panel.py" line="194"/>
        <source>剩余工作日</source>
        <translation>Working days left</translation>
    </message>
    <message>
        <location filename="../../ui/campaign_panel.py" line="200"/>
        <source>（节假日安排待公布）</source>
        <translation> (holidays not yet announced)</translation>
    </message>
    <message>
        <location filename="../../ui/campaign_panel.py" line="201"/>
        <source>已完成（%1）</source>
        <translation>Done (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/campaign_panel.py" line="203"/>
        <source>已报送（%1）</source>
        <translation>Submitted (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/campaign_panel.py" line="205"/>
        <source>逾期</source>
        <translation>Late</translation>
    </message>
    <message>
        <location filename="../../ui/campaign_panel.py" line="213"/>
        <source>报送与回头看（遇节假日顺延至下一个工作日）</source>
        <translation>Reports and follow-ups (a holiday moves the last day to the next working day)</translation>
    </message>
    <message>
        <location filename="../../ui/campaign_panel.py" line="216"/>
        <source>区县</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../ui/campaign_panel.py" line="216"/>
        <source>已检查</source>
        <translation>Inspected</translation>
    </message>
    <message>
        <location filename="../../ui/campaign_panel.py" line="216"/>
        <source>范围内</source>
        <translation>In scope</translation>
    </message>
    <message>
        <location filename="../../ui/campaign_panel.py" line="216"/>
        <source>覆盖率</source>
        <translation>Coverage</translation>
    </message>
    <message>
        <location filename="../../ui/campaign_panel.py" line="222"/>
        <source>覆盖率（本机的机构名录）</source>
        <translation>Coverage (this laptop&apos;s registry)</translation>
    </message>
    <message>
        <location filename="../../ui/campaign_panel.py" line="226"/>
        <source>机构类型：%1
区县：%2
专项清单：%3</source>
        <translation>Institution types: %1
Districts: %2
Focus packs: %3</translation>
    </message>
    <message>
        <location filename="../../ui/campaign_panel.py" line="235"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>CampaignPanel</name>
    <message>
        <location filename="../../ui/campaign_panel.py" line="38"/>
        <source>情况报告</source>
        <translation>Periodic report</translation>
    </message>
    <message>
        <location filename="../../ui/campaign_panel.py" line="39"/>
        <source>季度统计表</source>
        <translation>Quarterly statistics</translation>
    </message>
    <message>
        <location filename="../../ui/campaign_panel.py" line="40"/>
        <source>总结</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../ui/campaign_panel.py" line="41"/>
        <source>回头看</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../ui/campaign_panel.py" line="102"/>
        <source>专项行动：%1（%2）</source>
        <translation>Campaign: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/campaign_panel.py" line="104"/>
        <source>专项行动：%1</source>
        <translation>Campaign: %1</translation>
    </message>
    <message>
        <location filename="../../ui/campaign_panel.py" line="108"/>
        <source>详情…</source>
        <translation>Details…</translation>
    </message>
    <message>
        <location filename="../../ui/campaign_panel.py" line="115"/>
        <source>当前阶段：%1（至 %2）</source>
        <translation>Current phase: %1 (until %2)</translation>
    </message>
    <message>
        <location filename="../../ui/campaign_panel.py" line="118"/>
        <source>尚未开始：%1（%2 起）</source>
        <translation>Not started: %1 (from %2)</translation>
    </message>
    <message>
        <location filename="../../ui/campaign_panel.py" line="120"/>
        <source>各阶段已结束</source>
        <translation>All phases are over</translation>
    </message>
    <message>
        <location filename="../../ui/campaign_panel.py" line="125"/>
        <source>逾期：%1（应于 %2 前）</source>
        <translation>Late: %1 (due by %2)</translation>
    </message>
    <message>
        <location filename="../../ui/campaign_panel.py" line="137"/>
        <source>各区县</source>
        <translation>all districts</translation>
    </message>
    <message>
        <location filename="../../ui/campaign_panel.py" line="141"/>
        <source>覆盖率（%1）：已检查 %2 / 范围内 %3 家（%4）</source>
        <translation>Coverage (%1): %2 inspected of %3 in scope (%4)</translation>
    </message>
    <message>
        <location filename="../../ui/campaign_panel.py" line="156"/>
        <source>%1 %2 前（还有 %3 个工作日）</source>
        <translation>%1 by %2 (%3 working days left)</translation>
    </message>
    <message>
        <location filename="../../ui/campaign_panel.py" line="163"/>
        <source>待办：</source>
        <translation>Due: </translation>
    </message>
</context>
<context>
    <name>CaseDocumentDialog</name>
    <message>
        <location filename="../../ui/case_page.py" line="1079"/>
        <source>数字签名</source>
        <translation>Digital signature</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="1081"/>
        <source>签名人的密钥</source>
        <translation>Signer&apos;s key</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="1082"/>
        <source>口令</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="1086"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="1088"/>
        <source>另存为…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="1090"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="1132"/>
        <source>%1 %2：已由 %3 数字签名。</source>
        <translation>%1 %2: digitally signed by %3.</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="1141"/>
        <source>%1：已由 %2 签名，还须 %3 签名。</source>
        <translation>%1: signed by %2; %3 must still sign.</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="1150"/>
        <source>%1 由%2签署：本机没有其密钥（执法证号 %3），可在命令行签名。</source>
        <translation>%1 is signed by the %2: this computer has no key of theirs (certificate no. %3); sign it on the command line.</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="1159"/>
        <source>%1 由%2签署：请选择其密钥并输入口令。</source>
        <translation>%1 is signed by the %2: choose their key and enter its passphrase.</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="1189"/>
        <source>正在签名…</source>
        <translation>Signing…</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="1205"/>
        <source>另存为</source>
        <translation>Save as</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="1205"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
</context>
<context>
    <name>CaseDueBanner</name>
    <message>
        <location filename="../../ui/case_page.py" line="1440"/>
        <source>案件期限：%1 项到期或逾期，其中 %2 项已逾期</source>
        <translation>Case deadlines: %1 due or late, %2 of them late</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="1448"/>
        <location filename="../../ui/case_page.py" line="1476"/>
        <source>%1（待公布）</source>
        <translation>%1 (provisional)</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="1450"/>
        <location filename="../../ui/case_page.py" line="1478"/>
        <source>已逾期 %1 天</source>
        <translation>%1 days late</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="1452"/>
        <location filename="../../ui/case_page.py" line="1480"/>
        <source>今天到期</source>
        <translation>due today</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="1454"/>
        <location filename="../../ui/case_page.py" line="1482"/>
        <source>还有 %1 天</source>
        <translation>%1 days left</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="1457"/>
        <source>%1 %2（%3）%4 %5，%6 →</source>
        <translation>%1 %2 (%3) %4 %5, %6 →</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="1486"/>
        <source>%1 %2 %3 期限 %4，%5 →</source>
        <translation>%1 %2 %3, last day %4, %5 →</translation>
    </message>
</context>
<context>
    <name>CaseModel</name>
    <message>
        <location filename="../../ui/case_page.py" line="157"/>
        <source>编号</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="158"/>
        <source>当事人</source>
        <translation>Party</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="159"/>
        <source>阶段</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="160"/>
        <source>登记日期</source>
        <translation>Registered on</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="161"/>
        <source>案情</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="162"/>
        <source>期限</source>
        <translation>Deadlines</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="176"/>
        <source>%1（已逾期）</source>
        <translation>%1 (late)</translation>
    </message>
</context>
<context>
    <name>CasePage</name>
    <message>
        <location filename="../../ui/case_page.py" line="216"/>
        <source>← 检查列表</source>
        <translation>← Inspections</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="218"/>
        <source>问题台账 →</source>
        <translation>Problem ledger →</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="220"/>
        <location filename="../../ui/case_page.py" line="721"/>
        <source>案件</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="230"/>
        <source>当事人（机构或个人）名称…</source>
        <translation>Party (institution or person) name…</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="233"/>
        <source>未结束的案件</source>
        <translation>Open cases</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="234"/>
        <source>全部阶段</source>
        <translation>All stages</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="238"/>
        <source>全部期限</source>
        <translation>All deadlines</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="239"/>
        <source>有期限已逾期</source>
        <translation>A deadline passed</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="270"/>
        <source>下一步</source>
        <translation>Next step</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="280"/>
        <source>处理措施…</source>
        <translation>Measure…</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="282"/>
        <source>记录缴款…</source>
        <translation>Record payment…</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="285"/>
        <source>封存或先行登记保存…</source>
        <translation>Seal or preserve…</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="287"/>
        <source>延长封存…</source>
        <translation>Extend the seal…</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="289"/>
        <source>解除或处理…</source>
        <translation>Release or decide…</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="300"/>
        <source>移送…</source>
        <translation>Refer…</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="302"/>
        <source>登记签收…</source>
        <translation>Record receipt…</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="304"/>
        <source>登记反馈…</source>
        <translation>Record feedback…</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="306"/>
        <source>登记退回…</source>
        <translation>Record return…</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="321"/>
        <source>案件文书</source>
        <translation>Case documents</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="324"/>
        <location filename="../../ui/case_page.py" line="349"/>
        <source>文书</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="324"/>
        <location filename="../../ui/case_page.py" line="349"/>
        <source>文号</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="324"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="324"/>
        <location filename="../../ui/case_page.py" line="349"/>
        <source>签名</source>
        <translation>Signature</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="309"/>
        <source>登记收到的移送案件…</source>
        <translation>Register a case referred to us…</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="346"/>
        <source>强制措施和移送文书</source>
        <translation>Documents of compulsory measures and referrals</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="349"/>
        <source>所属</source>
        <translation>Belongs to</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="361"/>
        <source>制作强制措施文书…</source>
        <translation>Make a measure document…</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="363"/>
        <source>查看、签名、打印该文书…</source>
        <translation>View, sign, print this document…</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="336"/>
        <source>制作文书…</source>
        <translation>Make document…</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="338"/>
        <source>查看、签名、打印…</source>
        <translation>View, sign, print…</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="365"/>
        <source>登记清单签名…</source>
        <translation>Register the list&apos;s signatures…</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="423"/>
        <source>共 %1 个案件，其中 %2 个有期限已逾期</source>
        <translation>%1 cases, %2 of them with a deadline passed</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="509"/>
        <source>选择一个案件查看详情</source>
        <translation>Choose a case to see its details</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="522"/>
        <source>阶段</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="523"/>
        <source>登记日期</source>
        <translation>Registered on</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="524"/>
        <source>检查日期</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="525"/>
        <source>案情</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="526"/>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="527"/>
        <source>承办人</source>
        <translation>Case officers</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="528"/>
        <source>期限</source>
        <translation>Deadlines</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="529"/>
        <source>办理经过</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="530"/>
        <source>处理措施和金额</source>
        <translation>Measures and amounts</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="531"/>
        <source>缴款</source>
        <translation>Payments</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="580"/>
        <source>（条例第%1条）</source>
        <translation> (Regulation art. %1)</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="583"/>
        <source>已缴 %1</source>
        <translation>paid %1</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="587"/>
        <source>（已撤回）</source>
        <translation> (withdrawn)</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="600"/>
        <source>%1 %2（已缴 %3）</source>
        <translation>%1 %2 (paid %3)</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="624"/>
        <source>%1（待公布）</source>
        <translation>%1 (provisional)</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="626"/>
        <source>%1 %2 %3：%4 项，最后一天 %5，%6</source>
        <translation>%1 %2 %3: %4 items, last day %5, %6</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="635"/>
        <source>；%1 延长</source>
        <translation>; extended %1</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="637"/>
        <source>；%1 %2</source>
        <translation>; %1 %2</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="647"/>
        <source>%1 移送%2（%3）%4：%5</source>
        <translation>%1 referred to %2 (%3) %4: %5</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="662"/>
        <source>%1（待公布：该年节假日安排尚未公布）</source>
        <translation>%1 (provisional: that year&apos;s holidays are not published yet)</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="664"/>
        <source>已逾期 %1 天</source>
        <translation>%1 days late</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="666"/>
        <source>今天到期</source>
        <translation>due today</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="668"/>
        <source>还有 %1 天</source>
        <translation>%1 days left</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="669"/>
        <source>%1：最后一天 %2，%3</source>
        <translation>%1: last day %2, %3</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="675"/>
        <location filename="../../ui/case_page.py" line="706"/>
        <source>已签名（%1）</source>
        <translation>Signed (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="677"/>
        <source>待 %1 签名</source>
        <translation>To be signed by %1</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="680"/>
        <source>待%1签名</source>
        <translation>To be signed by the %1</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="697"/>
        <source>移送%1 %2</source>
        <translation>Referral to %1 %2</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="708"/>
        <source>待执法人员签名</source>
        <translation>To be signed by an officer</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="824"/>
        <source>请选择移送证据包的保存位置</source>
        <translation>Choose where to save the referral&apos;s evidence bundle</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="876"/>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="889"/>
        <location filename="../../ui/case_page.py" line="935"/>
        <source>已制作%1</source>
        <translation>Made the %1</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="996"/>
        <source>已登记%1移送的案件：%2 %3</source>
        <translation>Registered the case referred by %1: %2 %3</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="999"/>
        <source>其他部门</source>
        <translation>Other department</translation>
    </message>
</context>
<context>
    <name>CaseStepDialog</name>
    <message>
        <location filename="../../ui/ledger_page.py" line="212"/>
        <source>案件处理</source>
        <translation>Case handling</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="220"/>
        <source>如：历城区医疗保障局、历城区公安分局</source>
        <translation>e.g. Licheng District Healthcare Security Bureau, Licheng District Public Security Bureau</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="226"/>
        <source>处理方式</source>
        <translation>Handling</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="227"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="228"/>
        <source>处理或接收单位</source>
        <translation>Handling or receiving body</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="229"/>
        <source>文书编号</source>
        <translation>Document number</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="230"/>
        <source>当事人陈述申辩</source>
        <translation>Party&apos;s statement and defence</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="231"/>
        <source>陈述申辩日期</source>
        <translation>Date of the statement</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="232"/>
        <source>本次追回金额（元）</source>
        <translation>Recovered in this step (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="233"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>ChecklistPage</name>
    <message>
        <location filename="../../ui/checklist_page.py" line="180"/>
        <source>← 返回</source>
        <translation>← Back</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_page.py" line="202"/>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_page.py" line="208"/>
        <location filename="../../ui/checklist_page.py" line="532"/>
        <location filename="../../ui/checklist_page.py" line="854"/>
        <source>完成现场检查</source>
        <translation>Finish on-site check</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_page.py" line="212"/>
        <source>检查时间…</source>
        <translation>Inspection time…</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_page.py" line="214"/>
        <source>检查的开始、结束时间和执法主体</source>
        <translation>Start and end of the inspection, and the issuing authority</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_page.py" line="217"/>
        <source>证件与告知…</source>
        <translation>Credentials and notices…</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_page.py" line="221"/>
        <source>询问笔录…</source>
        <translation>Interview records…</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_page.py" line="225"/>
        <source>生成记录</source>
        <translation>Make record</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_page.py" line="319"/>
        <source>快捷键 Ctrl+%1</source>
        <translation>Shortcut Ctrl+%1</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_page.py" line="328"/>
        <source>情况说明：看到了什么、在哪里、涉及哪些病历或票据</source>
        <translation>Note: what was seen, where, which medical records or receipts</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_page.py" line="338"/>
        <source>如 12345.60</source>
        <translation>e.g. 12345.60</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_page.py" line="347"/>
        <source>情况说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_page.py" line="349"/>
        <source>不涉及金额</source>
        <translation>No amount involved</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_page.py" line="357"/>
        <source>涉及金额（元）</source>
        <translation>Amount involved (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_page.py" line="358"/>
        <source>违规类别</source>
        <translation>Violation category</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_page.py" line="362"/>
        <source>没有照片或书证时，写明原因（如 当事人拒绝提供）</source>
        <translation>Without photos or documents, say why (e.g. the party refused to provide them)</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_page.py" line="366"/>
        <source>无证据原因</source>
        <translation>Why no evidence</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_page.py" line="372"/>
        <source>进销存核对…</source>
        <translation>Stock reconciliation…</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_page.py" line="376"/>
        <source>追溯码扫码核查…</source>
        <translation>Trace code sweep…</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_page.py" line="391"/>
        <source>如何检查</source>
        <translation>How to check</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_page.py" line="466"/>
        <source>无法打开检查</source>
        <translation>Cannot open the inspection</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_page.py" line="516"/>
        <source>组长 %1</source>
        <translation>leader %1</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_page.py" line="532"/>
        <source>重新打开检查</source>
        <translation>Reopen inspection</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_page.py" line="618"/>
        <source>检查要点 %1：</source>
        <translation>Inspection point %1: </translation>
    </message>
    <message>
        <location filename="../../ui/checklist_page.py" line="620"/>
        <source>该类机构的检查重点</source>
        <translation>priority for this type of institution</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_page.py" line="631"/>
        <source>（未选择）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_page.py" line="643"/>
        <source>（本工具的检查建议）</source>
        <translation> (the tool&apos;s own advice)</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_page.py" line="649"/>
        <source>依据：%1</source>
        <translation>Sources: %1</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_page.py" line="818"/>
        <source>已检查 %1/%2 · 发现问题 %3 · 涉及金额 %4</source>
        <translation>Checked %1/%2 · problems %3 · amount %4</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_page.py" line="829"/>
        <source>✓ 已保存 %1</source>
        <translation>✓ Saved %1</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_page.py" line="834"/>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_page.py" line="838"/>
        <location filename="../../ui/checklist_page.py" line="840"/>
        <source>保存失败</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_page.py" line="851"/>
        <source>结束现场检查后，答案将不能再修改（可重新打开）。</source>
        <translation>After finishing, answers can no longer be changed (the inspection can be reopened).</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/checklist_page.py" line="853"/>
        <source>还有 %n 项未检查。</source>
        <translation>
            <numerusform>%n item is still unchecked.</numerusform>
            <numerusform>%n items are still unchecked.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/checklist_page.py" line="872"/>
        <source>无法完成</source>
        <translation>Cannot finish</translation>
    </message>
</context>
<context>
    <name>ClaimsDialog</name>
    <message>
        <location filename="../../ui/claims_dialog.py" line="169"/>
        <source>结算数据抽样 · %1</source>
        <translation>Claims sampling · %1</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="174"/>
        <source>抽样规则（医保结算数据导出：Excel 或 CSV）</source>
        <translation>Sampling rules (settlement export: Excel or CSV)</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="178"/>
        <source>结算数据文件</source>
        <translation>Settlement data file</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="179"/>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="183"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="188"/>
        <source>起始日期</source>
        <translation>Since</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="191"/>
        <source>非负整数；写在清单上，任何人可据此复核</source>
        <translation>A non-negative integer; printed on the list so anyone can check it</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="192"/>
        <source>随机生成</source>
        <translation>Generate</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="196"/>
        <source>随机种子</source>
        <translation>Random seed</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="207"/>
        <source>最近一年</source>
        <translation>Latest year</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="210"/>
        <source>其余票据抽样比例</source>
        <translation>Sample rate of the other bills</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="211"/>
        <source>住院全查阈值（元）</source>
        <translation>Inpatient threshold (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="212"/>
        <source>门诊费用前</source>
        <translation>Top outpatient spenders:</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="213"/>
        <source>名，年度</source>
        <translation>, year</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="219"/>
        <source>第三方复核（抽样比例不低于 10%）</source>
        <translation>Third-party review (rate at least 10%)</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="225"/>
        <source>可选：智能监控疑点的结算单号清单（.txt 每行一个，或含“结算单号”列的表格）</source>
        <translation>Optional: settlement numbers flagged by smart monitoring (.txt one per line, or a table with a 结算单号 column)</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="227"/>
        <source>选择疑点清单…</source>
        <translation>Choose flagged list…</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="231"/>
        <source>疑点优先</source>
        <translation>Flagged first</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="233"/>
        <source>结合本次检查最近一次规则运行的命中（智能监控疑点）</source>
        <translation>Take the hits of this inspection&apos;s latest rule run first (smart monitoring)</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="236"/>
        <source>读取并抽样</source>
        <translation>Read and sample</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="242"/>
        <source>抽样结果</source>
        <translation>Sample</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="244"/>
        <source>尚未读取文件。</source>
        <translation>No file read yet.</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="252"/>
        <source>建立抽样清单（附到本次检查）</source>
        <translation>Make the list (attach to this inspection)</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="259"/>
        <source>本次检查的抽样清单</source>
        <translation>Lists of this inspection</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="279"/>
        <source>说明（发现问题时必填）</source>
        <translation>Note (required for a problem)</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="280"/>
        <source>核实无误</source>
        <translation>Verified correct</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="281"/>
        <source>发现问题</source>
        <translation>Problem found</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="284"/>
        <source>关联证据…</source>
        <translation>Link evidence…</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="300"/>
        <source>选择结算数据</source>
        <translation>Choose settlement data</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="302"/>
        <source>结算数据 (*.xlsx *.csv *.txt)</source>
        <translation>Settlement data (*.xlsx *.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="310"/>
        <source>选择疑点结算单号清单</source>
        <translation>Choose the flagged settlement numbers</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="312"/>
        <source>疑点清单 (*.txt *.xlsx *.csv)</source>
        <translation>Flagged list (*.txt *.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="345"/>
        <location filename="../../ui/claims_dialog.py" line="372"/>
        <location filename="../../ui/claims_dialog.py" line="459"/>
        <location filename="../../ui/claims_dialog.py" line="575"/>
        <source>结算数据抽样</source>
        <translation>Claims sampling</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="348"/>
        <source>正在读取 %1…</source>
        <translation>Reading %1…</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="383"/>
        <source>%1：%2 行，SHA-256 %3</source>
        <translation>%1: %2 rows, SHA-256 %3</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="392"/>
        <source>第 %1 行：%2</source>
        <translation>Row %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="399"/>
        <source>共拒绝 %1 行：未建立抽样清单，请修改文件后重新读取。</source>
        <translation>%1 rows refused: no list was made. Correct the file and read it again.</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="417"/>
        <source>列入清单 %1 张（%2）。规则：%3</source>
        <translation>%1 bills listed (%2). Rules: %3</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="429"/>
        <source>因智能监控疑点列入 %1 张（疑点清单 %2 个结算单号，其中 %3 张在抽样范围内）</source>
        <translation>%1 bills taken because flagged by smart monitoring (flagged list: %2 settlement numbers, %3 of them within the sampled bills)</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="494"/>
        <source>%1（%2 张，SHA-256 %3…）</source>
        <translation>%1 (%2 bills, SHA-256 %3…)</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="518"/>
        <source>规则：%1
已核实 %2/%3，发现问题 %4</source>
        <translation>Rules: %1
Checked %2/%3, problems found %4</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="525"/>
        <source>其中因智能监控疑点列入 %1 张</source>
        <translation>%1 of them taken because flagged by smart monitoring</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="376"/>
        <source>正在读取结算数据…</source>
        <translation>Reading settlement data…</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="379"/>
        <source>已取消。</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="449"/>
        <source>抽样清单已建立。</source>
        <translation>The list was made.</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="464"/>
        <source>正在建立抽样清单…</source>
        <translation>Making the list…</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="509"/>
        <source>本次检查尚无抽样清单。</source>
        <translation>This inspection has no list yet.</translation>
    </message>
</context>
<context>
    <name>CompulsoryDialog</name>
    <message>
        <location filename="../../ui/case_dialogs.py" line="543"/>
        <source>封存或先行登记保存</source>
        <translation>Seal or register and preserve</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="554"/>
        <source>每行一项：名称，数量，单位</source>
        <translation>One item a line: name, quantity, unit</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="555"/>
        <source>措施</source>
        <translation>Measure</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="556"/>
        <source>决定书文号</source>
        <translation>Decision number</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="557"/>
        <source>决定日期</source>
        <translation>Decision date</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="558"/>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="559"/>
        <source>批准的负责人</source>
        <translation>Approving head</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="560"/>
        <source>实施的执法人员执法证号（两名以上）</source>
        <translation>Certificate nos. of the officers carrying it out (two or more)</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="561"/>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="562"/>
        <source>清单</source>
        <translation>List</translation>
    </message>
</context>
<context>
    <name>CompulsoryStepDialog</name>
    <message>
        <location filename="../../ui/case_dialogs.py" line="597"/>
        <source>解除或处理</source>
        <translation>Release or decide</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="597"/>
        <source>延长封存期限</source>
        <translation>Extend the sealing period</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="606"/>
        <source>措施</source>
        <translation>Measure</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="607"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="608"/>
        <source>决定文号</source>
        <translation>Decision number</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="616"/>
        <source>封存期限已经届满</source>
        <translation>The sealing period has expired</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="617"/>
        <source>已对违法行为作出处理决定，不再需要封存</source>
        <translation>The violation has been decided on; the seal is no longer needed</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="618"/>
        <source>当事人没有违法行为</source>
        <translation>The party committed no violation</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="619"/>
        <source>封存的资料、财物与违法行为无关</source>
        <translation>What was sealed is unrelated to the violation</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="620"/>
        <source>其他不再需要采取封存措施的情形</source>
        <translation>Other grounds: the seal is no longer needed</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="623"/>
        <source>处理决定</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="624"/>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="625"/>
        <source>转为封存的决定书文号</source>
        <translation>Number of the sealing decision (when sealed)</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="626"/>
        <source>批准的负责人（转为封存时）</source>
        <translation>Approving head (when sealed)</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="628"/>
        <source>延长理由</source>
        <translation>Reason for the extension</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="629"/>
        <source>批准延长的负责人</source>
        <translation>Head approving the extension</translation>
    </message>
</context>
<context>
    <name>ConfirmationPad</name>
    <message>
        <location filename="../../ui/interview_dialog.py" line="558"/>
        <source>被询问人手写确认意见</source>
        <translation>Interviewee&apos;s handwritten confirmation</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="563"/>
        <source>请被询问人核对笔录后，在下框内亲笔写下确认意见，如“以上笔录我已看过，与我所说的一致”。</source>
        <translation>After checking the record, the interviewee writes the confirmation by hand in the box below, e.g. &quot;I have read the above record; it matches what I said.&quot;</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="571"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="573"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="585"/>
        <source>请先在框内书写</source>
        <translation>Please write in the box first</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <location filename="../../ui/bundle_dialog.py" line="350"/>
        <source>交接冲突</source>
        <translation>Hand-over conflicts</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialog.py" line="358"/>
        <source>保留本机版本</source>
        <translation>Keep this laptop&apos;s version</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialog.py" line="359"/>
        <source>采用交接包版本</source>
        <translation>Take the bundle&apos;s version</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialog.py" line="362"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialog.py" line="370"/>
        <source>两台电脑都修改过的内容（只有检查组长可以处理）：</source>
        <translation>Changed on both laptops (only the team leader can settle these):</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialog.py" line="395"/>
        <source>%1：%2（检查 %3）</source>
        <translation>%1: %2 (inspection %3)</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialog.py" line="406"/>
        <source>没有待处理的交接冲突</source>
        <translation>No hand-over conflicts to settle</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialog.py" line="419"/>
        <source>来自：%1</source>
        <translation>From: %1</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialog.py" line="423"/>
        <source>%1&#x3000;本机：%2&#x3000;交接包：%3</source>
        <translation>%1  here: %2  bundle: %3</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialog.py" line="433"/>
        <source>已处理：%1</source>
        <translation>Settled: %1</translation>
    </message>
</context>
<context>
    <name>Core</name>
    <message>
        <location filename="../../ui/core_messages.py" line="72"/>
        <source>金额“{text}”不是数字</source>
        <translation>The amount “{text}” is not a number</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="73"/>
        <source>金额不能为负数</source>
        <translation>The amount cannot be negative</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="74"/>
        <source>金额最多保留两位小数（分）</source>
        <translation>The amount has at most two decimals (fen)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="75"/>
        <source>金额过大</source>
        <translation>The amount is too large</translation>
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
        <location filename="../../ui/core_messages.py" line="92"/>
        <source>同一执法证号在检查组中出现了两次</source>
        <translation>The same enforcement certificate number appears twice in the team</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="93"/>
        <source>组长的执法证号 {leader_cert} 不在检查组中</source>
        <translation>The leader&apos;s certificate number {leader_cert} is not in the team</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="94"/>
        <source>执法证号 {cert_no} 已登记为“{name}”，与“{name2}”不符</source>
        <translation>Certificate number {cert_no} is registered to “{name}”, not “{name2}”</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="95"/>
        <source>机构“{name}”（{district}）已登记为“{value}”，与本次填写的类型不符</source>
        <translation>The institution “{name}” ({district}) is registered as “{value}”, not the type entered now</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="98"/>
        <source>本次检查的清单中没有条目 {item_code}</source>
        <translation>The checklist of this inspection has no item {item_code}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="100"/>
        <location filename="../../ui/core_messages.py" line="170"/>
        <source>证据文件缺失：{sha256}</source>
        <translation>Evidence file missing: {sha256}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="101"/>
        <location filename="../../ui/core_messages.py" line="171"/>
        <source>无法读取证据文件 {sha256}：{error}</source>
        <translation>Cannot read evidence file {sha256}: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="102"/>
        <source>文件内容与其 SHA-256 不符：应为 {expected}，实为 {actual}</source>
        <translation>The file&apos;s content does not match its SHA-256: expected {expected}, found {actual}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="103"/>
        <source>请填写检查人员姓名</source>
        <translation>Please enter the inspector&apos;s name</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="104"/>
        <source>本机没有执法证号为 {cert_no} 的检查人员：请同时填写姓名</source>
        <translation>No inspector with enforcement certificate no. {cert_no} on this laptop: please enter the name too</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="105"/>
        <source>条目 {item_code} 可记录的违规类别为：{names}</source>
        <translation>The violation categories item {item_code} can record are: {names}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="106"/>
        <source>只能重新打开待签字的检查（当前状态：{value}）</source>
        <translation>Only an inspection awaiting signatures can be reopened (its status: {value})</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="107"/>
        <source>结果“{result}”无效，可选：{allowed}</source>
        <translation>The result “{result}” is not valid; choose one of: {allowed}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="108"/>
        <source>执法证号 {cert_no} 不是本检查组的成员</source>
        <translation>Certificate number {cert_no} is not a member of this team</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="109"/>
        <source>文件为空（0 字节）</source>
        <translation>The file is empty (0 bytes)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="110"/>
        <source>无法锁定临时文件夹</source>
        <translation>The scratch folder cannot be locked</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="111"/>
        <source>无法锁定临时文件</source>
        <translation>Cannot lock a temporary file</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="112"/>
        <source>记录文件 {name} 已存在且内容不同，未覆盖</source>
        <translation>The record file {name} exists with other contents: not overwritten</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="113"/>
        <source>记录文件 {name} 的内容与其 SHA-256 不符</source>
        <translation>The contents of the record file {name} do not match its SHA-256</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="114"/>
        <source>不是文件</source>
        <translation>Not a file</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="115"/>
        <source>无法读取文件：{value}</source>
        <translation>The file cannot be read: {value}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="116"/>
        <source>HEIC/HEIF 照片需要 pillow-heif 组件，本机未安装</source>
        <translation>HEIC/HEIF photos need the pillow-heif component, which is not installed here</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="117"/>
        <source>图片像素数过大（疑似解压炸弹），已拒绝</source>
        <translation>The picture has too many pixels (a decompression bomb?): refused</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="118"/>
        <source>不是可识别的图片、PDF 或视频文件</source>
        <translation>Not a picture, PDF or video file this tool knows</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="119"/>
        <source>图片已损坏或不完整：{error}</source>
        <translation>The picture is damaged or incomplete: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="120"/>
        <source>不支持的图片格式：{format}</source>
        <translation>Picture format not supported: {format}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="121"/>
        <source>请先完成现场检查（结束检查后才能签名记录）</source>
        <translation>Finish the inspection first (the record is signed after the inspection is finished)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="122"/>
        <source>还没有生成检查记录：请先生成记录，核对后再签名</source>
        <translation>No record has been made yet: make the record, check it, then sign</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="123"/>
        <source>记录生成后数据有变更：请重新生成记录，核对后再签名</source>
        <translation>The data changed after the record was made: make the record again, check it, then sign</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="124"/>
        <source>该密钥证书上的执法证号（{value}）不属于本检查组，不能签名本记录</source>
        <translation>The certificate number on this key&apos;s certificate ({value}) is not on this team: it cannot sign this record</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="127"/>
        <source>{name} 已经签过本记录</source>
        <translation>{name} has already signed this record</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="128"/>
        <source>组长最后签名：还需 {others} 先签名</source>
        <translation>The leader signs last: {others} must sign first</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="129"/>
        <source>记录中没有该检查人员的签名位置：请重新生成记录</source>
        <translation>The record has no signature place for this inspector: make the record again</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="130"/>
        <source>请先完成手写签名：{missing}</source>
        <translation>Complete the handwritten signatures first: {missing}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="131"/>
        <source>该检查的记录已数字签名并锁定，不能再修改；如需更正请新建更正记录。</source>
        <translation>The record of this inspection is digitally signed and locked: it cannot be changed; make an amendment to correct it.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="134"/>
        <source>签名为空</source>
        <translation>The signature is empty</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="135"/>
        <source>签名角色应为：{value}</source>
        <translation>The signer&apos;s role must be one of: {value}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="136"/>
        <source>请填写签名人姓名</source>
        <translation>Enter the signer&apos;s name</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="137"/>
        <source>请填写拒签的理由（或“未说明理由”）</source>
        <translation>Enter the reason for refusing to sign (or “no reason given”)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="138"/>
        <source>拒签时须有见证人签名：请填写见证人姓名</source>
        <translation>A refusal needs a witness&apos;s signature: enter the witness&apos;s name</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="139"/>
        <source>请填写被询问人姓名</source>
        <translation>Enter the name of the person interviewed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="140"/>
        <source>询问笔录中没有第 {number} 问</source>
        <translation>The interview record has no question {number}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="141"/>
        <source>统一社会信用代码应为 18 位数字或大写字母（不含 I、O、Z、S、V），而不是“{text}”</source>
        <translation>A unified social credit code has 18 digits or capital letters (no I, O, Z, S, V), not “{text}”</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="145"/>
        <source>统一社会信用代码“{text}”的校验位不对，请核对营业执照</source>
        <translation>The check character of the unified social credit code “{text}” is wrong: check the business licence</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="146"/>
        <source>问题不能为空</source>
        <translation>The question cannot be empty</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="147"/>
        <source>签名笔迹格式不正确</source>
        <translation>The signature strokes are not in the right format</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="148"/>
        <source>该询问笔录已数字签名，不能再修改</source>
        <translation>This interview record is digitally signed: it cannot be changed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="149"/>
        <source>只有已签名锁定的检查需要更正记录；未签名的检查可以直接修改。</source>
        <translation>Only a signed, locked inspection needs an amendment; an unsigned one can be changed directly.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="150"/>
        <source>不支持的密钥类型 {type_name}：只支持 RSA（至少 2048 位）或 EC P-256</source>
        <translation>Key type {type_name} is not supported: only RSA (at least 2048 bits) or EC P-256</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="153"/>
        <source>证书尚未生效：生效时间 {local}</source>
        <translation>The certificate is not valid yet: valid from {local}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="154"/>
        <source>证书已过期：到期时间 {local}</source>
        <translation>The certificate has expired: it expired at {local}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="155"/>
        <source>证书的主题中没有姓名（CN）</source>
        <translation>The certificate&apos;s subject has no name (CN)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="156"/>
        <source>口令太短：至少 {MIN_PASSPHRASE} 个字符</source>
        <translation>The passphrase is too short: at least {MIN_PASSPHRASE} characters</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="157"/>
        <source>口令不正确，无法打开 PKCS#12 文件</source>
        <translation>Wrong passphrase: the PKCS#12 file cannot be opened</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="158"/>
        <source>PKCS#12 文件中没有私钥</source>
        <translation>The PKCS#12 file holds no private key</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="159"/>
        <source>PKCS#12 文件中没有证书</source>
        <translation>The PKCS#12 file holds no certificate</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="160"/>
        <source>不支持的密钥类型</source>
        <translation>Key type not supported</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="161"/>
        <source>PKCS#12 文件中的证书与私钥不匹配</source>
        <translation>The certificate in the PKCS#12 file does not match its private key</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="162"/>
        <source>密钥 {key_id} 还没有证书</source>
        <translation>Key {key_id} has no certificate yet</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="163"/>
        <source>证书上的执法证号是 {carried}，与指定的执法证号 {given} 不符</source>
        <translation>The certificate carries certificate number {carried}, not the {given} given</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="164"/>
        <source>证书中没有执法证号（主题中没有 serialNumber）：导入时请指定持有人的执法证号（key import --cert-no），签名和验证都按它核对检查组成员</source>
        <translation>The certificate carries no enforcement certificate number (no serialNumber in its subject): give the holder&apos;s number when importing (key import --cert-no); signing and verification check the team against it</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="168"/>
        <source>请填写姓名</source>
        <translation>Enter the name</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="221"/>
        <source>{name}{where} 第 {row} 行的表头缺少必需的列：{wanted}</source>
        <translation>{name}{where}: the header in row {row} lacks the required columns: {wanted}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="222"/>
        <source>{name} 不是有效的 Excel (.xlsx) 文件：{error}</source>
        <translation>{name} is not a valid Excel (.xlsx) file: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="223"/>
        <source>{name}{where} 的前 {rows} 行中找不到表头，需要这些列：{wanted}</source>
        <translation>{name}{where}: no header in the first {rows} rows; these columns are needed: {wanted}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="224"/>
        <source>{name} 是旧版 Excel (.xls) 文件，请在 Excel 中另存为 .xlsx 或 CSV 后再导入</source>
        <translation>{name} is an old Excel (.xls) file: save it as .xlsx or CSV in Excel, then import it</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="227"/>
        <source>{name}：只能导入 Excel (.xlsx) 或 CSV 文件</source>
        <translation>{name}: only Excel (.xlsx) or CSV files can be imported</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="228"/>
        <source>{name} 是空文件</source>
        <translation>{name} is empty</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="229"/>
        <source>{name} 中没有工作表</source>
        <translation>{name} has no worksheet</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="230"/>
        <source>第 {row} 行的表头中“{first}”和“{second}”都表示{what}，请删去或改名其中一列</source>
        <translation>In the header in row {row}, “{first}” and “{second}” both mean {what}: delete or rename one of them</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="233"/>
        <source>无法识别 CSV 文件的编码（支持 UTF-8 和 GBK/GB18030），请在 Excel 中另存为“CSV UTF-8”或 .xlsx</source>
        <translation>The encoding of the CSV file is not recognised (UTF-8 and GBK/GB18030 are): save it in Excel as “CSV UTF-8” or .xlsx</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="237"/>
        <source>{name} 不是有效的 CSV 文件：{error}</source>
        <translation>{name} is not a valid CSV file: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="238"/>
        <source>无法读取 {name}：{error}</source>
        <translation>Cannot read {name}: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="239"/>
        <source>核对期间的结束日期早于开始日期</source>
        <translation>The period ends before it starts</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="240"/>
        <source>每种记录只能给一份文件</source>
        <translation>Give one file of each kind</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="241"/>
        <source>进销存核对需要购进、销售（发药）和医保结算三份记录</source>
        <translation>The reconciliation needs the purchases, the sales (dispensing) and the settlements</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="242"/>
        <source>{name} 有 {n} 行无法读取，请修改后重新导入</source>
        <translation>{name} has {n} rows that cannot be read: correct them and import it again</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="243"/>
        <source>核对表未能存为证据：{error}</source>
        <translation>The table could not be stored as evidence: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="244"/>
        <source>{name} 超过 {limit} 行，不像是机构名单</source>
        <translation>{name} has more than {limit} rows: it does not look like an institution list</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="245"/>
        <source>{name} 超过 {limit} 行，不像是进销存台账</source>
        <translation>{name} has more than {limit} rows: it does not look like a stock ledger</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="246"/>
        <source>没有执法证号为 {cert_no} 的检查人员：请先登记到检查人员名录</source>
        <translation>No inspector with certificate no. {cert_no}: put them on the roster first</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="247"/>
        <source>机构名单中没有“{text}”</source>
        <translation>The registry has no “{text}”</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="248"/>
        <source>“{text}”对应多家机构，请用协议编号指定</source>
        <translation>“{text}” matches several institutions: give the agreement number</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="249"/>
        <source>请给出风险等级（--risk）或信用等级（--credit）</source>
        <translation>Give a risk level (--risk) or a credit rating (--credit)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="250"/>
        <source>抽查 {draw_id} 的存储记录与其公开输入不符，不能导出</source>
        <translation>The stored draw {draw_id} does not match its published inputs: it cannot be exported</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="251"/>
        <source>{name}（{cert_no}）不在检查人员名录中</source>
        <translation>{name} ({cert_no}) is not on the roster</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="252"/>
        <source>{name} 与“{place}”的回避关系已登记</source>
        <translation>The recusal of {name} from “{place}” is already recorded</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="253"/>
        <source>未知的机构类型：{code}</source>
        <translation>Unknown institution type: {code}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="254"/>
        <source>机构“{name}”的风险等级或信用等级不在权重表中</source>
        <translation>The risk level or credit rating of “{name}” is not in the weights table</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="255"/>
        <source>机构“{name}”已不在名单中</source>
        <translation>“{name}” is no longer in the registry</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="256"/>
        <source>未知的抽取方法：{method}（可选：{choices}）</source>
        <translation>Unknown draw method: {method} (choose from: {choices})</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="257"/>
        <source>至少抽取 1 家机构</source>
        <translation>Draw at least 1 institution</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="258"/>
        <source>检查组至少 1 人</source>
        <translation>A team needs at least 1 inspector</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="259"/>
        <source>没有符合条件的候选机构</source>
        <translation>No institution matches the pool</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="260"/>
        <source>要抽取 {count} 家机构，但候选只有 {size} 家</source>
        <translation>{count} institutions to draw, but only {size} candidates</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="261"/>
        <source>候选名单中有重复的机构</source>
        <translation>The candidate list has an institution twice</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="262"/>
        <source>检查人员名单中有重复的执法证号</source>
        <translation>The roster has a certificate number twice</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="263"/>
        <source>第 {t} 家抽中的机构“{name}”（{district}）：回避后没有可任组长的检查人员，请补充检查人员名单</source>
        <translation>Institution {t} drawn, “{name}” ({district}): after recusal no inspector who may lead is left; add inspectors to the roster</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="267"/>
        <source>第 {t} 家抽中的机构“{name}”（{district}）：回避后只有 {n} 名检查人员可派，不足 {size} 人</source>
        <translation>Institution {t} drawn, “{name}” ({district}): after recusal only {n} inspectors are left, fewer than {size}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="271"/>
        <source>抽查的公开输入无法读取（{error}）</source>
        <translation>The published inputs of the draw cannot be read ({error})</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="272"/>
        <source>请给出随机源（如彩票开奖号码），组与组之间用 / 分隔</source>
        <translation>Give the random sources (e.g. lottery results), groups separated by /</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="273"/>
        <source>最多抽取 {limit} 次</source>
        <translation>At most {limit} picks</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="274"/>
        <source>要抽取 {count} 个，但候选只有 {size} 个</source>
        <translation>{count} to pick, but only {size} candidates</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="275"/>
        <source>抽取权重必须是正整数</source>
        <translation>Weights must be positive integers</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="276"/>
        <source>随机源中有一组是空的</source>
        <translation>One group of the random sources is empty</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="277"/>
        <source>随机源的数值不能为负数</source>
        <translation>Random source values cannot be negative</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="278"/>
        <source>随机源第 {n} 组中的“{word}”不是非负整数（每组写整数，组与组之间用 / 分隔，如 9319 / 2 5 12 8 10）</source>
        <translation>“{word}” in group {n} of the random sources is not a non-negative integer (integers in each group, groups separated by /, e.g. 9319 / 2 5 12 8 10)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="282"/>
        <source>抽样比例“{text}”不是数字</source>
        <translation>The sample rate “{text}” is not a number</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="283"/>
        <source>有 {n} 行被拒绝，未建立抽样清单</source>
        <translation>{n} rows were refused: no list was made</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="284"/>
        <source>核实结果应为 ok（核实无误）、problem（发现问题）或 pending，而不是“{verdict}”</source>
        <translation>The verdict is ok, problem or pending, not “{verdict}”</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="287"/>
        <source>发现问题时请写明问题</source>
        <translation>Describe the problem found</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="288"/>
        <source>抽样比例应在 0 到 1 之间（如 0.1 表示 10%）</source>
        <translation>The sample rate is between 0 and 1 (0.1 is 10%)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="289"/>
        <source>第三方复核的抽查比例不得低于 10%（《东西湖区打击欺诈骗取医保基金专项治理工作方案》）</source>
        <translation>A third-party review samples at least 10% (Dongxihu district special campaign plan)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="293"/>
        <source>金额阈值和人数不能为负数</source>
        <translation>The threshold and the number of people cannot be negative</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="294"/>
        <source>随机种子应为非负整数</source>
        <translation>The random seed is a non-negative integer</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="295"/>
        <source>该检查的抽样清单中没有结算单号 {bill_no}</source>
        <translation>The lists of this inspection have no bill {bill_no}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="296"/>
        <source>结算单号 {bill_no} 在多份抽样清单中</source>
        <translation>Bill {bill_no} is on several lists</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="297"/>
        <source>检查人员姓名过长（最多 {limit} 个字）</source>
        <translation>The inspector&apos;s name is too long (at most {limit} characters)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="298"/>
        <source>执法证号过长（最多 {limit} 个字）</source>
        <translation>The certificate number is too long (at most {limit} characters)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="299"/>
        <source>请填写检查人员所在区县</source>
        <translation>Fill in the inspector&apos;s district</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="300"/>
        <source>检查人员所在区县过长（最多 {limit} 个字）</source>
        <translation>The inspector&apos;s district is too long (at most {limit} characters)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="301"/>
        <source>找不到文件：{path}</source>
        <translation>File not found: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="302"/>
        <source>请给出金额阈值（元）</source>
        <translation>Give the threshold (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="304"/>
        <source>台账状态“{value}”无效，可选：{allowed}</source>
        <translation>Ledger status “{value}” is not valid; choose from: {allowed}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="305"/>
        <source>该问题已整改销号，不能再修改</source>
        <translation>This finding has been rectified and closed; it can no longer be changed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="306"/>
        <source>该问题已由更正记录取代，请在更正后的台账记录上操作</source>
        <translation>This finding was superseded by an amendment; work on the amended finding instead</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="307"/>
        <source>销号只能由已签名的回头看完成：请对该问题组织回头看</source>
        <translation>Only a signed follow-up visit closes a finding: arrange a follow-up for it</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="308"/>
        <source>移交请记录案件处理（移送公安或移送纪检监察）</source>
        <translation>To hand a finding over, record a case step (to the police or to the discipline inspectors)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="309"/>
        <source>台账导出文件的扩展名应为 .xlsx</source>
        <translation>The ledger export file must end in .xlsx</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="310"/>
        <source>该问题已移交，不能再改为待整改或整改中</source>
        <translation>This finding has been handed over; it cannot go back to pending or in progress</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="311"/>
        <source>追回金额不能超过涉及金额</source>
        <translation>The amount recovered cannot exceed the amount involved</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="312"/>
        <source>处理方式“{value}”无效，可选：{allowed}</source>
        <translation>Handling “{value}” is not valid; choose from: {allowed}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="313"/>
        <source>请填写接收或处理单位</source>
        <translation>Enter the handling or receiving body</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="314"/>
        <source>请填写文书编号</source>
        <translation>Enter the document number</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="315"/>
        <source>处理日期不能晚于今天</source>
        <translation>The date of the step cannot be later than today</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="316"/>
        <source>陈述申辩日期不能晚于今天</source>
        <translation>The date of the statement cannot be later than today</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="317"/>
        <source>该问题已整改销号，不能再移交</source>
        <translation>This finding has been rectified and closed; it cannot be handed over</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="318"/>
        <source>整改结论“{value}”无效，可选：{allowed}</source>
        <translation>Verdict “{value}” is not valid; choose from: {allowed}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="319"/>
        <source>请指定要回头看的问题（台账编号）或原检查</source>
        <translation>Give the findings to follow up (ledger ids) or the original inspection</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="320"/>
        <source>一次回头看只能针对同一家机构的问题</source>
        <translation>One follow-up visit covers the findings of one institution only</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="321"/>
        <source>问题 {entry} 已在尚未签名的回头看 {inspection} 中</source>
        <translation>Finding {entry} is already in follow-up {inspection}, not yet signed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="322"/>
        <source>条目 {item_code} 不是本次回头看的原问题</source>
        <translation>Item {item_code} is not one of the findings this follow-up checks again</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="323"/>
        <source>该检查在台账中没有待整改或整改中的问题</source>
        <translation>This inspection has no pending or in-progress findings in the ledger</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="324"/>
        <source>问题 {entry} 的状态为“{status}”，只有待整改或整改中的问题可以回头看</source>
        <translation>Finding {entry} is “{status}”: only pending or in-progress findings can be followed up</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="327"/>
        <source>未整改或部分整改时请写明情况</source>
        <translation>Describe what was found when a finding is not or only partly rectified</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="328"/>
        <source>季度应写成 2026Q3 这样的形式，而不是“{text}”</source>
        <translation>Write a quarter like 2026Q3, not “{text}”</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="329"/>
        <source>报告期的结束日期早于开始日期</source>
        <translation>The report period ends before it starts</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="330"/>
        <source>报告文件的扩展名应为 .xlsx 或 .pdf</source>
        <translation>The report file must end in .xlsx or .pdf</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="331"/>
        <source>只有已签名的检查才能下达整改通知书</source>
        <translation>A rectification order is issued only for a signed inspection</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="332"/>
        <source>整改期限所指的问题 {text} 不在本检查的未整改问题中</source>
        <translation>The finding {text} given a deadline is not among this inspection&apos;s open findings</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="333"/>
        <source>请为问题 {entry} 指定整改期限</source>
        <translation>Give finding {entry} a deadline</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="334"/>
        <source>整改期限应晚于下达日期（{day}）</source>
        <translation>A deadline must be after the day of issue ({day})</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="335"/>
        <source>该整改通知书已签名</source>
        <translation>This rectification order is already signed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="336"/>
        <source>整改通知书由检查组长签名：该密钥的执法证号不是组长的</source>
        <translation>The team leader signs the rectification order: this key&apos;s certificate number is not the leader&apos;s</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="338"/>
        <source>服务器地址无效（应为 https://主机:端口）：{url}</source>
        <translation>Invalid server address (it should be https://host:port): {url}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="339"/>
        <source>服务器的证书未通过验证（不是本局的服务器？）：{problem}</source>
        <translation>The server&apos;s certificate did not verify (not the bureau&apos;s server?): {problem}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="340"/>
        <source>无法连接服务器：{problem}</source>
        <translation>Cannot reach the server: {problem}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="341"/>
        <source>服务器拒绝登记：{reason}</source>
        <translation>The server refused the enrollment: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="342"/>
        <source>本机尚未登记到服务器，请先执行 sync enroll 服务器地址 登记码</source>
        <translation>This laptop is not enrolled with the server: run sync enroll SERVER-ADDRESS CODE first</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="343"/>
        <source>服务器拒绝：{reason}</source>
        <translation>The server refused: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="344"/>
        <source>服务器出错：{reason}</source>
        <translation>Server error: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="345"/>
        <source>签名者不在本机信任列表中（不是本局发布的）</source>
        <translation>The signer is not on this laptop&apos;s trust list (not published by the bureau)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="346"/>
        <source>检查人员名录格式无效</source>
        <translation>The inspector roster is not in a valid format</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="347"/>
        <source>不认识的发布类型：{kind}</source>
        <translation>Unknown kind of publication: {kind}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="350"/>
        <source>没有这份记录：{id}</source>
        <translation>No such record: {id}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="351"/>
        <source>不认识的发布类型：{kind}（可选：{kinds}）</source>
        <translation>Unknown publication kind: {kind} (one of: {kinds})</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="352"/>
        <source>服务器上没有这份发布：{kind} 第 {version} 版</source>
        <translation>The server has no such publication: {kind} version {version}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="353"/>
        <source>请给出设备所属的区县（--district）</source>
        <translation>Give the device&apos;s district (--district)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="354"/>
        <source>推送的不是 Inspector 交接包的清单</source>
        <translation>What was pushed is not the manifest of an Inspector bundle</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="355"/>
        <source>同一编号的交接包已以不同的内容推送过</source>
        <translation>A bundle with the same id was pushed before with different contents</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="356"/>
        <source>没有这次推送：{bundle}</source>
        <translation>No such push: {bundle}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="357"/>
        <source>交接包清单中没有这个文件：{name}</source>
        <translation>The bundle&apos;s manifest does not list this file: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="358"/>
        <source>批量上传的长度与说明不符</source>
        <translation>The batch upload&apos;s length does not match its description</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="359"/>
        <source>批量上传的格式无效</source>
        <translation>The batch upload&apos;s format is invalid</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="360"/>
        <source>日期无效（应为 YYYY-MM-DD）：{value}</source>
        <translation>Invalid date (expected YYYY-MM-DD): {value}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="361"/>
        <source>服务器上{what}第 {key} 条与推送的不同（两份记录分叉），已拒绝，服务器数据未改变</source>
        <translation>The server&apos;s {what} entry {key} differs from the pushed one (the two records forked): refused, the server&apos;s data is unchanged</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="365"/>
        <source>检查 {inspection} 已签字锁定，推送中它的{what}与服务器上的不同：已拒绝，服务器数据未改变。如需更正，请制作更正记录后再推送</source>
        <translation>Inspection {inspection} is signed and locked, and its {what} in the push differ from the server&apos;s: refused, the server&apos;s data is unchanged. To correct it, make an amending record and push again</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="369"/>
        <source>推送中{what}第 {seq} 条接不上服务器上的记录，已拒绝，服务器数据未改变</source>
        <translation>Entry {seq} of the {what} in the push does not follow on from the server&apos;s: refused, the server&apos;s data is unchanged</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="372"/>
        <source>发布文件的签名无效：{problem}</source>
        <translation>The published file&apos;s signature is invalid: {problem}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="373"/>
        <source>登记请求中的证书无效</source>
        <translation>The certificate in the enrollment request is invalid</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="374"/>
        <source>登记码无效、已过期或已被使用，请向管理员索取新的登记码</source>
        <translation>The enrollment code is invalid, expired or already used: ask the administrator for a new one</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="375"/>
        <source>本设备未在服务器登记（请先 sync enroll）</source>
        <translation>This device is not enrolled with the server (run sync enroll first)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="376"/>
        <source>本设备已被管理员吊销，服务器拒绝其请求</source>
        <translation>This device was revoked by the administrator: the server refuses its requests</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="377"/>
        <source>重复的请求（重放），已拒绝</source>
        <translation>A repeated request (a replay): refused</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="378"/>
        <source>推送的清单不是有效的 JSON</source>
        <translation>The pushed manifest is not valid JSON</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="379"/>
        <source>推送的清单签名无效：{problem}</source>
        <translation>The pushed manifest&apos;s signature is invalid: {problem}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="380"/>
        <source>交接包的签名者不是本设备登记过的检查人员（{who}），服务器拒绝接收；请在本机重新登记（sync enroll）以加入新的签名密钥</source>
        <translation>The bundle&apos;s signer ({who}) is not an inspector enrolled with this device: the server refuses it. Enroll this laptop again (sync enroll) to add the new signing key</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="384"/>
        <source>服务器没有本次增量推送所依据的数据，请推送全部数据</source>
        <translation>The server does not hold the data this incremental push builds on: push everything</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="385"/>
        <source>交接包校验未通过：{problem}</source>
        <translation>The bundle failed verification: {problem}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="386"/>
        <source>服务器尚未收到文件 {name}，请继续推送</source>
        <translation>The server has not yet received the file {name}: continue the push</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="387"/>
        <source>服务器繁忙，请稍后重试推送</source>
        <translation>The server is busy: try the push again later</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="388"/>
        <source>请求的时间与服务器相差超过 {window} 秒（请校准本机时间）</source>
        <translation>The request&apos;s time differs from the server&apos;s by more than {window} seconds (set this computer&apos;s clock)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="389"/>
        <source>请求缺少随机数</source>
        <translation>The request has no nonce</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="390"/>
        <source>请求的时间戳无效</source>
        <translation>The request&apos;s timestamp is invalid</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="391"/>
        <source>请求的签名无效</source>
        <translation>The request&apos;s signature is invalid</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="392"/>
        <source>请求的签名验证未通过</source>
        <translation>The request&apos;s signature did not verify</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="393"/>
        <source>请求的签名未包含请求内容</source>
        <translation>The request&apos;s signature does not cover its body</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="394"/>
        <source>不支持的设备密钥类型</source>
        <translation>Unsupported device key type</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="395"/>
        <source>文件名无效：{sha256}{suffix}</source>
        <translation>Invalid file name: {sha256}{suffix}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="396"/>
        <source>收到的文件与其摘要不符，已丢弃，请重新推送：{sha256}</source>
        <translation>The received file does not match its hash and was discarded: push again: {sha256}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="397"/>
        <source>上传位置不符，服务器已确认到第 {offset} 字节</source>
        <translation>The upload&apos;s position does not match: the server has acknowledged up to byte {offset}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="398"/>
        <source>用户名无效：{name}</source>
        <translation>Invalid user name: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="399"/>
        <source>没有这个用户（或已停用）：{name}</source>
        <translation>No such user (or already disabled): {name}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="400"/>
        <source>登记请求无效</source>
        <translation>The enrollment request is invalid</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="401"/>
        <source>推送请求无效</source>
        <translation>The push request is invalid</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="402"/>
        <source>上传请求无效</source>
        <translation>The upload request is invalid</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="403"/>
        <source>分块过大</source>
        <translation>The chunk is too large</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="404"/>
        <source>请求无效</source>
        <translation>The request is invalid</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="405"/>
        <source>需要口令：请用 --password-file 文件 提供，或在终端中运行以输入口令</source>
        <translation>A password is needed: give it with --password-file FILE, or run in a terminal to type it</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="408"/>
        <source>没有这个证据文件：{sha256}</source>
        <translation>No such evidence file: {sha256}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="410"/>
        <source>交接包中的文件太多（{count} 个，上限 {limit} 个）</source>
        <translation>The bundle holds too many files ({count}; at most {limit})</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="411"/>
        <source>交接包中的 {name} 过大</source>
        <translation>{name} in the bundle is too large</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="412"/>
        <source>交接包中的 {name} 已损坏（长度不符）</source>
        <translation>{name} in the bundle is damaged (wrong length)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="413"/>
        <source>找不到交接包：{path}</source>
        <translation>Bundle not found: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="414"/>
        <source>交接包不完整或已损坏（可能被截断），不是有效的 zip 文件：{path}</source>
        <translation>The bundle is incomplete or damaged (perhaps truncated), not a valid zip file: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="417"/>
        <source>交接包中的文件名不安全（{problem}）：{name}</source>
        <translation>Unsafe file name in the bundle ({problem}): {name}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="418"/>
        <source>交接包中有重名的文件：{name}</source>
        <translation>The bundle holds two files of the same name: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="419"/>
        <source>交接包中有链接、文件夹或特殊文件：{name}</source>
        <translation>The bundle holds a link, a folder or a special file: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="420"/>
        <source>交接包中的文件使用了不支持的压缩方式：{name}</source>
        <translation>A file in the bundle uses an unsupported compression method: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="421"/>
        <source>交接包中的文件被加密了：{name}</source>
        <translation>A file in the bundle is encrypted: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="422"/>
        <source>交接包中的文件过大：{name}</source>
        <translation>A file in the bundle is too large: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="423"/>
        <source>交接包中的文件压缩比异常（疑似压缩炸弹），已拒绝：{name}</source>
        <translation>A file in the bundle has an abnormal compression ratio (a likely zip bomb) and was refused: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="424"/>
        <source>交接包中的文件大小记录不一致：{name}</source>
        <translation>The sizes recorded for a file in the bundle disagree: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="425"/>
        <source>交接包解开后过大（超过 {limit} GB）</source>
        <translation>The bundle would unpack to more than {limit} GB</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="426"/>
        <source>交接包中缺少 {name}</source>
        <translation>The bundle lacks {name}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="427"/>
        <source>交接包中的 {name} 已损坏：{error}</source>
        <translation>{name} in the bundle is damaged: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="428"/>
        <source>交接包的清单在签名后被改动（签名摘要不符）</source>
        <translation>The bundle&apos;s manifest was changed after it was signed (the signed digest does not match)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="429"/>
        <source>交接包的签名无效（与签名证书的公钥不符）</source>
        <translation>The bundle&apos;s signature is invalid (it does not match the signing certificate&apos;s public key)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="430"/>
        <source>交接包的签名文件无法读取（不是有效的 CMS 签名）</source>
        <translation>The bundle&apos;s signature file cannot be read (not a valid CMS signature)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="431"/>
        <source>交接包的签名无法验证：{error}</source>
        <translation>The bundle&apos;s signature cannot be verified: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="432"/>
        <source>交接包的文件名应以 .zip 结尾：{path}</source>
        <translation>A bundle&apos;s file name ends in .zip: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="433"/>
        <source>没有导出给“{receiver}”的交接包记录：第一次请不带 --since 导出（用 --to 记下接收方）</source>
        <translation>No bundle was exported to “{receiver}” yet: export the first one without --since (and name the receiver with --to)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="437"/>
        <source>请提供密钥口令</source>
        <translation>Give the key&apos;s passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="438"/>
        <source>证据文件已被改动，未导出：{sha256}</source>
        <translation>An evidence file was changed and was not exported: {sha256}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="439"/>
        <source>记录文件已被改动，未导出：{name}</source>
        <translation>A record file was changed and was not exported: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="440"/>
        <source>这不是 Inspector 交接包（清单中没有 {format} 格式标识）</source>
        <translation>This is not an Inspector bundle (its manifest has no {format} format mark)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="441"/>
        <source>交接包的清单没有格式版本</source>
        <translation>The bundle&apos;s manifest has no format version</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="442"/>
        <source>交接包由较新版本的 Inspector 制作（格式版本 {version}，本机支持 {supported}），请先升级本机的 Inspector</source>
        <translation>The bundle was made by a newer Inspector (format version {version}; this laptop reads {supported}): update Inspector first</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="446"/>
        <source>交接包清单的文件列表无效</source>
        <translation>The bundle manifest&apos;s list of files is invalid</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="447"/>
        <source>交接包中证据文件的名称无效：{name}</source>
        <translation>Invalid evidence file name in the bundle: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="448"/>
        <source>交接包的清单不是有效的 JSON</source>
        <translation>The bundle&apos;s manifest is not valid JSON</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="449"/>
        <source>交接包的清单缺少 {key}</source>
        <translation>The bundle&apos;s manifest lacks {key}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="450"/>
        <source>交接包中的文件已损坏（可能被截断）：{name}</source>
        <translation>A file in the bundle is damaged (perhaps truncated): {name}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="451"/>
        <source>交接包清单中写明的签名者与实际签名的证书不符</source>
        <translation>The signer the manifest names is not the certificate that signed it</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="452"/>
        <source>交接包的签名者不在本机信任的签名者之列（可能来自其他医保局）：{who}，证书指纹 {fingerprint}</source>
        <translation>The bundle&apos;s signer is not among the signers this laptop trusts (perhaps another bureau&apos;s): {who}, certificate fingerprint {fingerprint}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="456"/>
        <source>交接包清单中的文件名不安全：{name}</source>
        <translation>Unsafe file name in the bundle&apos;s manifest: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="457"/>
        <source>交接包清单中有重名的文件：{name}</source>
        <translation>The bundle&apos;s manifest lists two files of the same name: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="458"/>
        <source>交接包中有本机不认识的数据表：{name}</source>
        <translation>The bundle holds a data table this laptop does not know: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="459"/>
        <source>交接包中有清单外的文件类型：{name}</source>
        <translation>The bundle holds a kind of file outside the format: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="460"/>
        <source>交接包中的{where}内容与其哈希不符</source>
        <translation>In the bundle, {where}: the content does not match its hash</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="461"/>
        <source>交接包中的{where}序号不连续</source>
        <translation>In the bundle, {where}: the numbers are not consecutive</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="462"/>
        <source>交接包中的{where}的链接被改动</source>
        <translation>In the bundle, {where}: the link was changed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="463"/>
        <source>交接包中的{where}与上一条的链接断开</source>
        <translation>In the bundle, {where}: the link to the entry before is broken</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="464"/>
        <source>交接包 {member} 第 {number} 行过长</source>
        <translation>Bundle {member}, line {number}: too long</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="465"/>
        <source>交接包 {member} 第 {number} 行不是一条记录</source>
        <translation>Bundle {member}, line {number}: not a row</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="466"/>
        <source>交接包缺少清单中列出的文件：{name}</source>
        <translation>The bundle lacks a file its manifest lists: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="467"/>
        <source>交接包中有清单未列出的文件：{name}</source>
        <translation>The bundle holds a file its manifest does not list: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="468"/>
        <source>交接包中的文件大小与清单不符：{name}</source>
        <translation>A file&apos;s size in the bundle does not match the manifest: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="469"/>
        <source>交接包中证据文件的名称与其摘要不符：{name}</source>
        <translation>An evidence file&apos;s name in the bundle does not match its digest: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="470"/>
        <source>交接包中的文件与清单中的摘要不符（已被改动）：{name}</source>
        <translation>A file in the bundle does not match the manifest&apos;s digest (it was changed): {name}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="471"/>
        <source>交接包的数据表 {table} 有本机不认识的列 {columns}（可能由较新版本制作）</source>
        <translation>The bundle&apos;s table {table} has columns this laptop does not know: {columns} (perhaps made by a newer version)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="474"/>
        <source>交接包的数据表 {table} 中有重复的记录：{key}</source>
        <translation>The bundle&apos;s table {table} holds a row twice: {key}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="475"/>
        <source>交接包中的{where}次序错乱</source>
        <translation>In the bundle, {where}: out of order</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="476"/>
        <source>交接包中的{where}内容已损坏</source>
        <translation>In the bundle, {where}: the content is damaged</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="477"/>
        <source>交接包中的{where}的字段 {key} 被改动</source>
        <translation>In the bundle, {where}: the field {key} was changed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="478"/>
        <source>记录文件 {name} 的签名验证未通过：{problem}</source>
        <translation>The signatures of the record file {name} did not verify: {problem}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="479"/>
        <source>交接包 {member} 第 {number} 行不是有效的 JSON</source>
        <translation>Bundle {member}, line {number}: not valid JSON</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="480"/>
        <source>交接包的数据表 {table} 中有无效的记录</source>
        <translation>The bundle&apos;s table {table} holds an invalid row</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="481"/>
        <source>记录文件 {name} 应有数字签名，但文件中没有</source>
        <translation>The record file {name} should carry digital signatures but has none</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="482"/>
        <source>交接包缺少证据文件：{sha256}{suffix}</source>
        <translation>The bundle lacks an evidence file: {sha256}{suffix}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="483"/>
        <source>交接包缺少记录文件：{name}</source>
        <translation>The bundle lacks a record file: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="484"/>
        <source>记录文件与数据库记录的摘要不符：{name}</source>
        <translation>A record file does not match the digest its row gives: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="485"/>
        <source>检查 {inspection} 已签字锁定，交接包中它的{what}与本机不同（{why}）：已拒绝导入，本机数据未改变。如需更正，请在签字的一方制作更正记录后再交接</source>
        <translation>Inspection {inspection} is signed and locked, and the bundle&apos;s {what} differs from this laptop&apos;s ({why}): the import was refused and nothing here changed. To correct it, make an amendment where it was signed, then hand that over</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="520"/>
        <source>磁盘空间不足，数据目录未加密，原数据目录未改动。加密时需要约与现有数据同样大小的空闲空间，请清理磁盘后重试。</source>
        <translation>Not enough disk space: the data directory was not encrypted and is unchanged. Encrypting needs about as much free space as the data takes; free some space and try again.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="524"/>
        <source>无法写入加密副本（{error}），数据目录未加密，原数据目录未改动。</source>
        <translation>Could not write the encrypted copy ({error}): the data directory was not encrypted and is unchanged.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="527"/>
        <source>已连续输错 {count} 次口令，请等待 {seconds} 秒后再试。</source>
        <translation>{count} wrong passphrases in a row: wait {seconds} s before trying again.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="528"/>
        <source>口令不正确，数据目录未打开（已连续输错 {count} 次）；请等待 {seconds} 秒后再试。</source>
        <translation>Wrong passphrase; the data directory was not opened ({count} wrong in a row). Wait {seconds} s before trying again.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="532"/>
        <source>口令不正确，数据目录未打开（已连续输错 {count} 次）。</source>
        <translation>Wrong passphrase; the data directory was not opened ({count} wrong in a row).</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="533"/>
        <source>{name} 第 {line} 行起的文字编码与文件开头（{encoding}）不一致：文件可能由不同编码的部分拼接而成。请在 Excel 中打开后另存为“CSV UTF-8”或 .xlsx 再导入</source>
        <translation>{name}: from line {line} on, the text is not in the encoding the file starts with ({encoding}); the file may be parts in different encodings put together. Open it in Excel and save it as &quot;CSV UTF-8&quot; or .xlsx, then import that.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="538"/>
        <source>记录文件 {name} 不是生成（或上一次签名）时的文件：已被替换或改动，拒绝签名；请重新生成记录</source>
        <translation>The record file {name} is not the file as built (or as the last signature left it): it was replaced or changed. Signing refused; build the record again</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="543"/>
        <source>整改通知书文件 {name} 不是生成时的文件：已被替换或改动，拒绝签名；请重新生成</source>
        <translation>The rectification order file {name} is not the file as built: it was replaced or changed. Signing refused; build the order again</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="548"/>
        <source>交接包解开后的总大小（{declared} MB）与文件大小（{size} MB）极不相称（疑似压缩炸弹），已拒绝</source>
        <translation>The bundle would unpack to {declared} MB, far out of proportion to its file size ({size} MB) (a suspected zip bomb): refused</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="552"/>
        <source>交接包中的文件超过其声明的大小（疑似压缩炸弹），已拒绝：{name}</source>
        <translation>A file in the bundle is larger than its declared size (a suspected zip bomb): refused: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="553"/>
        <source>磁盘空间不足：导入这个交接包需要约 {needed} MB，数据目录所在的磁盘只剩 {free} MB（另需留出 {margin} MB）。请清理磁盘空间后重试；本机数据未改变</source>
        <translation>Not enough disk space: importing this bundle needs about {needed} MB, the disk of the data folder has only {free} MB free ({margin} MB must stay free). Free some disk space and try again; nothing on this laptop was changed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="557"/>
        <source>交接包带有本机不认识的设备 {device} 的操作记录，却没有该设备的交接包签名者签署的记录链头，无法确认这台设备真实存在：已拒绝导入，本机数据未改变</source>
        <translation>The bundle carries the action log of device {device}, unknown here, without a log head signed by the signer of a bundle made on that device, so the device cannot be confirmed to exist: import refused, nothing on this laptop was changed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="561"/>
        <source>交接包中有本机（设备 {device}）自己的第 {seq} 条操作记录，本机却没有这条记录：本机的操作记录只能由本机产生，这是伪造的续写，已拒绝导入，本机数据未改变</source>
        <translation>The bundle carries entry {seq} of this laptop&apos;s own action log (device {device}), which this laptop does not have: only this laptop writes its log, so this is a forged continuation. Import refused, nothing on this laptop was changed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="565"/>
        <source>交接包由设备 {signer} 的设备密钥签名，清单却写明导出设备是 {device}：已拒绝</source>
        <translation>The bundle is signed with the device key of device {signer}, but its manifest names device {device} as the exporter: refused</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="568"/>
        <source>交接包清单中的设备记录链头无效</source>
        <translation>The device log heads in the bundle&apos;s manifest are invalid</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="569"/>
        <source>交接包中设备 {device} 的记录链头签名者不在本机信任的签名者之列：{who}</source>
        <translation>The signer of the log head of device {device} in the bundle is not among the signers this laptop trusts: {who}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="572"/>
        <source>交接包中设备 {device} 的记录链头由另一台设备的设备密钥签名</source>
        <translation>The log head of device {device} in the bundle is signed with another device&apos;s device key</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="573"/>
        <source>交接包中导出设备 {device} 的记录链头不是由交接包的签名者签名的</source>
        <translation>The log head of the exporting device {device} is not signed by the bundle&apos;s signer</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="574"/>
        <source>交接包中设备 {device} 的操作记录与该设备签名的记录链头不符（第 {seq} 条）</source>
        <translation>The action log of device {device} in the bundle does not match its signed log head (entry {seq})</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="577"/>
        <source>交接包中设备 {device} 的记录链头声明无效</source>
        <translation>The log head statement of device {device} in the bundle is invalid</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="578"/>
        <source>交接包中设备 {device} 的记录链头签名无效</source>
        <translation>The signature over the log head of device {device} in the bundle is invalid</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="581"/>
        <source>交接包清单中的签名者无效</source>
        <translation>The bundle&apos;s manifest names no valid signer</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="582"/>
        <source>交接包清单中写明的签名者与实际签名的证书不符（{field}：清单写“{said}”，签名证书是“{actual}”，证书姓名 {name}）：已拒绝，交接人以签名证书为准</source>
        <translation>The signer named in the bundle&apos;s manifest is not the certificate that signed it ({field}: the manifest says “{said}”, the signing certificate “{actual}”, certificate name {name}): refused; who handed a bundle over is whoever signed it</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="586"/>
        <source>检查 {inspection} 的已签名记录 {record} 没有写明这项检查及其数据摘要：已拒绝导入，本机数据未改变</source>
        <translation>The signed record {record} of inspection {inspection} does not state this inspection and the hash of its data: import refused, nothing on this laptop was changed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="590"/>
        <source>检查 {inspection} 已签名的记录 {record} 所载数据与交接包中的数据不一致（{where}）：已拒绝导入，本机数据未改变。签名后的数据只能通过更正记录修改</source>
        <translation>The data stated by the signed record {record} of inspection {inspection} differ from the bundle&apos;s data ({where}): import refused, nothing on this laptop was changed. Signed data can only be changed by an amendment</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="594"/>
        <source>检查 {inspection} 在交接包中标为已签字，却没有带数字签名的检查记录：已拒绝导入，本机数据未改变</source>
        <translation>Inspection {inspection} is marked signed in the bundle but has no digitally signed record: import refused, nothing on this laptop was changed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="598"/>
        <source>检查 {inspection} 未签字，交接包却带来了它的问题台账（只有签字时才会登记）：已拒绝导入，本机数据未改变</source>
        <translation>Inspection {inspection} is not signed, yet the bundle brings its problem-ledger entries (entered only when it is signed): import refused, nothing on this laptop was changed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="602"/>
        <source>交接包带有本机不认识的设备 {device} 的证据保管记录，却没有该设备的交接包签名者签署的记录链头：已拒绝导入，本机数据未改变</source>
        <translation>The bundle carries evidence custody entries of device {device}, unknown here, without a log head signed by the signer of a bundle made on that device: import refused, nothing on this laptop was changed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="606"/>
        <source>交接包中有本机（设备 {device}）自己的检查 {inspection} 第 {seq} 条证据保管记录，本机却没有这条记录：这是伪造的续写，已拒绝导入，本机数据未改变</source>
        <translation>The bundle carries custody entry {seq} of inspection {inspection} from this laptop&apos;s own chain (device {device}), which this laptop does not have: a forged continuation. Import refused, nothing on this laptop was changed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="612"/>
        <source>检查 {inspection} 已签字锁定，推送中它的{what}与服务器上的不同（{why}）：已拒绝，服务器数据未改变。如需更正，请制作更正记录后再推送</source>
        <translation>Inspection {inspection} is signed and locked, and the push&apos;s {what} differs from the server&apos;s ({why}): refused, the server&apos;s data is unchanged. To correct it, make an amendment and push again</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="616"/>
        <source>服务器上没有这条记录</source>
        <translation>the server does not have this row</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="617"/>
        <source>推送中是另一个版本</source>
        <translation>the push carries another version</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="618"/>
        <source>两边各自修改过</source>
        <translation>both sides changed it</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="619"/>
        <source>推送中删除了它</source>
        <translation>the push deletes it</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="620"/>
        <source>签字的记录写明了它</source>
        <translation>a signed record names it</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="621"/>
        <source>记录的内容变了</source>
        <translation>the record&apos;s content changed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="622"/>
        <source>新的记录文件不是签名后的版本</source>
        <translation>the new record file is not a signed version</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="623"/>
        <source>记录文件被替换</source>
        <translation>the record file was replaced</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="624"/>
        <source>签名一经签署不再改动</source>
        <translation>a signature, once made, never changes</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="626"/>
        <source>本机没有这条记录</source>
        <translation>this laptop does not have this row</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="627"/>
        <source>交接包中是另一个版本</source>
        <translation>the bundle has another version</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="628"/>
        <source>本机有对方签字时没有的修改</source>
        <translation>this laptop has changes the other side did not have when it signed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="629"/>
        <source>改动标记相同而内容不同，交接包中的这一行被改过</source>
        <translation>the same change stamp with different content: this row was altered in the bundle</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="630"/>
        <source>与本机签字的版本不同</source>
        <translation>it differs from the version signed on this laptop</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="631"/>
        <source>交接包中删除了它</source>
        <translation>the bundle deletes it</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="632"/>
        <source>对方删除了它，本机修改过</source>
        <translation>the other side deleted it, this laptop changed it</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="633"/>
        <source>推送中有检查 {inspection} 的数据，但服务器上和推送中都没有这次检查：已拒绝，服务器数据未改变</source>
        <translation>The push carries data of inspection {inspection}, but neither the server nor the push has that inspection: refused, the server&apos;s data is unchanged</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="637"/>
        <source>本设备登记的区县是 {allowed}，不能推送{district}的检查 {inspection}：已拒绝，服务器数据未改变</source>
        <translation>This device is enrolled for {allowed} and may not push inspection {inspection} of {district}: refused, the server&apos;s data is unchanged</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="641"/>
        <source>推送中的文件 {name} 声明为 {size} 字节，超过服务器允许的单个文件上限（{cap} 字节），服务器拒绝接收</source>
        <translation>The push declares file {name} at {size} bytes, over the server&apos;s limit for one file ({cap} bytes): the server refuses it</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="645"/>
        <source>本设备未完成的上传已占用 {held} 字节，再收 {more} 字节将超过上限 {quota} 字节：请先完成或等待此前的推送过期（{hours} 小时）</source>
        <translation>This device&apos;s unfinished uploads already hold {held} bytes; {more} more bytes would pass the limit of {quota} bytes: finish the earlier push or wait for it to expire ({hours} hours)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="649"/>
        <source>上传限额和未完成上传的保留小时数都应大于 0</source>
        <translation>The upload quota and the hours unfinished uploads are kept must both be over 0</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="650"/>
        <source>请给出设备所属的区县（--district，一个区县）</source>
        <translation>Give the device&apos;s district (--district, one district)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="651"/>
        <source>请给出设备可推送的区县（不含逗号）</source>
        <translation>Give the districts the device may push (without commas)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="652"/>
        <source>区县太多，请分别登记设备</source>
        <translation>Too many districts: enroll the devices separately</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="653"/>
        <source>检查 {inspection} 的签字记录所载数据的摘要与推送的数据不一致（记录 {record}；{row}）：已拒绝，服务器数据未改变</source>
        <translation>The data hash that the signed record of inspection {inspection} states does not match the pushed data (record {record}; {row}): refused, the server&apos;s data is unchanged</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="657"/>
        <source>检查 {inspection} 的签字记录无法用服务器上的数据核对（数据不完整）：已拒绝，服务器数据未改变</source>
        <translation>The signed record of inspection {inspection} cannot be checked against the server&apos;s data (data incomplete): refused, the server&apos;s data is unchanged</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="663"/>
        <source>记录所载数据摘要的格式为 {format}，本版本的 Inspector 不认识这种格式，无法核对记录所载数据：请用更新版本的 Inspector 核对</source>
        <translation>The record&apos;s data hash is in format {format}, which this version of Inspector does not know, so the data it states cannot be checked: check it with a newer version of Inspector</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="667"/>
        <source>{label}（{table} {id}）与记录它的操作（设备 {device} 第 {seq} 条）所存的状态不符，被改过</source>
        <translation>{label} ({table} {id}) differs from the state its change (device {device}, entry {seq}) logged: it was altered</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="671"/>
        <source>操作记录中找不到被改的那一行</source>
        <translation>the action log does not show which row was altered</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="675"/>
        <source>操作记录编号至少需要 4 个字符</source>
        <translation>An audit event number needs at least 4 characters</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="676"/>
        <source>没有编号为 {text} 的操作记录</source>
        <translation>No audit event has the number {text}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="677"/>
        <source>编号 {text} 对应多条操作记录，请输入更长的编号</source>
        <translation>The number {text} matches several audit events; type a longer number</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="678"/>
        <source>导出文件的扩展名应为 .jsonl 或 .xlsx</source>
        <translation>The export file&apos;s extension should be .jsonl or .xlsx</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="679"/>
        <source>未知的{what}：{value}。可选：{options}</source>
        <translation>Unknown {what}: {value}. Choices: {options}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="680"/>
        <source>专项“{focus}”对“{type}”没有适用的检查条目</source>
        <translation>The focus pack “{focus}” has no items that apply to “{type}”</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="681"/>
        <source>清单文件 {file}：内容应为键值对象（format、id、version…）</source>
        <translation>Checklist file {file}: the content should be a mapping (format, id, version…)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="682"/>
        <source>清单文件 {file}：字段 focus 应且仅应出现在 kind: focus 的文件中</source>
        <translation>Checklist file {file}: the field focus belongs in files of kind: focus, and only there</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="685"/>
        <source>清单文件 {file}：字段 focus.code 应与 id（{id}）相同</source>
        <translation>Checklist file {file}: the field focus.code should equal the id ({id})</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="686"/>
        <source>清单文件 {label}：条目 {code} 的字段 {field_name}：未知的{what} {value}（可用：{known}）</source>
        <translation>Checklist file {label}: item {code}, field {field_name}: unknown {what} {value} (known: {known})</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="690"/>
        <source>清单文件 {file}：版本 {version} 不高于已有版本 {installed}，未安装</source>
        <translation>Checklist file {file}: version {version} is not newer than the installed version {installed}; not installed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="693"/>
        <source>清单文件 {file} 无法读取：{error}</source>
        <translation>Checklist file {file} cannot be read: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="694"/>
        <source>清单文件 {file} 不是 UTF-8 编码的文本</source>
        <translation>Checklist file {file} is not UTF-8 text</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="695"/>
        <source>清单文件 {file}：YAML 语法错误 {where}：{problem}</source>
        <translation>Checklist file {file}: YAML syntax error {where}: {problem}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="696"/>
        <source>清单文件 {file} 有错误：
  {details}</source>
        <translation>Checklist file {file} has errors:
  {details}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="697"/>
        <source>清单文件 {file}：{kind} 代码 {code} 重复（已在 {owner} 中定义）</source>
        <translation>Checklist file {file}: {kind} code {code} is defined twice (already in {owner})</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="700"/>
        <source>清单库中没有任何{what}：缺少基础清单文件</source>
        <translation>The checklist library has no {what}: the base checklist file is missing</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="701"/>
        <source>{file}：只能导入 Excel (.xlsx) 或 CSV 文件</source>
        <translation>{file}: only Excel (.xlsx) or CSV files can be imported</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="702"/>
        <source>{file} 是空文件</source>
        <translation>{file} is empty</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="703"/>
        <source>{file} 的前 {rows} 行中找不到结算数据的表头</source>
        <translation>No header of settlement data in the first {rows} rows of {file}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="704"/>
        <source>{file} 第 {row} 行的表头缺少：{missing}</source>
        <translation>The header in row {row} of {file} lacks: {missing}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="705"/>
        <source>第 {number} 行的表头中有两列都表示{field}，请删去或改名其中一列</source>
        <translation>Two columns of the header in row {number} both mean {field}; delete or rename one of them</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="708"/>
        <source>第 {number} 行不是有效的 CSV：{error}</source>
        <translation>Row {number} is not valid CSV: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="709"/>
        <source>{file} 不是有效的 Excel (.xlsx) 文件：{error}</source>
        <translation>{file} is not a valid Excel (.xlsx) file: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="710"/>
        <source>标注坐标 {name} 超出图片范围：{value}</source>
        <translation>Annotation coordinate {name} is outside the picture: {value}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="711"/>
        <source>没有标注内容（箭头、圆圈或文字）</source>
        <translation>Nothing to annotate (arrow, circle or text)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="712"/>
        <source>标注最多 {count} 处</source>
        <translation>At most {count} annotations</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="713"/>
        <source>标注坐标 {name} 不是数字：{value}</source>
        <translation>Annotation coordinate {name} is not a number: {value}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="714"/>
        <source>未知的标注类型：{kind}（可选：箭头 arrow、圆圈 circle、文字 text）</source>
        <translation>Unknown annotation kind: {kind} (choices: arrow, circle, text)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="717"/>
        <source>颜色应写成 #RRGGBB：{color}</source>
        <translation>A colour is written #RRGGBB: {color}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="718"/>
        <source>无法读取照片的打印副本：{error}</source>
        <translation>The photo&apos;s print copy cannot be read: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="719"/>
        <source>文字标注不能为空</source>
        <translation>A text annotation cannot be empty</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="720"/>
        <source>文字标注最多 {count} 个字</source>
        <translation>A text annotation has at most {count} characters</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="721"/>
        <source>箭头的起点和终点相同</source>
        <translation>The arrow starts where it ends</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="722"/>
        <source>圆圈的大小为零</source>
        <translation>The circle has no size</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="723"/>
        <source>本次检查还没有证据</source>
        <translation>This inspection has no evidence yet</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="724"/>
        <source>导出目录 {folder} 不是空文件夹，请选择一个新的或空的文件夹</source>
        <translation>The export folder {folder} is not empty; choose a new or empty folder</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="725"/>
        <source>证据 {file} 导出后的哈希与原件不符（{copied}），导出中止</source>
        <translation>The exported copy of evidence {file} does not hash as the original ({copied}); export stopped</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="726"/>
        <source>证据 {file} 的文件缺失，导出中止</source>
        <translation>The file of evidence {file} is missing; export stopped</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="727"/>
        <source>证据编号至少需要 4 个字符</source>
        <translation>An evidence number needs at least 4 characters</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="728"/>
        <source>没有编号为 {text} 的证据</source>
        <translation>No evidence has the number {text}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="729"/>
        <source>编号 {text} 对应多件证据，请输入更长的编号</source>
        <translation>The number {text} matches several pieces of evidence; type a longer number</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="730"/>
        <source>没有编号为 {evidence_id} 的证据</source>
        <translation>No evidence has the number {evidence_id}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="731"/>
        <source>说明最多 {count} 个字</source>
        <translation>A caption has at most {count} characters</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="732"/>
        <source>同一文件已关联到{where}</source>
        <translation>The same file is already linked to {where}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="733"/>
        <source>这件证据有标注副本，请先移除标注副本</source>
        <translation>This evidence has an annotated copy; remove the annotated copy first</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="734"/>
        <source>只能在照片上标注</source>
        <translation>Only photos can be annotated</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="735"/>
        <source>这件证据是封存清单第 {position} 项的照片，请先从封存清单中移除</source>
        <translation>This evidence is the photo of item {position} of the seal list; remove it from the seal list first</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="736"/>
        <source>数量必须大于 0</source>
        <translation>The quantity must be greater than 0</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="737"/>
        <source>数量最多保留三位小数</source>
        <translation>A quantity has at most three decimals</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="738"/>
        <source>数量过大</source>
        <translation>The quantity is too large</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="739"/>
        <source>请填写封存物品的名称和描述</source>
        <translation>Enter the sealed goods&apos; name and description</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="740"/>
        <source>描述最多 1000 个字</source>
        <translation>A description has at most 1000 characters</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="741"/>
        <source>请填写数量单位（如 盒、本、台）</source>
        <translation>Enter the unit of the quantity (e.g. box, book, unit)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="742"/>
        <source>单位最多 16 个字</source>
        <translation>A unit has at most 16 characters</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="743"/>
        <source>封存清单中没有第 {position} 项</source>
        <translation>The seal list has no item {position}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="744"/>
        <source>证据 {file} 不是照片</source>
        <translation>Evidence {file} is not a photo</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="745"/>
        <source>抽查结果文件的扩展名应为 .xlsx</source>
        <translation>The draw result file&apos;s extension should be .xlsx</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="746"/>
        <source>文件中没有“{name}”工作表，不是本软件生成的抽查结果</source>
        <translation>The file has no “{name}” sheet: it is not a draw result made by this program</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="747"/>
        <source>权重文件中缺少 {name}</source>
        <translation>The weights file lacks {name}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="748"/>
        <source>{file} 不是有效的权重文件</source>
        <translation>{file} is not a valid weights file</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="749"/>
        <source>{file}：default_risk_level 不在 risk_levels 中</source>
        <translation>{file}: default_risk_level is not among risk_levels</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="750"/>
        <source>{file}：default_credit_rating 不在 credit_ratings 中</source>
        <translation>{file}: default_credit_rating is not among credit_ratings</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="751"/>
        <source>风险等级“{text}”无效，可填：{choices}</source>
        <translation>Risk level “{text}” is not valid; choices: {choices}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="752"/>
        <source>信用等级“{text}”无效，可填：{choices}</source>
        <translation>Credit rating “{text}” is not valid; choices: {choices}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="753"/>
        <source>权重文件 {name} 中“{key}”的权重必须是正整数</source>
        <translation>In the weights file, {name} “{key}” must have a positive whole-number weight</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="754"/>
        <source>请填写机构名称或协议编号</source>
        <translation>Enter the institution&apos;s name or agreement number</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="755"/>
        <source>找不到该机构</source>
        <translation>The institution cannot be found</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="756"/>
        <source>机构名单中没有“{text}”（可用 institution list --search 查找）</source>
        <translation>The institution list has no “{text}” (search with institution list --search)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="757"/>
        <source>“{text}”对应多家机构：{listed}。请用协议编号指定</source>
        <translation>“{text}” matches several institutions: {listed}. Name one by its agreement number</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="758"/>
        <source>无法读取 {path}：{error}</source>
        <translation>Cannot read {path}: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="759"/>
        <source>数据库 {database} 由更新版本的 Inspector 创建（结构版本 {revision}），本程序无法打开。请升级 Inspector；数据未被改动。</source>
        <translation>Database {database} was made by a newer Inspector (schema version {revision}); this program cannot open it. Please upgrade Inspector; the data was not changed.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="763"/>
        <source>磁盘已满，未能保存。请清理磁盘空间后重试；已保存的数据未受影响。</source>
        <translation>The disk is full; nothing was saved. Free some disk space and try again; what was saved before is unaffected.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="766"/>
        <source>数据库正被另一个程序使用，请稍后重试。</source>
        <translation>Another program is using the database; please try again shortly.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="767"/>
        <source>数据库文件已损坏或不是 Inspector 的数据库，请从备份恢复。</source>
        <translation>The database file is damaged or is not an Inspector database; restore it from a backup.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="768"/>
        <source>数据目录为只读，无法保存。请检查数据目录的写权限。</source>
        <translation>The data directory is read-only; nothing can be saved. Check the write permission of the data directory.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="769"/>
        <source>无法打开数据库文件：请检查数据目录是否存在、是否有读写权限。</source>
        <translation>The database file cannot be opened: check that the data directory exists and can be read and written.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="770"/>
        <source>读写数据库文件时出错（磁盘或存储设备故障），未能保存。请检查磁盘后重试。</source>
        <translation>Reading or writing the database file failed (a disk or storage fault); nothing was saved. Check the disk and try again.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="773"/>
        <source>该检查已数字签名并锁定，不能修改；如需更正请新建更正记录。</source>
        <translation>This inspection is digitally signed and locked and cannot be changed; to correct it, make a correction record.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="775"/>
        <source>磁盘已满，文件未保存。请清理磁盘空间后重试；已保存的数据未受影响。</source>
        <translation>The disk is full; the file was not saved. Free some disk space and try again; what was saved before is unaffected.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="778"/>
        <source>没有写入数据目录的权限（或磁盘为只读），文件未保存。</source>
        <translation>No permission to write to the data directory (or the disk is read-only); the file was not saved.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="779"/>
        <source>文件未保存：{error}</source>
        <translation>The file was not saved: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="782"/>
        <source>没有编号为 {text} 的{what}</source>
        <translation>No {what} with the id {text}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="783"/>
        <source>{what}编号至少需要 {count} 个字符</source>
        <translation>Type at least {count} characters of the id ({what})</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="784"/>
        <source>编号 {text} 对应多个{what}，请多写几位：{candidates}</source>
        <translation>The id {text} matches more than one {what}; type more of it: {candidates}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="785"/>
        <source>信任列表中没有指纹为 {text} 的证书</source>
        <translation>No certificate on the trust list has the fingerprint {text}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="786"/>
        <source>请给出证书指纹（SHA-256）的至少前 {count} 位</source>
        <translation>Give at least the first {count} digits of the certificate&apos;s SHA-256 fingerprint</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="787"/>
        <source>服务器上没有这次检查：{text}</source>
        <translation>This inspection is not on the server: {text}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="788"/>
        <source>没有这台设备（或已吊销）：{text}</source>
        <translation>No such device (or it has been revoked): {text}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="789"/>
        <source>检查</source>
        <translation>inspection</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="790"/>
        <source>冲突</source>
        <translation>conflict</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="791"/>
        <source>台账问题</source>
        <translation>ledger finding</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="792"/>
        <source>整改通知书</source>
        <translation>rectification order</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="793"/>
        <source>询问笔录</source>
        <translation>interview record</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="794"/>
        <source>操作记录</source>
        <translation>audit event</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="795"/>
        <source>证据</source>
        <translation>evidence item</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="796"/>
        <source>抽查</source>
        <translation>draw</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="797"/>
        <source>密钥</source>
        <translation>key</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="798"/>
        <source>证书</source>
        <translation>certificate</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="799"/>
        <source>设备</source>
        <translation>device</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="802"/>
        <source>告知事项应为：{value}</source>
        <translation>What was told must be one of: {value}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="803"/>
        <source>请由被询问人写下（或照录）核对笔录后的确认意见</source>
        <translation>Have the interviewee write (or record their words of) the confirmation after reading the record</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="804"/>
        <source>询问笔录还不能签名，缺少：{missing}</source>
        <translation>The interview record cannot be signed yet; missing: {missing}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="805"/>
        <source>执法证号 {cert_no} 不是这份询问笔录的询问人或记录人，不能在笔录上签名</source>
        <translation>Certificate no. {cert_no} is not an interviewer or the recorder of this interview record and cannot sign it</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="808"/>
        <source>不能这样选择询问人：{problems}</source>
        <translation>These interviewers cannot be chosen: {problems}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="809"/>
        <source>执法证号 {cert_no} 不是这份询问笔录的询问人：请先选定询问人</source>
        <translation>Certificate no. {cert_no} is not an interviewer of this record: choose the interviewers first</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="810"/>
        <source>身份证号“{text}”应为 18 位（最后一位可为 X）</source>
        <translation>The ID number “{text}” must have 18 characters (the last may be X)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="811"/>
        <source>身份证号“{text}”的校验位不对，请核对证件</source>
        <translation>The check character of the ID number “{text}” is wrong: check the ID card</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="812"/>
        <source>身份证号“{text}”中的出生日期不存在，请核对证件</source>
        <translation>The birth date in the ID number “{text}” does not exist: check the ID card</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="815"/>
        <source>签名前显示的记录已不是当前的记录（其后数据有变更）：请重新显示记录，核对后再签名</source>
        <translation>The record shown before signing is no longer the current record (the data changed since): show the record again, check it, then sign</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="819"/>
        <source>核对方式只用于被检查单位代表的签名，应为：{value}</source>
        <translation>A way of confirming applies only to the party&apos;s signature, and must be one of: {value}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="820"/>
        <source>拒签时须记录见证人的身份：请填写见证人的身份证号码</source>
        <translation>A refusal needs the witness&apos;s identity: enter the witness&apos;s ID card number</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="821"/>
        <source>请填写见证人与被检查单位的关系（如 无关系、本单位职工）</source>
        <translation>Enter the witness&apos;s relation to the party (e.g. none, employee of the party)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="822"/>
        <source>在场人员须填写姓名</source>
        <translation>Each person present needs a name</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="824"/>
        <source>没有“{name}”这项告知：应为 {value}</source>
        <translation>There is no notice &quot;{name}&quot;: it should be one of {value}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="825"/>
        <source>答复须针对本次告知的事项：{value}</source>
        <translation>A reply must be to a notice given in this call: {value}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="828"/>
        <source>登录的人太多，请 {seconds} 秒后再试</source>
        <translation>Too many people are signing in; try again in {seconds} seconds</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="829"/>
        <source>请求过大（此处至多 {limit} 字节），服务器未接收</source>
        <translation>The request is too large (at most {limit} bytes here); the server did not take it</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="830"/>
        <source>请求的长度（Content-Length）无效</source>
        <translation>The request&apos;s length (Content-Length) is invalid</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="831"/>
        <source>筛选条件无效：{value}</source>
        <translation>Invalid filter: {value}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="832"/>
        <source>检查 {inspection} 的{field}过长或含无效字符（至多 {count} 个字符），请在本机改正后再推送</source>
        <translation>The {field} of inspection {inspection} is too long or has invalid characters (at most {count} characters); correct it on this laptop and push again</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="836"/>
        <source>推送中有服务器无法保存的数据（{code}），已拒绝，服务器数据未改变</source>
        <translation>The push holds data the server cannot store ({code}): refused, nothing on the server changed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="839"/>
        <source>推送编号无效：{bundle}</source>
        <translation>Invalid push id: {bundle}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="840"/>
        <source>页码无效：{page}</source>
        <translation>Invalid page number: {page}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="841"/>
        <source>尝试次数过多，请 {seconds} 秒后再试</source>
        <translation>Too many tries; try again in {seconds} seconds</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="842"/>
        <source>服务器的文件库磁盘已满，文件未保存（已确认的部分保留）；请联系管理员清理空间后再推送</source>
        <translation>The server&apos;s file store disk is full; the file was not saved (the acknowledged part is kept). Ask the administrator to free space, then push again</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="846"/>
        <source>服务器的临时目录已满，推送未提交，服务器数据未改变；请稍后重试（或联系管理员）</source>
        <translation>The server&apos;s temporary directory is full; the push was not committed and nothing on the server changed. Try again later (or ask the administrator)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="849"/>
        <source>服务器的数据库磁盘已满，推送未提交，服务器数据未改变；请联系管理员</source>
        <translation>The server&apos;s database disk is full; the push was not committed and nothing on the server changed. Ask the administrator</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="852"/>
        <source>服务器暂时无法接收推送，请稍后重试：{reason}</source>
        <translation>The server cannot take the push for now; try again later: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="855"/>
        <source>记录已编号（{number}），不能再更换执法主体</source>
        <translation>The record already has its number ({number}); the issuing authority can no longer be changed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="856"/>
        <source>检查结束时间 {end} 早于开始时间 {start}</source>
        <translation>The inspection&apos;s end {end} is before its start {start}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="857"/>
        <source>检查开始时间 {start} 在将来</source>
        <translation>The inspection&apos;s start {start} is in the future</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="858"/>
        <source>文号模板“{template}”中的 {{{name}}} 不认识；可用：{{区简称}}、{{年}}、{{序号}}、{{设备}}</source>
        <translation>Unknown {{{name}}} in the number template &quot;{template}&quot;; use {{区简称}}, {{年}}, {{序号}}, {{设备}}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="863"/>
        <source>文号模板“{template}”须含 {{年}} 和 {{序号}}，否则文号会重复</source>
        <translation>The number template &quot;{template}&quot; must contain {{年}} and {{序号}}, or numbers would repeat</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="864"/>
        <source>请填写执法主体（医疗保障局）的名称</source>
        <translation>Enter the name of the issuing authority (the medical insurance bureau)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="865"/>
        <source>没有“{kind}”这种文书；可用：{kinds}</source>
        <translation>There is no kind of document “{kind}”; known: {kinds}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="989"/>
        <source>{title}须载明{what}（{rule}）：请先在案件中填写</source>
        <translation>A {title} must state {what} ({rule}): fill it in the case first</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="990"/>
        <source>法制审核人员不得是本案承办人（行政处罚法第五十八条，重大执法决定法制审核制度）：{name}</source>
        <translation>The legal reviewer may not be an officer of this case (Administrative Penalty Law art. 58, legal review of major enforcement decisions): {name}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="994"/>
        <source>陈述、申辩的期限（{due}）应晚于告知日期（{day}）（行政处罚法第四十五条）</source>
        <translation>The last day for statement and defence ({due}) must be after the notice date ({day}) (Administrative Penalty Law art. 45)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="997"/>
        <source>要求听证的期限（{due}）应晚于告知日期（{day}）（行政处罚法第六十四条）</source>
        <translation>The last day to request a hearing ({due}) must be after the notice date ({day}) (Administrative Penalty Law art. 64)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1000"/>
        <source>听证应在举行七日前通知当事人（行政处罚法第六十四条第二项）：听证日期 {day} 距通知日期 {issued} 不足七日</source>
        <translation>The party must be notified seven days before the hearing (Administrative Penalty Law art. 64(2)): the hearing on {day} is less than seven days after the notice of {issued}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1004"/>
        <source>听证由非本案调查人员主持（行政处罚法第六十四条第四项）：{name} 是本案承办人</source>
        <translation>A hearing is held by someone who did not investigate the case (Administrative Penalty Law art. 64(4)): {name} is an officer of this case</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1007"/>
        <source>送达方式“{way}”不认识；可用：{ways}</source>
        <translation>Unknown way of service “{way}”; known: {ways}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1008"/>
        <source>没有“{kind}”这种案件文书；可用：{kinds}</source>
        <translation>There is no case document “{kind}”; known: {kinds}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1009"/>
        <source>文书日期 {day} 晚于今天</source>
        <translation>The document date {day} is after today</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1010"/>
        <source>{title}由{role}签署（{rule}）：本案尚未确定{role}</source>
        <translation>A {title} is signed by the {role} ({rule}): this case has no {role} yet</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1011"/>
        <source>该{title}已签名</source>
        <translation>This {title} is already signed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1012"/>
        <source>{title}由{role}签署（{rule}）：该密钥的执法证号 {cert_no} 不是本案的{role}</source>
        <translation>A {title} is signed by the {role} ({rule}): the key’s certificate number {cert_no} is not this case’s {role}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1015"/>
        <source>{title}文件 {name} 不是生成时的文件：已被替换或改动，拒绝签名；请重新生成</source>
        <translation>The {title} file {name} is not the file as made: it was replaced or changed; not signed. Make it again</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1018"/>
        <source>{title}文件 {name} 与保存时的哈希不符：已被替换或改动</source>
        <translation>The {title} file {name} does not match the hash kept for it: it was replaced or changed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1019"/>
        <location filename="../../ui/core_messages.py" line="1551"/>
        <source>案件文书</source>
        <translation>case document</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1020"/>
        <source>立案审批表</source>
        <translation>case filing approval form</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1021"/>
        <source>调查终结报告</source>
        <translation>investigation closing report</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1022"/>
        <source>法制审核意见</source>
        <translation>legal review opinion</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1023"/>
        <source>行政处罚事先告知书</source>
        <translation>advance notice of administrative penalty</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1024"/>
        <source>陈述申辩笔录</source>
        <translation>record of statement and defence</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1025"/>
        <source>听证告知书</source>
        <translation>hearing notice</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1026"/>
        <source>听证笔录</source>
        <translation>hearing record</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1027"/>
        <source>行政处罚决定书</source>
        <translation>administrative penalty decision</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1028"/>
        <source>送达回证</source>
        <translation>proof of service</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1029"/>
        <source>结案报告</source>
        <translation>case closing report</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1030"/>
        <source>案件承办人</source>
        <translation>case officer</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1031"/>
        <location filename="../../ui/core_messages.py" line="1090"/>
        <source>法制审核人员</source>
        <translation>legal reviewer</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1032"/>
        <source>医疗保障行政部门负责人</source>
        <translation>head of the medical security department</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1033"/>
        <location filename="../../ui/core_messages.py" line="1114"/>
        <source>听证主持人</source>
        <translation>hearing officer</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1034"/>
        <location filename="../../ui/core_messages.py" line="1234"/>
        <source>送达人</source>
        <translation>server</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1035"/>
        <source>{title}由{role}签署（{rule}）：{name} 没有登记执法证号，无法核对其数字签名；请以执法证号记录{role}（或先在本机登记该执法人员）</source>
        <translation>A {title} is signed by the {role} ({rule}): {name} has no certificate number recorded, so a digital signature cannot be checked; record the {role} by certificate number (or register that officer on this laptop first)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1039"/>
        <source>案件还没有“{step}”这一步：{title}在该步骤之后制作</source>
        <translation>The case has no “{step}” step yet: a {title} is made after that step</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1040"/>
        <source>执法证号 {cert_no} 已签署该{title}</source>
        <translation>Certificate number {cert_no} has already signed this {title}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1041"/>
        <source>听证告知书须载明听证的时间、地点和主持人（行政处罚法第六十四条）：请给出</source>
        <translation>A hearing notice must state the hearing’s time, place and host (Administrative Penalty Law art. 64): please give them</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1044"/>
        <source>案件还没有需要制作文书的步骤：请先立案</source>
        <translation>The case has no step that needs a document yet: file the case first</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1045"/>
        <location filename="../../ui/core_messages.py" line="1222"/>
        <source>立案</source>
        <translation>filing</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1046"/>
        <location filename="../../ui/core_messages.py" line="1211"/>
        <source>调查终结</source>
        <translation>investigation concluded</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1047"/>
        <location filename="../../ui/core_messages.py" line="1223"/>
        <source>案件审核（法制审核）</source>
        <translation>case review (legal review)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1048"/>
        <location filename="../../ui/core_messages.py" line="1096"/>
        <source>事先告知</source>
        <translation>give the prior notice</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1049"/>
        <location filename="../../ui/core_messages.py" line="1145"/>
        <source>陈述申辩</source>
        <translation>statement and defence</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1050"/>
        <location filename="../../ui/core_messages.py" line="1146"/>
        <source>申请听证</source>
        <translation>hearing request</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1051"/>
        <location filename="../../ui/core_messages.py" line="1225"/>
        <source>听证</source>
        <translation>hearing</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1052"/>
        <location filename="../../ui/core_messages.py" line="1226"/>
        <source>作出决定</source>
        <translation>decision</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1053"/>
        <location filename="../../ui/core_messages.py" line="1127"/>
        <source>送达</source>
        <translation>serve</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1054"/>
        <location filename="../../ui/core_messages.py" line="1228"/>
        <source>结案</source>
        <translation>closing</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1057"/>
        <source>{what}的日期 {day} 晚于今天 {today}：只能记录已经发生的事</source>
        <translation>The date of {what}, {day}, is after today ({today}): only what has happened can be recorded</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1058"/>
        <source>{what}的日期 {day} 早于检查日期 {visit}：案件的每一步都在发现问题之后</source>
        <translation>The date of {what}, {day}, is before the inspection date {visit}: every step of a case comes after the finding</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1062"/>
        <source>当事人类型“{kind}”无效，可选：org（机构）、person（个人）</source>
        <translation>Invalid party type “{kind}”; choose org (institution) or person (individual)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1063"/>
        <source>案件须来自已签名检查发现的问题（台账编号），或来自一条线索</source>
        <translation>A case comes from findings of signed inspections (ledger ids) or from a lead</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1064"/>
        <source>一个案件只能针对一家机构：所选问题来自多家机构</source>
        <translation>A case concerns one institution only: the findings chosen come from several</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1065"/>
        <source>请写明当事人（机构或个人）</source>
        <translation>Please name the party (an institution or an individual)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1066"/>
        <source>该问题已由更正记录取代，请在更正后的台账记录上立案</source>
        <translation>This finding was superseded by an amendment; open the case on the amended ledger row</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1067"/>
        <source>只能就已签名检查发现的问题立案</source>
        <translation>A case can be opened only on findings of signed inspections</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1068"/>
        <source>问题 {entry} 已在案件 {case} 中</source>
        <translation>Finding {entry} is already in case {case}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1069"/>
        <source>登记</source>
        <translation>registration</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1070"/>
        <source>案件阶段“{stage}”无效</source>
        <translation>Invalid case stage “{stage}”</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1071"/>
        <source>执法证号 {cert_no} 不是本案承办人：只有承办人可以{step}</source>
        <translation>Certificate no. {cert_no} is not a case officer: only the case officers may {step}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1072"/>
        <source>请写明{what}</source>
        <translation>Please give the {what}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1073"/>
        <source>请写明由哪位承办人（执法证号）{step}</source>
        <translation>Please name the case officer (certificate no.) who does this: {step}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1074"/>
        <source>{role}不能是本案承办人（{rule}）</source>
        <translation>The {role} cannot be a case officer ({rule})</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1075"/>
        <source>送达方式“{value}”无效，可选：{allowed}</source>
        <translation>Invalid way of service “{value}”; choose from: {allowed}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1076"/>
        <source>电子送达须当事人同意并签订确认书（行政处罚法第六十一条）</source>
        <translation>Electronic service needs the party&apos;s consent and a signed confirmation (Administrative Penalty Law, art. 61)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1077"/>
        <source>案件处于“{stage}”阶段，不能{step}：{rule}</source>
        <translation>The case is at the stage “{stage}” and cannot take this step ({step}): {rule}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1078"/>
        <source>{step}的日期 {day} 早于案件登记日期 {opened}</source>
        <translation>The date of {step}, {day}, is before the case was registered ({opened})</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1079"/>
        <source>{step}的日期 {day} 早于上一步“{last}”的日期 {last_day}：步骤须按先后顺序记录</source>
        <translation>The date of {step}, {day}, is before that of the previous step “{last}” ({last_day}): steps are recorded in order</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1083"/>
        <source>批准立案的负责人</source>
        <translation>head approving the filing</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1084"/>
        <source>立案须指定至少两名执法人员为承办人（行政处罚法第四十二条）</source>
        <translation>Filing a case needs at least two enforcement officers as case officers (Administrative Penalty Law, art. 42)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1085"/>
        <source>批准立案的负责人不能是本案承办人</source>
        <translation>The head approving the filing cannot be a case officer</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1086"/>
        <source>请写明{step}的理由</source>
        <translation>Please give the reason for {step}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1087"/>
        <source>批准的负责人</source>
        <translation>approving head</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1088"/>
        <source>作出调查终结</source>
        <translation>conclude the investigation</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1089"/>
        <source>查明的违法事实</source>
        <translation>facts of the violation found</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1091"/>
        <source>法制审核须由非本案承办人进行</source>
        <translation>the legal review is made by someone who is not a case officer</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1092"/>
        <source>审核意见</source>
        <translation>review opinion</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1093"/>
        <source>设置 {key} 应为金额（分），现为“{value}”</source>
        <translation>Setting {key} should be an amount in fen, not “{value}”</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1094"/>
        <source>受送达人</source>
        <translation>recipient</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1095"/>
        <source>留置送达的见证人</source>
        <translation>witness of the service left at the premises</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1097"/>
        <source>事先告知须写明拟作出的处罚：请先记录处罚措施（case measure）</source>
        <translation>The prior notice states the proposed penalty: record the measures first (case measure)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1098"/>
        <source>陈述申辩期限至少 1 个工作日</source>
        <translation>The period for statement and defence is at least 1 working day</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1099"/>
        <source>记录陈述申辩</source>
        <translation>record the statement and defence</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1100"/>
        <source>陈述申辩的内容</source>
        <translation>content of the statement and defence</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1101"/>
        <source>记录放弃陈述申辩</source>
        <translation>record the waiver of statement and defence</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1102"/>
        <source>放弃陈述申辩和听证须有当事人的书面声明</source>
        <translation>Waiving statement, defence and hearing needs the party&apos;s written declaration</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1103"/>
        <source>记录听证申请</source>
        <translation>record the hearing request</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1104"/>
        <source>拟作出的处罚不属于听证范围（行政处罚法第六十三条），未告知听证权利</source>
        <translation>The proposed penalty gives no right to a hearing (Administrative Penalty Law, art. 63); none was notified</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1108"/>
        <source>申请听证的期限 {last} 已过（行政处罚法第六十四条：告知后五日内提出）</source>
        <translation>The period to request a hearing ended on {last} (Administrative Penalty Law, art. 64: within five days of the notice)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1112"/>
        <source>当事人已书面放弃听证</source>
        <translation>The party has waived the hearing in writing</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1113"/>
        <source>当事人没有申请听证：听证须在申请之后（行政处罚法第六十四条）</source>
        <translation>The party did not request a hearing: a hearing follows a request (Administrative Penalty Law, art. 64)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1115"/>
        <source>行政处罚法第六十四条：由非本案调查人员主持</source>
        <translation>Administrative Penalty Law, art. 64: hosted by someone who did not investigate the case</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1116"/>
        <source>听证情况</source>
        <translation>account of the hearing</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1117"/>
        <source>作出决定的负责人</source>
        <translation>head making the decision</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1118"/>
        <source>作出决定的负责人不能是本案承办人</source>
        <translation>The head making the decision cannot be a case officer</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1119"/>
        <source>当事人申请了听证：须先举行听证再作出决定（行政处罚法第六十四条）</source>
        <translation>The party requested a hearing: hold it before deciding (Administrative Penalty Law, art. 64)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1123"/>
        <source>办案期限已于 {last} 届满：须在期限内作出决定或经批准延期（行政处罚法第六十条）</source>
        <translation>The case period ended on {last}: decide within it or after an approved extension (Administrative Penalty Law, art. 60)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1128"/>
        <source>记录执行情况</source>
        <translation>record the execution</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1129"/>
        <source>尚未缴清：{listed}。缴清后，或写明不能执行完毕的理由（如已申请人民法院强制执行）后才能记录执行</source>
        <translation>Not paid in full: {listed}. Record the execution once paid, or give the reason it cannot be completed (e.g. enforcement applied for at the people&apos;s court)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1134"/>
        <source>批准结案的负责人</source>
        <translation>head approving the closing</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1135"/>
        <source>批准延期的负责人</source>
        <translation>head approving the extension</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1136"/>
        <source>延期的理由</source>
        <translation>reason for the extension</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1137"/>
        <source>延长的天数至少为 1 天</source>
        <translation>The extension is at least 1 day</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1138"/>
        <source>办案期限已于 {last} 届满，不能事后延期</source>
        <translation>The case period ended on {last}; it cannot be extended afterwards</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1139"/>
        <source>经负责人批准可延长 {days} 天以内；更长须经负责人集体讨论决定</source>
        <translation>The head may approve an extension of up to {days} days; a longer one needs the heads&apos; collective decision</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1140"/>
        <source>再次延期须经负责人集体讨论决定（--collective）</source>
        <translation>A further extension needs the heads&apos; collective decision (--collective)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1141"/>
        <source>执法证号 {cert_no} 不在本机的执法人员中：承办人须是持证执法人员</source>
        <translation>Certificate no. {cert_no} is not an enforcement officer on this laptop: case officers hold enforcement certificates</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1147"/>
        <source>{what}期限至 {last}：期满或当事人书面放弃后才能作出决定（行政处罚法第六十二条）</source>
        <translation>The period for {what} runs until {last}: decide after it ends or after the party&apos;s written waiver (Administrative Penalty Law, art. 62)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1151"/>
        <source>处理措施“{value}”无效，可选：{allowed}</source>
        <translation>Invalid measure “{value}”; choose from: {allowed}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1152"/>
        <source>裁量情形“{value}”无效，可选：lighter（从轻）、mitigated（减轻）、heavier（从重）</source>
        <translation>Invalid discretion “{value}”; choose lighter, mitigated or heavier</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1156"/>
        <source>罚款依据须为条例第三十八、三十九、四十或四十一条，现为“{article}”</source>
        <translation>A fine is imposed under article 38, 39, 40 or 41 of the Regulations, not “{article}”</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1160"/>
        <source>条例第{article}条的罚款按{basis}的倍数计算：请写明{basis}</source>
        <translation>A fine under article {article} of the Regulations is a multiple of the {basis}: please give the {basis}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1161"/>
        <source>条例第{article}条适用于{party}，本案当事人是{actual}</source>
        <translation>Article {article} of the Regulations applies to {party}; the party of this case is {actual}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1162"/>
        <source>{discretion}处罚须写明理由</source>
        <translation>A {discretion} penalty needs its reason</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1163"/>
        <source>罚款 {amount} 元高于条例第{article}条的上限 {high} 元（{text}）</source>
        <translation>A fine of {amount} yuan is above the upper limit of {high} yuan under article {article} of the Regulations ({text})</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1167"/>
        <source>罚款 {amount} 元低于条例第{article}条的下限 {low} 元（{text}）：低于下限须为减轻处罚并写明理由（行政处罚法第三十二条）</source>
        <translation>A fine of {amount} yuan is below the lower limit of {low} yuan under article {article} of the Regulations ({text}): below the limit only as a mitigated penalty with its reason (Administrative Penalty Law, art. 32)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1172"/>
        <source>减轻处罚应低于法定下限 {low} 元；在幅度内请选从轻</source>
        <translation>A mitigated penalty is below the legal lower limit of {low} yuan; within the range choose lighter</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1173"/>
        <source>案件已结束（{stage}），不能再记录处理措施或缴款</source>
        <translation>The case has ended ({stage}): no further measures or payments can be recorded</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1174"/>
        <source>处罚措施的日期 {day} 早于立案日期 {filed}</source>
        <translation>The measure&apos;s date {day} is before the case was filed ({filed})</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1175"/>
        <source>请写明撤回措施的理由</source>
        <translation>Please give the reason for withdrawing the measure</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1176"/>
        <source>请写明缴纳金额</source>
        <translation>Please give the amount paid</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1177"/>
        <source>处罚措施须在立案后、事先告知前拟定（案件处于“{stage}”阶段）：告知后不得增加或加重，须重新告知（行政处罚法第四十四条、第四十五条）</source>
        <translation>Penalty measures are proposed after filing and before the prior notice (the case is at “{stage}”): after the notice none can be added or made heavier without notifying again (Administrative Penalty Law, arts. 44 and 45)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1182"/>
        <source>协议处理只适用于有定点协议的机构</source>
        <translation>Handling under the agreement applies only to institutions with a service agreement</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1183"/>
        <source>决定作出后不能撤回处罚措施</source>
        <translation>A penalty measure cannot be withdrawn after the decision</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1184"/>
        <source>该措施已撤回</source>
        <translation>This measure has been withdrawn</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1185"/>
        <source>该措施已有缴款记录，不能撤回</source>
        <translation>This measure has payments recorded and cannot be withdrawn</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1186"/>
        <source>{what}没有金额，不能缴款</source>
        <translation>{what} has no amount to pay</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1187"/>
        <source>该措施已撤回，不能缴款</source>
        <translation>This measure has been withdrawn; no payment can be recorded</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1188"/>
        <source>缴纳合计 {total} 元超过{what}金额 {owed} 元</source>
        <translation>Payments of {total} yuan in all exceed the {what} amount of {owed} yuan</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1189"/>
        <source>处理措施</source>
        <translation>measure</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1190"/>
        <source>请写明{what}的金额</source>
        <translation>Please give the amount of {what}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1191"/>
        <source>{what}没有金额</source>
        <translation>{what} has no amount</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1192"/>
        <source>从轻、减轻、从重只适用于罚款</source>
        <translation>Lighter, mitigated and heavier apply to fines only</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1193"/>
        <source>{what}的依据须为条例第{articles}条</source>
        <translation>{what} is imposed under article {articles} of the Regulations</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1194"/>
        <source>条例第{article}条规定{what} {low} 至 {high} 个月，现为 {months}</source>
        <translation>Article {article} of the Regulations sets {what} at {low} to {high} months, not {months}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1198"/>
        <source>暂停医疗费用联网结算适用于个人（条例第四十一条）</source>
        <translation>Suspending networked settlement applies to individuals (Regulations, art. 41)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1199"/>
        <source>暂停医药服务适用于定点医药机构（条例第三十八、四十条）</source>
        <translation>Suspending medical services applies to designated institutions (Regulations, arts. 38 and 40)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1200"/>
        <source>{what}须写明起止日期</source>
        <translation>{what} needs its start and end dates</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1201"/>
        <source>结束日期须晚于开始日期</source>
        <translation>The end date must be after the start date</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1202"/>
        <source>缴款</source>
        <translation>payment</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1203"/>
        <source>处罚决定作出前不能记录缴款（案件尚未决定）</source>
        <translation>No payment can be recorded before the penalty decision (the case is not decided)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1204"/>
        <source>缴款日期 {day} 早于决定日期 {decided}</source>
        <translation>The payment date {day} is before the decision date {decided}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1205"/>
        <source>追回日期 {day} 早于拒付/追回决定日期 {taken}</source>
        <translation>The recovery date {day} is before the date of the refusal/recovery {taken}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1206"/>
        <source>设置 {key} 应在 1 至 60 天之间，现为 {value}</source>
        <translation>Setting {key} should be between 1 and 60 days, not {value}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1207"/>
        <source>设置 {key} 应为天数（整数），现为“{value}”</source>
        <translation>Setting {key} should be a number of days (an integer), not “{value}”</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1208"/>
        <source>案件导出文件的扩展名应为 .xlsx</source>
        <translation>The case export file should end in .xlsx</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1209"/>
        <source>待立案</source>
        <translation>to be filed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1210"/>
        <source>已立案（调查取证）</source>
        <translation>filed (investigating)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1212"/>
        <source>已法制审核</source>
        <translation>legally reviewed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1213"/>
        <source>已事先告知</source>
        <translation>prior notice given</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1214"/>
        <source>陈述申辩/听证</source>
        <translation>statement and defence / hearing</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1215"/>
        <source>已决定</source>
        <translation>decided</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1216"/>
        <source>已送达</source>
        <translation>served</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1217"/>
        <source>已执行</source>
        <translation>executed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1218"/>
        <source>已结案</source>
        <translation>closed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1219"/>
        <source>不予立案</source>
        <translation>not filed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1220"/>
        <source>已撤销</source>
        <translation>withdrawn</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1221"/>
        <source>已终止</source>
        <translation>terminated</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1224"/>
        <source>书面放弃陈述申辩和听证</source>
        <translation>written waiver of statement, defence and hearing</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1227"/>
        <source>执行</source>
        <translation>execution</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1229"/>
        <source>撤销立案</source>
        <translation>withdrawal of the filing</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1230"/>
        <source>终止调查</source>
        <translation>termination of the investigation</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1231"/>
        <source>延长办案期限</source>
        <translation>extension of the case period</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1232"/>
        <source>承办人</source>
        <translation>case officer</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1233"/>
        <source>负责人</source>
        <translation>head</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1235"/>
        <source>见证人</source>
        <translation>witness</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1236"/>
        <source>直接送达</source>
        <translation>personal service</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1237"/>
        <source>留置送达</source>
        <translation>service left at the premises</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1238"/>
        <source>邮寄送达</source>
        <translation>service by post</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1239"/>
        <source>电子送达</source>
        <translation>electronic service</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1240"/>
        <source>公告送达</source>
        <translation>service by public notice</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1241"/>
        <source>责令退回</source>
        <translation>order to refund</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1242"/>
        <source>罚款</source>
        <translation>fine</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1243"/>
        <source>没收违法所得</source>
        <translation>confiscation of illegal gains</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1244"/>
        <source>暂停相关责任部门医药服务</source>
        <translation>suspension of the responsible department&apos;s medical services</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1245"/>
        <source>暂停医疗费用联网结算</source>
        <translation>suspension of networked settlement</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1246"/>
        <source>约谈</source>
        <translation>interview</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1247"/>
        <source>拒付/追回</source>
        <translation>refusal to pay / recovery</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1248"/>
        <source>暂停结算</source>
        <translation>suspension of settlement</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1249"/>
        <source>中止协议</source>
        <translation>suspension of the agreement</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1250"/>
        <source>解除协议</source>
        <translation>termination of the agreement</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1251"/>
        <source>从轻</source>
        <translation>lighter</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1252"/>
        <source>减轻</source>
        <translation>mitigated</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1253"/>
        <source>定点医药机构</source>
        <translation>designated medical institutions</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1254"/>
        <source>立案须针对登记的案源，每个案件只立案一次</source>
        <translation>A case is filed from a registered case source, and only once</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1255"/>
        <source>不予立案只能针对尚未立案的案源</source>
        <translation>Not filing applies only to a case source not filed yet</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1256"/>
        <source>调查终结须在立案之后</source>
        <translation>The investigation is concluded after filing</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1257"/>
        <source>法制审核须在调查终结之后、作出决定之前（行政处罚法第五十八条）</source>
        <translation>The legal review follows the conclusion of the investigation and precedes the decision (Administrative Penalty Law, art. 58)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1258"/>
        <source>事先告知须在法制审核通过之后：告知的是经审核的事实、理由、依据和拟作出的处罚</source>
        <translation>The prior notice follows a passed legal review: it tells the reviewed facts, reasons, basis and proposed penalty</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1262"/>
        <source>陈述申辩须在事先告知之后、作出决定之前</source>
        <translation>Statement and defence follow the prior notice and precede the decision</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1263"/>
        <source>放弃陈述申辩须在事先告知之后、作出决定之前</source>
        <translation>Waiving statement and defence follows the prior notice and precedes the decision</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1264"/>
        <source>申请听证须在事先告知之后（行政处罚法第六十四条）</source>
        <translation>A hearing is requested after the prior notice (Administrative Penalty Law, art. 64)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1265"/>
        <source>听证须在当事人申请听证之后（行政处罚法第六十四条）</source>
        <translation>A hearing follows the party&apos;s request (Administrative Penalty Law, art. 64)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1266"/>
        <source>作出决定前须事先告知当事人并听取陈述申辩（行政处罚法第四十四条、第六十二条）</source>
        <translation>Before deciding, give the party prior notice and hear its statement and defence (Administrative Penalty Law, arts. 44 and 62)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1270"/>
        <source>送达须在作出决定之后</source>
        <translation>Service follows the decision</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1271"/>
        <source>执行须在决定书送达之后</source>
        <translation>Execution follows the service of the decision</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1272"/>
        <source>结案须在执行完毕（或记录不能执行的理由）之后</source>
        <translation>Closing follows the execution (or the reason it could not be completed)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1273"/>
        <source>撤销立案只能针对已立案、尚未决定的案件</source>
        <translation>Withdrawing the filing applies only to a filed case not yet decided</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1274"/>
        <source>终止调查只能针对已立案、尚未决定的案件</source>
        <translation>Terminating the investigation applies only to a filed case not yet decided</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1275"/>
        <source>只有已立案、尚未决定的案件可以延长办案期限</source>
        <translation>Only a filed case not yet decided can have its period extended</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1276"/>
        <source>造成损失金额</source>
        <translation>amount of the loss caused</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1277"/>
        <source>1倍以上2倍以下</source>
        <translation>1 to 2 times</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1278"/>
        <source>1万元以上5万元以下</source>
        <translation>10,000 to 50,000 yuan</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1279"/>
        <source>骗取金额</source>
        <translation>amount obtained by fraud</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1280"/>
        <source>2倍以上5倍以下</source>
        <translation>2 to 5 times</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1281"/>
        <source>行政处罚须按案件程序办理（立案、告知、陈述申辩、决定）：请用 case open {entry} 登记案件</source>
        <translation>An administrative penalty follows the case procedure (filing, notice, statement and defence, decision): open a case with case open {entry}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1286"/>
        <location filename="../../ui/core_messages.py" line="1547"/>
        <source>案件</source>
        <translation>case</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1289"/>
        <source>措施种类“{value}”无效，可选：seal（封存）、preserve（先行登记保存）</source>
        <translation>Measure kind “{value}” is not valid; choose seal (封存, sealing) or preserve (先行登记保存, registration and preservation)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1292"/>
        <source>处理决定“{value}”无效，可选：{allowed}</source>
        <translation>Decision “{value}” is not valid; choose: {allowed}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1293"/>
        <source>{what}（{day}）不能晚于今天</source>
        <translation>{what} ({day}) cannot be later than today</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1294"/>
        <source>{what}（{day}）早于{before}（{earlier}）</source>
        <translation>{what} ({day}) is before {before} ({earlier})</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1295"/>
        <source>请填写{what}</source>
        <translation>Please enter {what}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1296"/>
        <source>{what}最多 {limit} 个字</source>
        <translation>{what}: at most {limit} characters</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1297"/>
        <source>强制措施应由两名以上执法人员实施（行政强制法第十八条）</source>
        <translation>A compulsory measure is carried out by two or more enforcement officers (Administrative Compulsion Law art. 18)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1298"/>
        <source>请列出措施所涉的资料或物品（清单不能为空，行政强制法第二十四条）</source>
        <translation>List the materials or items the measure covers (the list cannot be empty, Administrative Compulsion Law art. 24)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1301"/>
        <source>案件 {case} 的当事人是{party}，不是这次检查的被检查单位</source>
        <translation>The party of case {case} is {party}, not the institution of this inspection</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1302"/>
        <source>当事人拒绝签名时不填写当事人签名人</source>
        <translation>When the party refuses to sign, give no party signer</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1303"/>
        <source>请填写在清单上签名的当事人（或注明当事人拒绝签名）</source>
        <translation>Enter the party who signed the list (or note that the party refused to sign)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1304"/>
        <source>当事人拒绝签名的，应注明并由见证人签名（行政强制法第十八条）</source>
        <translation>A party&apos;s refusal to sign is noted and a witness signs (Administrative Compulsion Law art. 18)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1305"/>
        <source>封存延长期限不得超过三十日（行政强制法第二十五条）</source>
        <translation>A sealing may be extended by at most 30 days (Administrative Compulsion Law art. 25)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1306"/>
        <source>封存期限内应作出解除或没收等处理决定（行政强制法第二十七条），不能“{outcome}”</source>
        <translation>Within the sealing period the decision is a release or a confiscation (Administrative Compulsion Law art. 27), not “{outcome}”</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1309"/>
        <source>转为封存的，请填写封存决定书文号</source>
        <translation>To seal the items, enter the number of the sealing decision</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1310"/>
        <source>{kind}没有“{document}”</source>
        <translation>A {kind} has no “{document}”</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1311"/>
        <source>文书种类“{value}”无效，可选：{allowed}</source>
        <translation>Document kind “{value}” is not valid; choose: {allowed}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1312"/>
        <source>封存清单第 {position} 项已在措施 {decision} 之下，尚未解除</source>
        <translation>Line {position} of the sealing list is already under measure {decision}, not released yet</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1313"/>
        <source>该措施的清单已经签名</source>
        <translation>This measure&apos;s list has been signed already</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1314"/>
        <source>先行登记保存不能延长，应在七个工作日内作出处理决定（行政处罚法第五十六条）</source>
        <translation>A registration and preservation cannot be extended; decide on it within 7 working days (Administrative Penalty Law art. 56)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1317"/>
        <source>该措施已于 {day} 结束，不能延长</source>
        <translation>This measure ended on {day} and cannot be extended</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1318"/>
        <source>封存期限只能延长一次（行政强制法第二十五条），已于 {day} 延长</source>
        <translation>A sealing period can be extended only once (Administrative Compulsion Law art. 25); it was extended on {day}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1319"/>
        <source>封存期限已于 {day} 届满，不能再延长，应当解除封存（行政强制法第二十八条）</source>
        <translation>The sealing period expired on {day}; it cannot be extended and the sealing must be released (Administrative Compulsion Law art. 28)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1322"/>
        <source>该措施已于 {day} 结束（{outcome}）</source>
        <translation>This measure ended on {day} ({outcome})</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1323"/>
        <source>该封存未延长期限</source>
        <translation>This sealing was not extended</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1324"/>
        <source>该措施尚未解除或作出处理决定</source>
        <translation>This measure has not been released or decided on yet</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1325"/>
        <source>移送部门“{value}”无效，可选：{allowed}</source>
        <translation>Department “{value}” is not valid; choose: {allowed}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1326"/>
        <source>移送证据包至少要包含一项检查</source>
        <translation>A referral evidence bundle must hold at least one inspection</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1327"/>
        <source>一次移送只针对一个被检查单位的案件</source>
        <translation>One referral concerns the case of one inspected institution</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1328"/>
        <source>该案已移送{department}（{number}），未退回前不能重复移送</source>
        <translation>This case was referred to the {department} ({number}); it cannot be referred there again unless returned</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1329"/>
        <source>该移送已于 {day} 退回</source>
        <translation>This referral was returned on {day}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1330"/>
        <source>该移送已于 {day} 签收</source>
        <translation>This referral was received on {day}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1331"/>
        <source>请先登记接收单位的签收，再登记反馈</source>
        <translation>Record the receiving body&apos;s receipt before its feedback</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1332"/>
        <source>定点机构名册中没有编号为 {id} 的机构</source>
        <translation>The registry has no institution with id {id}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1333"/>
        <source>{sender} 的来文 {number} 已经登记过</source>
        <translation>Document {number} from {sender} is registered already</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1334"/>
        <source>检查 {inspection} 不属于案件 {case}</source>
        <translation>Inspection {inspection} is not part of case {case}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1335"/>
        <source>这是移送证据包（移送书 {number}），只供接收单位核验，不能导入：本机数据未改变</source>
        <translation>This is a referral evidence bundle (referral letter {number}), for the receiving body to verify; it cannot be imported. Nothing on this laptop was changed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1338"/>
        <source>该文书已由执法证号 {cert_no} 签名</source>
        <translation>This document is already signed by certificate number {cert_no}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1339"/>
        <source>该文书由实施措施或承办案件的执法人员（{allowed}）签名：该密钥的执法证号 {cert_no} 不在其中</source>
        <translation>This document is signed by the officers who carried out the measure or handle the case ({allowed}): the key&apos;s certificate number {cert_no} is not one of them</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1343"/>
        <source>文书文件 {name} 不是生成时的文件：已被替换或改动，拒绝签名；请重新生成</source>
        <translation>The document file {name} is not the file as made: it was replaced or changed; not signed. Make it again</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1347"/>
        <source>强制措施</source>
        <translation>compulsory measure</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1348"/>
        <source>文书</source>
        <translation>document</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1349"/>
        <source>移送</source>
        <translation>referral</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1350"/>
        <source>接收的移送案件</source>
        <translation>received referral</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1351"/>
        <source>决定日期</source>
        <translation>The decision date</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1352"/>
        <source>现场检查日期</source>
        <translation>the visit&apos;s date</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1353"/>
        <source>清单签名日期</source>
        <translation>The date the list was signed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1354"/>
        <source>措施决定日期</source>
        <translation>the measure&apos;s decision date</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1355"/>
        <source>延长决定日期</source>
        <translation>The extension&apos;s date</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1356"/>
        <source>封存决定日期</source>
        <translation>the sealing decision&apos;s date</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1357"/>
        <source>解除或处理日期</source>
        <translation>The release or decision date</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1358"/>
        <source>移送日期</source>
        <translation>The referral date</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1359"/>
        <source>签收日期</source>
        <translation>The receipt date</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1360"/>
        <source>反馈日期</source>
        <translation>The feedback date</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1361"/>
        <source>退回日期</source>
        <translation>The return date</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1362"/>
        <source>收到日期</source>
        <translation>The date received</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1363"/>
        <source>决定书文号</source>
        <translation>the decision&apos;s number</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1364"/>
        <source>采取措施的理由</source>
        <translation>the reason for the measure</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1365"/>
        <source>批准的行政机关负责人</source>
        <translation>the head of the bureau who approved</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1366"/>
        <source>物品名称和描述</source>
        <translation>the item&apos;s name and description</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1367"/>
        <source>数量单位</source>
        <translation>the unit</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1368"/>
        <source>延长理由</source>
        <translation>the reason for the extension</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1369"/>
        <source>批准延长的行政机关负责人</source>
        <translation>the head of the bureau who approved the extension</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1370"/>
        <source>延长决定文号</source>
        <translation>the extension&apos;s number</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1371"/>
        <source>解除或处理的理由</source>
        <translation>the reason for the release or decision</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1372"/>
        <source>解除或处理决定文号</source>
        <translation>the release or decision&apos;s number</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1373"/>
        <source>接收单位</source>
        <translation>the receiving body</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1374"/>
        <source>移送书文号</source>
        <translation>the referral letter&apos;s number</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1375"/>
        <source>涉嫌违法的事实</source>
        <translation>the facts of the suspected violation</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1376"/>
        <source>签收人</source>
        <translation>who received it</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1377"/>
        <source>反馈内容</source>
        <translation>the feedback</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1378"/>
        <source>退回理由</source>
        <translation>the reason for the return</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1379"/>
        <source>移送单位</source>
        <translation>the sending body</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1380"/>
        <source>来文文号</source>
        <translation>the incoming document&apos;s number</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1381"/>
        <source>涉及的机构或人员</source>
        <translation>the institution or person concerned</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1382"/>
        <source>案情摘要</source>
        <translation>a summary of the case</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1383"/>
        <source>封存</source>
        <translation>sealing</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1384"/>
        <source>先行登记保存</source>
        <translation>registration and preservation</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1385"/>
        <source>解除</source>
        <translation>release</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1386"/>
        <source>转为封存</source>
        <translation>sealing</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1387"/>
        <source>依法没收</source>
        <translation>confiscation</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1388"/>
        <source>送检验鉴定</source>
        <translation>examination</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1389"/>
        <source>移交有关部门</source>
        <translation>hand-over to the competent department</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1390"/>
        <source>公安机关</source>
        <translation>police</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1391"/>
        <source>纪检监察机关</source>
        <translation>discipline inspection and supervision organs</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1392"/>
        <source>卫生健康部门</source>
        <translation>health department</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1393"/>
        <source>市场监督管理部门</source>
        <translation>market regulation department</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1394"/>
        <source>药品监督管理部门</source>
        <translation>drug regulation department</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1395"/>
        <source>决定书</source>
        <translation>decision</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1396"/>
        <source>清单</source>
        <translation>list</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1397"/>
        <source>延长期限通知书</source>
        <translation>extension notice</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1398"/>
        <source>解除或处理决定书</source>
        <translation>release or decision</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1416"/>
        <source>没有编号为 {text} 的线索</source>
        <translation>No lead numbered {text}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1417"/>
        <source>核查结论“{value}”无效，可选：{allowed}</source>
        <translation>Verdict “{value}” is not valid; choose from: {allowed}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1418"/>
        <source>线索来源“{value}”无效，可选：{allowed}</source>
        <translation>Lead source “{value}” is not valid; choose from: {allowed}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1419"/>
        <source>举报人信息只能密封给办公室保存：请先登记办公室公钥（lead office-key PEM）</source>
        <translation>A reporter&apos;s identity is kept only sealed to the office: register the office&apos;s public key first (lead office-key PEM)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1422"/>
        <source>办理时限不能为负数</source>
        <translation>The time limit cannot be negative</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1423"/>
        <source>按工作日计算办理期限需要交办日期或受理日期</source>
        <translation>A deadline in working days needs the date assigned or received</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1424"/>
        <source>请填写线索涉及的机构</source>
        <translation>Enter the institution the lead concerns</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1425"/>
        <source>请填写线索内容</source>
        <translation>Enter what the lead says</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1426"/>
        <source>线索编号过长（最多 64 个字符）</source>
        <translation>The lead number is too long (64 characters at most)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1427"/>
        <source>{name} 有 {count} 行无法导入，未导入任何线索：{rows}</source>
        <translation>{name} has {count} rows that cannot be imported; no lead was imported: {rows}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1428"/>
        <source>交办需写明交办人和承办人</source>
        <translation>An assignment names who assigns it and to whom</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1429"/>
        <source>请指定要核查的线索</source>
        <translation>Name the leads to verify</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1430"/>
        <source>核查属实或部分属实时请写明查实的问题</source>
        <translation>A verdict of 属实 or 部分属实 needs a note of what was found</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1431"/>
        <source>线索编号 {number} 已登记</source>
        <translation>Lead {number} is already registered</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1432"/>
        <source>编号 {text} 对应多条线索，请多写几位</source>
        <translation>{text} matches several leads; type more characters</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1433"/>
        <source>线索 {number} 已交给另一项未签字的检查 {inspection} 核查</source>
        <translation>Lead {number} is already being verified by another unsigned inspection {inspection}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1434"/>
        <source>线索 {number} 未交给本次检查核查：请先把它加入本次检查</source>
        <translation>Lead {number} is not attached to this inspection: attach it first</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1435"/>
        <source>反馈文件的扩展名应为 .xlsx</source>
        <translation>The feedback file&apos;s name must end in .xlsx</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1436"/>
        <source>办公室公钥必须是至少 2048 位的 RSA 公钥</source>
        <translation>The office&apos;s public key must be an RSA key of at least 2048 bits</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1437"/>
        <source>办公室私钥必须是 RSA 私钥</source>
        <translation>The office&apos;s private key must be an RSA key</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1438"/>
        <source>无法读取办公室公钥：需要 PEM 格式的 RSA 公钥或证书</source>
        <translation>Cannot read the office&apos;s public key: a PEM RSA public key or certificate is needed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1439"/>
        <source>密封数据已损坏</source>
        <translation>The sealed data is damaged</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1440"/>
        <source>无法读取办公室私钥（PEM），或口令不对</source>
        <translation>Cannot read the office&apos;s private key (PEM), or the passphrase is wrong</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1441"/>
        <source>该数据不是用这把办公室密钥密封的</source>
        <translation>This data was not sealed to this office key</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1442"/>
        <source>{name} 的行数超过 {limit}，不像是线索清单</source>
        <translation>{name} has more than {limit} rows: it does not look like a list of leads</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1443"/>
        <source>{name} 的行数超过 {limit}，不像是疑点结算单号清单</source>
        <translation>{name} has more than {limit} rows: it does not look like a list of flagged settlement numbers</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1444"/>
        <source>本次检查还没有规则命中：请先导入费用明细并运行规则</source>
        <translation>This inspection has no rule hits yet: import the settlement detail and run the rules first</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1445"/>
        <source>本次检查还没有运行规则：请先导入费用明细并运行规则</source>
        <translation>The rules have not been run for this inspection: import the settlement detail and run the rules first</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1446"/>
        <source>线索 {number} 没有举报人信息</source>
        <translation>Lead {number} has no reporter</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1447"/>
        <source>来文 {number} 已登记为线索</source>
        <translation>Referral {number} is already registered as a lead</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1450"/>
        <source>只能制定本区县（{district}）的专项行动</source>
        <translation>You can make campaigns of your own district ({district}) only</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1451"/>
        <source>只能结束本区县（{district}）的专项行动</source>
        <translation>You can close campaigns of your own district ({district}) only</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1452"/>
        <source>请填写专项行动的名称</source>
        <translation>Enter the campaign&apos;s name</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1453"/>
        <source>专项行动的名称过长（最多 {limit} 个字）</source>
        <translation>The campaign&apos;s name is too long (at most {limit} characters)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1454"/>
        <source>文号过长（最多 {limit} 个字）</source>
        <translation>The document number is too long (at most {limit} characters)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1455"/>
        <source>专项行动至少需要一个阶段（名称和起止日期）</source>
        <translation>A campaign needs at least one phase (its name, start and end)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1456"/>
        <source>阶段过多（最多 {limit} 个）</source>
        <translation>Too many phases (at most {limit})</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1457"/>
        <source>请选择专项行动涉及的机构类型</source>
        <translation>Choose the institution types of the campaign</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1458"/>
        <source>请选择专项行动涉及的区县</source>
        <translation>Choose the districts of the campaign</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1459"/>
        <source>报送期限过多（最多 {limit} 个）</source>
        <translation>Too many report deadlines (at most {limit})</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1460"/>
        <source>专项行动的状态无效：{status}</source>
        <translation>Invalid campaign status: {status}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1461"/>
        <source>{what}的日期 {day} 不在合理的年份内</source>
        <translation>The date of {what}, {day}, is not in a plausible year</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1462"/>
        <source>{what}不是有效的日期：{text}（请写作 2026-06-20）</source>
        <translation>{what} is not a valid date: {text} (write it as 2026-06-20)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1463"/>
        <source>{what}应为整数：{text}</source>
        <translation>{what} must be a whole number: {text}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1464"/>
        <source>第 {n} 个阶段没有名称</source>
        <translation>Phase {n} has no name</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1465"/>
        <source>阶段“{name}”重复</source>
        <translation>Phase “{name}” appears twice</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1466"/>
        <source>阶段“{name}”的结束日期 {end} 早于开始日期 {start}</source>
        <translation>Phase “{name}” ends ({end}) before it starts ({start})</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1467"/>
        <source>阶段“{name}”的开始日期 {start} 早于上一阶段“{previous}”的结束日期 {end}</source>
        <translation>Phase “{name}” starts ({start}) before the previous phase “{previous}” ends ({end})</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1470"/>
        <source>不认识的机构类型：{code}</source>
        <translation>Unknown institution type: {code}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1471"/>
        <source>不认识的区县：{district}（已知：{known}）</source>
        <translation>Unknown district: {district} (known: {known})</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1472"/>
        <source>没有这个专项清单包：{pack}</source>
        <translation>No such focus pack: {pack}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1473"/>
        <source>不认识的报送表式：{form}</source>
        <translation>Unknown report form: {form}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1474"/>
        <source>{title}的报送期限 {due} 早于专项行动开始的日期 {start}</source>
        <translation>The {title} deadline {due} is before the campaign starts ({start})</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1475"/>
        <source>{title} {due} 重复</source>
        <translation>{title} {due} appears twice</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1476"/>
        <source>回头看的间隔应为 1 至 24 个月</source>
        <translation>The follow-ups must be 1 to 24 months apart</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1477"/>
        <source>回头看的次数应为 1 至 {limit} 次</source>
        <translation>There must be 1 to {limit} follow-ups</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1478"/>
        <source>第一次回头看 {first} 早于专项行动开始的日期 {start}</source>
        <translation>The first follow-up ({first}) is before the campaign starts ({start})</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1479"/>
        <source>专项行动的数据格式无效：{problem}</source>
        <translation>The campaign&apos;s data is malformed: {problem}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1480"/>
        <source>本机没有这个专项行动：{id}（专项行动由局端制定，sync pull 后可见）</source>
        <translation>No such campaign on this laptop: {id} (campaigns are made at the office and arrive with sync pull)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1483"/>
        <source>专项行动“{name}”已结束，不能再归入新的检查</source>
        <translation>Campaign “{name}” is closed: new inspections cannot be part of it</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1484"/>
        <source>机构类型 {type} 不在专项行动“{name}”的范围内</source>
        <translation>Institution type {type} is outside the scope of campaign “{name}”</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1485"/>
        <source>区县 {district} 不在专项行动“{name}”的范围内</source>
        <translation>District {district} is outside the scope of campaign “{name}”</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1486"/>
        <source>专项行动发布包的格式无效：{problem}</source>
        <translation>The campaign package is malformed: {problem}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1487"/>
        <source>没有这个专项行动：{id}</source>
        <translation>No such campaign: {id}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1488"/>
        <source>编号 {id} 对应多个专项行动，请写全</source>
        <translation>{id} matches several campaigns: give the whole id</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1489"/>
        <source>已有同名的进行中专项行动：{name}</source>
        <translation>An active campaign of this name exists: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1490"/>
        <source>专项行动“{name}”已经结束</source>
        <translation>Campaign “{name}” is already closed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1491"/>
        <source>服务未配置本局签名密钥，无法发布到笔记本：请以 server --p12 密钥文件 --passphrase-file 口令文件 启动服务</source>
        <translation>The service has no office signing key and cannot publish to laptops: start it with server --p12 KEY_FILE --passphrase-file PASSPHRASE_FILE</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1495"/>
        <source>本局签名证书不在有效期内（{start} 至 {end}）</source>
        <translation>The office&apos;s signing certificate is not valid today ({start} to {end})</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1496"/>
        <source>无法读取本局签名密钥文件：{problem}</source>
        <translation>Cannot read the office&apos;s signing key file: {problem}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1498"/>
        <source>{what}应为整数：{value}</source>
        <translation>{what} must be a whole number: {value}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1499"/>
        <source>局端尚未发布机构名录（server publish registry）</source>
        <translation>The office has not published the institution registry yet (server publish registry)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1500"/>
        <source>局端尚未发布检查人员名录（server publish roster）</source>
        <translation>The office has not published the inspector roster yet (server publish roster)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1501"/>
        <source>办理时限至少 1 个工作日</source>
        <translation>The time limit is at least 1 working day</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1502"/>
        <source>请指定承办的检查人员（执法证号，组长在前）</source>
        <translation>Name the inspectors who handle it (enforcement certificate numbers, the leader first)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1503"/>
        <source>{name} 有 {count} 行无法导入，未交办任何线索：{rows}</source>
        <translation>{name} has {count} rows that cannot be imported; no lead was assigned: {rows}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1504"/>
        <source>局端没有编号为 {draw_id} 的抽查</source>
        <translation>The office has no draw numbered {draw_id}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1505"/>
        <source>检查人员名录中没有执法证号 {cert_no}</source>
        <translation>The roster has no inspector with certificate number {cert_no}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1506"/>
        <source>没有待交办的线索 {number}</source>
        <translation>No lead {number} waits to be assigned</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1507"/>
        <source>没有编号为 {assignment} 的未撤回任务</source>
        <translation>No assignment {assignment} that is not withdrawn</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1508"/>
        <source>下发的任务包不是发给本机的，未安装</source>
        <translation>The assignments package is not for this laptop; nothing was installed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1509"/>
        <source>下发的抽查记录与其公开输入不符，未安装</source>
        <translation>The draw in the assignments package does not match its published inputs; nothing was installed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1510"/>
        <source>下发的任务包的签名者不在本机信任列表中（不是本局签发的），未安装</source>
        <translation>The signer of the assignments package is not on this laptop&apos;s trust list (not issued by the bureau); nothing was installed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1513"/>
        <source>下发的任务包格式无效，未安装</source>
        <translation>The assignments package is not valid; nothing was installed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1514"/>
        <source>服务器下发的任务包无法读取</source>
        <translation>The assignments package from the server cannot be read</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1515"/>
        <source>下发的任务包签名无效，未安装：{problem}</source>
        <translation>The assignments package&apos;s signature is not valid; nothing was installed: {problem}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1517"/>
        <source>请给出{what}（YYYY-MM-DD）</source>
        <translation>Give the {what} (YYYY-MM-DD)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1518"/>
        <source>{what}“{text}”应写成 YYYY-MM-DD</source>
        <translation>The {what} “{text}” should be written YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1519"/>
        <source>本用户只能查看{area}的情况报告，不能查看{district}的</source>
        <translation>This user may see the situation report of {area} only, not that of {district}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1520"/>
        <source>不知道报告的发文单位：请发布执法主体（server publish bureaus），或在服务器上设置 {env}，或用 --bureau 指定</source>
        <translation>The report&apos;s issuing unit is unknown: publish the bureaus (server publish bureaus), set {env} on the server, or name it with --bureau</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1526"/>
        <source>交接包缺少案件文书 {title} 的文件：{name}</source>
        <translation>The bundle lacks the file of the case document {title}: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1527"/>
        <source>交接包中案件文书 {title} 的文件不是该文书保存时的文件（SHA-256 不符，文件被替换或改动）：{name}</source>
        <translation>The file of the case document {title} in the bundle is not the file kept with it (its SHA-256 differs: the file was replaced or changed): {name}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1531"/>
        <source>案件文书 {document}（{title}）已有签名，交接包中它的版本不是本机版本之后的签名版本（{why}）：已拒绝导入，本机数据未改变</source>
        <translation>Case document {document} ({title}) is signed here; the bundle&apos;s version of it is not its next signed version ({why}): import refused, nothing on this laptop changed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1535"/>
        <source>交接包中的{what} {id} 与给它盖章的操作（设备 {device} 第 {seq} 条）不符（{why}）：已拒绝导入，本机数据未改变</source>
        <translation>The {what} {id} in the bundle does not match the change that stamped it (device {device}, entry {seq}) ({why}): import refused, nothing on this laptop changed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1539"/>
        <source>推送中的{what} {id} 与给它盖章的操作（设备 {device} 第 {seq} 条）不符（{why}）：已拒绝，服务器数据未改变</source>
        <translation>The {what} {id} in the push does not match the change that stamped it (device {device}, entry {seq}) ({why}): refused, nothing on the server changed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1543"/>
        <source>案件文书 {document}（{title}）在服务器上已有签名，推送中它的版本不是其后的签名版本（{why}）：已拒绝，服务器数据未改变</source>
        <translation>Case document {document} ({title}) is signed on the server; the push&apos;s version of it is not its next signed version ({why}): refused, nothing on the server changed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1548"/>
        <source>案件步骤</source>
        <translation>case step</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1549"/>
        <source>案件处理措施</source>
        <translation>case measure</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1550"/>
        <source>案件缴款</source>
        <translation>case payment</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1552"/>
        <source>没有改动标记</source>
        <translation>it carries no change stamp</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1553"/>
        <source>操作记录中没有给它盖章的那一条</source>
        <translation>the action log has no entry that stamped it</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1554"/>
        <source>与给它盖章的操作所存的状态不符，被改过</source>
        <translation>it differs from the state the change that stamped it recorded: it was altered</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1555"/>
        <source>给它盖章的操作记的是另一条数据</source>
        <translation>the change that stamped it is about another row</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1556"/>
        <source>文书的内容变了</source>
        <translation>the document&apos;s content changed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1557"/>
        <source>签名不是在已有签名之后增加的</source>
        <translation>its signatures do not continue the ones already made</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1558"/>
        <source>文书文件被替换</source>
        <translation>the document&apos;s file was replaced</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1560"/>
        <source>文件验证未通过，不能归档：{reasons}</source>
        <translation>The file failed verification and cannot be archived: {reasons}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1561"/>
        <source>签名者证书不能追溯到医保局 CA（信任列表），不能归档</source>
        <translation>A signer&apos;s certificate does not chain to the bureau&apos;s CA (the trust list); the file cannot be archived</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1562"/>
        <source>签名者证书不能追溯到医保局 CA（信任列表），不能归档：{error}</source>
        <translation>A signer&apos;s certificate does not chain to the bureau&apos;s CA (the trust list); the file cannot be archived: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1563"/>
        <source>证书验证失败（已吊销、已过期或取不到吊销信息），不能归档：{error}</source>
        <translation>Certificate validation failed (revoked, expired or no revocation information available); the file cannot be archived: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1566"/>
        <source>无法连接时间戳服务或吊销信息服务（{url}）：{error}</source>
        <translation>Cannot reach the time-stamping or revocation service ({url}): {error}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1567"/>
        <source>归档失败：{error}</source>
        <translation>Archiving failed: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1568"/>
        <source>内部错误：归档后原文件内容不再是新文件的开头</source>
        <translation>Internal error: after archiving, the original file is no longer the beginning of the new file</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1569"/>
        <source>文件已经归档（有文档时间戳）：请用年度续签时间戳延续</source>
        <translation>The file is already archived (it has document timestamps): extend it with the yearly re-timestamp</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1570"/>
        <source>文件还没有归档（没有文档时间戳）：请先归档</source>
        <translation>The file is not archived yet (no document timestamp): archive it first</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1571"/>
        <source>无法读取 PDF（文件可能不完整或已损坏）：{error}</source>
        <translation>Cannot read the PDF (the file may be incomplete or damaged): {error}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1572"/>
        <source>验证时间“{text}”应写成 YYYY-MM-DD 或 YYYY-MM-DDTHH:MM</source>
        <translation>The validation time “{text}” should be written YYYY-MM-DD or YYYY-MM-DDTHH:MM</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1573"/>
        <source>无法读取归档用的 CA 证书文件 {path}：{error}</source>
        <translation>Cannot read the CA certificate file for archiving {path}: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1574"/>
        <source>配置了时间戳服务，但没有给出医保局 CA 证书（--archive-roots）</source>
        <translation>A time-stamping service is configured but no bureau CA certificate is given (--archive-roots)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1575"/>
        <source>没有配置时间戳服务（--tsa-url 或 {env}），不能归档</source>
        <translation>No time-stamping service is configured (--tsa-url or {env}); cannot archive</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1576"/>
        <source>没有配置时间戳服务（--tsa-url 或 {env}），不能续签时间戳</source>
        <translation>No time-stamping service is configured (--tsa-url or {env}); cannot re-timestamp</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1577"/>
        <source>天数应大于 0</source>
        <translation>The number of days must be greater than 0</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1578"/>
        <source>这份记录还没有归档版本：{id}</source>
        <translation>This record has no archived version yet: {id}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1579"/>
        <source>请填写已推送线索的编号，或粘贴线索文件的内容，二者选一</source>
        <translation>Give the numbers of pushed leads or paste the lead file, not both</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1581"/>
        <source>{name}（{district}）不在专项行动“{campaign}”的范围内</source>
        <translation>{name} ({district}) is outside the scope of the campaign “{campaign}”</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1582"/>
        <source>只能标记本区县（{district}）的专项行动</source>
        <translation>You can mark only campaigns of your own district ({district})</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1583"/>
        <source>专项行动“{name}”没有 {due} 到期的{title}</source>
        <translation>The campaign “{name}” has no {title} due on {due}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1584"/>
        <source>{title}（{due}）已于 {on} 标记为已报送</source>
        <translation>{title} ({due}) was already marked submitted on {on}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1585"/>
        <source>专项行动“{name}”已结束，不能在其中抽查</source>
        <translation>The campaign “{name}” is closed: no draw can be made within it</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1586"/>
        <source>下发的任务无法安装（{problem}），未安装</source>
        <translation>An assignment cannot be installed ({problem}); nothing was installed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1587"/>
        <source>报送日期 {on} 晚于今日 {today}</source>
        <translation>The day handed in, {on}, is after today ({today})</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1590"/>
        <source>文书编号至少 4 个字符：{id}</source>
        <translation>A document number needs at least 4 characters: {id}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1591"/>
        <source>文书编号 {id} 不唯一，请多写几位</source>
        <translation>Document number {id} is ambiguous; give more characters</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1593"/>
        <source>完成日期 {on} 晚于今日 {today}</source>
        <translation>The completion date {on} is after today, {today}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1594"/>
        <source>专项行动“{name}”没有 {due} 的回头看</source>
        <translation>The campaign “{name}” has no follow-up review on {due}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1595"/>
        <source>回头看（{due}）已于 {on} 标记为已完成</source>
        <translation>The follow-up review ({due}) was already marked done on {on}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1597"/>
        <source>专项行动“{name}”不涉及{district}</source>
        <translation>The campaign “{name}” does not cover {district}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1598"/>
        <source>报告期不在专项行动“{name}”的期间（{start} 至 {end}）内</source>
        <translation>The report period is outside the campaign “{name}” ({start} to {end})</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1599"/>
        <source>专项行动“{name}”不涉及机构类型 {type}</source>
        <translation>The campaign “{name}” does not cover the institution type {type}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1600"/>
        <source>{due} 之前专项行动“{name}”还没有结束的季度</source>
        <translation>No quarter of the campaign “{name}” has ended by {due}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1601"/>
        <source>{due} 之前专项行动“{name}”还没有开始</source>
        <translation>The campaign “{name}” has not started by {due}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1602"/>
        <source>不认识的报告表式：{form}</source>
        <translation>Unknown report form: {form}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="866"/>
        <source>文号模板用到 {{区简称}}：请填写 {name} 的简称</source>
        <translation>The number template uses {{区简称}}: enter the short name of {name}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="867"/>
        <source>执法主体名称重复</source>
        <translation>Two issuing authorities have the same name</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="868"/>
        <source>执法主体名单格式无效</source>
        <translation>The list of issuing authorities is not valid</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="869"/>
        <source>本机没有设置执法主体“{name}”：请先用 bureau set 设置（或由中心下发）</source>
        <translation>This laptop has no issuing authority &quot;{name}&quot;: set it first with bureau set (or have the central service send it)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="872"/>
        <source>本机设置了多个执法主体：请指定本次检查以哪个医疗保障局的名义进行（交叉检查为组织检查的医疗保障局）</source>
        <translation>This laptop serves several issuing authorities: choose the bureau this inspection is carried out for (in a cross-district check, the bureau that organizes it)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="879"/>
        <source>条目 {item_code} 已填写涉及金额，不能同时标记“不涉及金额”</source>
        <translation>Item {item_code} has an amount: it cannot also be marked “no amount involved”</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="880"/>
        <source>被检查对象是个人：请填写身份证号，而不是统一社会信用代码</source>
        <translation>A person is inspected: enter the ID card number, not a unified social credit code</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="881"/>
        <source>被检查对象是单位：请填写统一社会信用代码，而不是身份证号</source>
        <translation>An organisation is inspected: enter its unified social credit code, not an ID card number</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="882"/>
        <source>检查记录尚缺法律要求的内容（《行政处罚法》第四十二条、《医疗保障基金使用监督管理条例》第二十九条）：{missing}</source>
        <translation>The record lacks what the law requires (Administrative Penalty Law art. 42; Regulations on the Supervision of the Use of Medical Security Funds art. 29): {missing}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="886"/>
        <source>{name} 已回避，不能作为本次检查的执法人员</source>
        <translation>{name} has withdrawn (recusal) and cannot act as an enforcement officer of this inspection</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="887"/>
        <source>请写明由哪位执法人员告知（执法证号）</source>
        <translation>Say which enforcement officer gave the notice (enforcement ID)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="888"/>
        <source>告知事项“{notice}”无效，可选：recusal、duty、opinion</source>
        <translation>No notice “{notice}”: choose recusal, duty or opinion</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="889"/>
        <source>请填写检查人员姓名和执法证号</source>
        <translation>Enter the inspector’s name and enforcement ID</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="890"/>
        <source>请填写回避的理由</source>
        <translation>Enter the reason for the recusal</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="891"/>
        <source>只有暗访需要记录亮明身份的时间</source>
        <translation>Only a covert visit records when the team disclosed itself</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="892"/>
        <source>组长不能回避：请先更换组长</source>
        <translation>The leader cannot withdraw: choose another leader first</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="894"/>
        <source>登记请求没有由所登记的设备密钥签名，已拒绝</source>
        <translation>The enrollment request was not signed by the device key it enrolls: refused</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="895"/>
        <source>此设备密钥已于 {at} 被管理员吊销，不能再次登记；请联系管理员</source>
        <translation>This device key was revoked by the administrator on {at} and cannot be enrolled again; please contact the administrator</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="898"/>
        <source>文件库 {store} 已属于另一个数据库（标记 {held}），不能用于这个数据库；同一数据库的所有服务器须共用同一个文件库目录（见 docs/deployment.md）</source>
        <translation>The file store {store} belongs to another database (marker {held}) and cannot be used with this one; all servers of one database must share one file store directory (see docs/deployment.md)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="903"/>
        <source>文件库 {store} 中没有这个数据库的文件库标记（{recorded}）：它不是这个数据库的文件库；同一数据库的所有服务器须共用同一个文件库目录，例如网络文件系统上的同一目录（见 docs/deployment.md）</source>
        <translation>The file store {store} does not hold this database&apos;s store marker ({recorded}): it is not this database&apos;s file store; all servers of one database must share one file store directory, e.g. the same directory on a network file system (see docs/deployment.md)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="909"/>
        <source>文件库 {store} 的标记 {held} 不是这个数据库的文件库标记 {recorded}：它是另一个数据库的文件库；同一数据库的所有服务器须共用同一个文件库目录（见 docs/deployment.md）</source>
        <translation>The file store {store} has the marker {held}, not this database&apos;s store marker {recorded}: it is another database&apos;s file store; all servers of one database must share one file store directory (see docs/deployment.md)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="916"/>
        <source>翻页位置无效：{after}</source>
        <translation>Invalid page position: {after}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="918"/>
        <source>文件库缺少数据库记录的 {count} 个文件（共 {named} 个），例如 {example}</source>
        <translation>The file store lacks {count} of the {named} files the database names, e.g. {example}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="922"/>
        <source>{year} 年节假日安排中的日期 {day} 不在该年</source>
        <translation>The date {day} in the holiday notice for {year} is not in that year</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="923"/>
        <source>{day} 不能既是假日又是调休上班日</source>
        <translation>{day} cannot be both a holiday and a make-up working day</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="925"/>
        <source>推送带有设备 {device} 的第 {seq} 条操作记录，但没有该设备登记的签名者签署、覆盖这条记录的记录链头：不能证明这些记录出自那台设备，已拒绝，服务器数据未改变</source>
        <translation>The push carries entry {seq} of device {device}&apos;s action log without a log head signed by a signer that device enrolled and reaching that entry: nothing proves these entries come from that device. Refused; nothing on the server changed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="932"/>
        <source>规则包</source>
        <translation>rule pack</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="933"/>
        <source>知识库文件</source>
        <translation>knowledge file</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="934"/>
        <source>{file} 不是规则包（format: inspector-rules/1）或知识库文件（format: inspector-knowledge/1）</source>
        <translation>{file} is neither a rule pack (format: inspector-rules/1) nor a knowledge file (format: inspector-knowledge/1)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="939"/>
        <source>{what} {file}：内容应为键值对象（format、id、version…）</source>
        <translation>{what} {file}: the content must be a mapping (format, id, version…)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="940"/>
        <source>{what} {file}：版本 {version} 不高于已有版本 {installed}，未安装</source>
        <translation>{what} {file}: version {version} is not newer than the installed {installed}; not installed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="943"/>
        <source>{what} {file} 无法读取：{error}</source>
        <translation>{what} {file} cannot be read: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="944"/>
        <source>{what} {file} 不是 UTF-8 编码的文本</source>
        <translation>{what} {file} is not UTF-8 text</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="945"/>
        <source>{what} {file}：YAML 语法错误：{problem}</source>
        <translation>{what} {file}: YAML syntax error: {problem}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="946"/>
        <source>{what} {file} 有错误：
  {details}</source>
        <translation>{what} {file} has errors:
  {details}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="947"/>
        <source>规则包 {file}：规则代码 {code} 重复（已在规则包 {owner} 中定义）</source>
        <translation>Rule pack {file}: rule code {code} is used twice (already defined in rule pack {owner})</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="950"/>
        <source>不认识的知识库类别：{kind}（可选：{kinds}）</source>
        <translation>Unknown knowledge list: {kind} (choose from: {kinds})</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="951"/>
        <source>{name} 有 {n} 行无法导入，未生成知识库文件：
  {rows}</source>
        <translation>{name} has {n} rows that cannot be imported; no knowledge file was made:
  {rows}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="952"/>
        <source>{name} 中没有{what}</source>
        <translation>{name} has no {what}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="953"/>
        <source>限性别项目</source>
        <translation>gender-limited items</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="954"/>
        <source>限年龄项目</source>
        <translation>age-limited items</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="955"/>
        <source>限频次项目</source>
        <translation>frequency-limited items</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="956"/>
        <source>限收费次数项目</source>
        <translation>items chargeable once per period</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="957"/>
        <source>互斥项目</source>
        <translation>mutually exclusive items</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="958"/>
        <source>限医疗机构级别项目</source>
        <translation>items limited by institution level</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="959"/>
        <source>目录限价</source>
        <translation>catalogue price limits</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="960"/>
        <source>药品用量</source>
        <translation>drug doses</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="961"/>
        <source>基本费用项目（床位、护理、伙食）</source>
        <translation>basic charge items (bed, nursing, meals)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="962"/>
        <source>知识库文件的标识有误：{problem}</source>
        <translation>The knowledge file&apos;s identification is wrong: {problem}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="963"/>
        <source>进销存规则需要购进和销售（发药）两份记录</source>
        <translation>The purchase-sales-stock rule needs both the purchase and the sales (dispensing) records</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="964"/>
        <source>本次检查还没有导入结算明细，无法运行规则</source>
        <translation>No settlement detail has been imported for this inspection; the rules cannot run</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="965"/>
        <source>进销存规则需要核对期间（起止日期）</source>
        <translation>The purchase-sales-stock rule needs the period (from and to dates)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="967"/>
        <source>{name}{where} 第 {row} 行的表头缺少费用明细必需的列：{wanted}</source>
        <translation>{name}{where}: the header in row {row} lacks columns the settlement detail needs: {wanted}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="968"/>
        <source>{name}{where} 的前 {rows} 行中找不到费用明细的表头，需要这些列：{wanted}</source>
        <translation>{name}{where}: no settlement detail header in the first {rows} rows; these columns are needed: {wanted}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="971"/>
        <source>{name} 第 {row} 行的表头缺少出生日期或年龄（限年龄、限儿童的规则需要其一）</source>
        <translation>{name}: the header in row {row} has neither a date of birth nor an age column (the age and child rules need one)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="975"/>
        <source>{name} 第 {row} 行不是有效的 CSV（{error}）：单元格过大或引号不成对</source>
        <translation>{name}: row {row} is not valid CSV ({error}): a cell is too large or a quote is not closed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="978"/>
        <source>写入的明细读回时行数不符（写入 {written} 行，读回 {read} 行），未保存</source>
        <translation>The detail read back does not match what was written ({written} rows written, {read} read back); nothing was saved</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="981"/>
        <source>费用明细文件与检查不符（可能被替换），请删除后重新导入</source>
        <translation>The settlement detail file does not belong to this inspection (it may have been replaced); delete it and import again</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="982"/>
        <source>费用明细文件与导入时不符（已损坏或被替换），请删除后重新导入</source>
        <translation>The settlement detail file is not the one imported (damaged or replaced); delete it and import again</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="983"/>
        <source>该检查还没有导入费用明细（detail import）</source>
        <translation>No settlement detail has been imported for this inspection (detail import)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="984"/>
        <source>费用明细的说明文件已损坏：{path}</source>
        <translation>The settlement detail&apos;s description file is damaged: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="985"/>
        <source>费用明细文件缺失，请重新导入</source>
        <translation>The settlement detail file is missing; import it again</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="986"/>
        <source>费用明细文件已损坏（列数不符）</source>
        <translation>The settlement detail file is damaged (wrong number of columns)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1401"/>
        <source>“{text}”不是药品追溯码：{reason}</source>
        <translation>“{text}” is not a drug traceability code: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1402"/>
        <source>空白</source>
        <translation>blank</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1403"/>
        <source>这是商品条码（69 开头 13 位），不是药品追溯码</source>
        <translation>this is a product barcode (13 digits starting with 69), not a drug traceability code</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1404"/>
        <source>两个追溯码连在一起（40 位）：请逐个扫描</source>
        <translation>two codes run together (40 digits): scan them one at a time</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1405"/>
        <source>位数不对：{n} 位，药品追溯码为 20 位数字</source>
        <translation>wrong length: {n} digits; a drug traceability code has 20 digits</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1406"/>
        <source>含有数字以外的字符，药品追溯码为 20 位数字</source>
        <translation>contains characters other than digits; a drug traceability code has 20 digits</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1407"/>
        <source>{name} 超过 {limit} 行，不像是购进记录</source>
        <translation>{name} has more than {limit} rows: it does not look like purchase records</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1408"/>
        <source>{name} 的追溯码超过 {limit} 个</source>
        <translation>{name} has more than {limit} traceability codes</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1409"/>
        <source>{name} 中没有追溯码</source>
        <translation>{name} holds no traceability code</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1410"/>
        <source>{name} 已经导入过（内容相同）</source>
        <translation>{name} was already imported (same content)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1411"/>
        <source>一次最多记录 {limit} 个追溯码</source>
        <translation>At most {limit} codes can be recorded at once</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1412"/>
        <source>本次检查还没有扫描追溯码</source>
        <translation>No traceability code has been scanned for this inspection yet</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="1413"/>
        <source>扫码记录未能存为证据：{error}</source>
        <translation>The scan log could not be stored as evidence: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="489"/>
        <source>请选择保留本机版本（local）或交接包版本（incoming）</source>
        <translation>Choose to keep this laptop&apos;s version (local) or the bundle&apos;s (incoming)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="490"/>
        <source>交接包中的删除记录指向未知的数据表：{table}</source>
        <translation>A deletion in the bundle names an unknown table: {table}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="491"/>
        <source>{where}接不上本机的记录（本机到第 {seq} 条）：请先导入此前的交接包</source>
        <translation>{where} does not follow on from this laptop&apos;s (which ends at entry {seq}): import the earlier bundles first</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="494"/>
        <source>这项冲突已经处理过了</source>
        <translation>This conflict was settled already</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="495"/>
        <source>这是增量交接包，本机缺少它所依赖的证据文件 {sha256}{suffix}：请先导入此前的交接包</source>
        <translation>This is an incremental bundle and this laptop lacks an evidence file it builds on, {sha256}{suffix}: import the earlier bundles first</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="499"/>
        <source>{where}与本机的不同（记录链分叉）：已拒绝导入，本机数据未改变</source>
        <translation>{where} differs from this laptop&apos;s (the chain forks): the import was refused and nothing here changed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="500"/>
        <source>交接包中的{what}引用了本机没有的数据（{parent}）：请先导入此前的交接包</source>
        <translation>The bundle&apos;s {what} refer to data this laptop lacks ({parent}): import the earlier bundles first</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="503"/>
        <source>导入后设备 {device} 的操作记录链校验未通过：{problem}；已拒绝导入</source>
        <translation>After the import the action log of device {device} would not verify: {problem}; the import was refused</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="506"/>
        <source>导入后检查 {inspection} 的证据保管链校验未通过：{problem}；已拒绝导入</source>
        <translation>After the import the chain of custody of inspection {inspection} would not verify: {problem}; the import was refused</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="509"/>
        <source>只有检查组长可以处理交接冲突</source>
        <translation>Only the team leader can settle a hand-over conflict</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="510"/>
        <source>检查 {inspection} 在交接包中已签字，本机却有它签字时没有的{what}：已拒绝导入，本机数据未改变</source>
        <translation>Inspection {inspection} is signed in the bundle, but this laptop holds {what} its signed version lacks: the import was refused and nothing here changed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="514"/>
        <source>交接包缺少设备 {device} 的操作记录（数据改动到第 {seq} 条，操作记录只到第 {logged} 条）</source>
        <translation>The bundle lacks the action log of device {device} (its data were changed up to entry {seq}, its log goes to entry {logged})</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="99"/>
        <location filename="../../ui/core_messages.py" line="169"/>
        <source>请填写执法证号</source>
        <translation>Enter the enforcement certificate number</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="19"/>
        <source>检查人员应写成“姓名:执法证号[:所属区县]”，而不是“{text}”</source>
        <translation>An inspector is written as “name:certificate number[:own district]”, not “{text}”</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="20"/>
        <source>检查人员应写成“姓名:执法证号”，而不是“{text}”</source>
        <translation>An inspector is written as “name:certificate number”, not “{text}”</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="22"/>
        <source>口令至少 {count} 个字符</source>
        <translation>The passphrase must have at least {count} characters</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="23"/>
        <source>恢复公钥必须是至少 2048 位的 RSA 公钥</source>
        <translation>The recovery public key must be an RSA key of at least 2048 bits</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="24"/>
        <source>本机没有可用的系统钥匙串</source>
        <translation>No system keyring is available on this computer</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="25"/>
        <source>密钥不符</source>
        <translation>The key does not match</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="26"/>
        <source>执法证号 {holder} 在本数据目录没有口令；请由已登记的检查人员添加。</source>
        <translation>Enforcement ID {holder} has no passphrase for this data directory; an enrolled inspector must add it.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="29"/>
        <source>执法证号 {holder} 未在系统钥匙串中保存本数据目录的密钥</source>
        <translation>Enforcement ID {holder} has not stored this data directory&apos;s key in the system keyring</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="30"/>
        <source>系统钥匙串中没有本数据目录的密钥（可能已被删除），请输入口令。</source>
        <translation>The system keyring holds no key for this data directory (it may have been deleted); please enter the passphrase.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="31"/>
        <source>恢复私钥必须是 RSA 私钥</source>
        <translation>The recovery private key must be an RSA private key</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="32"/>
        <source>本数据目录未用该恢复密钥登记（指纹 {fingerprint}）</source>
        <translation>This data directory is not enrolled with that recovery key (fingerprint {fingerprint})</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="33"/>
        <source>执法证号 {holder} 在本数据目录没有口令</source>
        <translation>Enforcement ID {holder} has no passphrase for this data directory</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="34"/>
        <source>不能删除唯一的口令：否则无人能打开本数据目录</source>
        <translation>The only passphrase cannot be removed: nobody could open this data directory</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="35"/>
        <source>无法读取恢复公钥：需要 PEM 格式的 RSA 公钥或证书</source>
        <translation>Cannot read the recovery public key: a PEM RSA public key or certificate is needed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="36"/>
        <source>本机没有可用的系统钥匙串（未安装 keyring）</source>
        <translation>No system keyring is available on this computer (keyring is not installed)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="37"/>
        <source>无法读取系统钥匙串：{error}</source>
        <translation>Cannot read the system keyring: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="38"/>
        <source>无法写入系统钥匙串：{error}</source>
        <translation>Cannot write to the system keyring: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="39"/>
        <source>数据目录没有密钥文件 {path}</source>
        <translation>The data directory has no key file {path}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="40"/>
        <source>口令不正确，数据目录未打开。</source>
        <translation>Wrong passphrase; the data directory was not opened.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="41"/>
        <source>系统钥匙串中的密钥与本数据目录不符，请输入口令。</source>
        <translation>The key in the system keyring does not match this data directory; please enter the passphrase.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="42"/>
        <source>无法读取恢复私钥（格式不对或口令不正确）</source>
        <translation>Cannot read the recovery private key (wrong format or passphrase)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="43"/>
        <source>本数据目录有多名检查人员的口令（{holders}）：请用 --as 执法证号 说明是谁</source>
        <translation>Several inspectors have a passphrase for this data directory ({holders}): say who with --as ENFORCEMENT-ID</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="46"/>
        <source>数据目录已经加密：{root}</source>
        <translation>The data directory is already encrypted: {root}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="47"/>
        <source>数据目录中已有数据：请用 home encrypt 加密它</source>
        <translation>The data directory already holds data: encrypt it with home encrypt</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="48"/>
        <source>数据目录中没有数据库：{root}</source>
        <translation>The data directory has no database: {root}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="49"/>
        <source>加密副本的数据与原数据不一致，已放弃加密；原数据目录未改动。</source>
        <translation>The encrypted copy&apos;s data differ from the original; encryption was abandoned and the original data directory is unchanged.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="50"/>
        <source>加密副本的证据文件校验失败，已放弃加密；原数据目录未改动。</source>
        <translation>An evidence file of the encrypted copy failed its check; encryption was abandoned and the original data directory is unchanged.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="51"/>
        <source>加密副本的记录文件校验失败，已放弃加密；原数据目录未改动。</source>
        <translation>A record file of the encrypted copy failed its check; encryption was abandoned and the original data directory is unchanged.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="52"/>
        <source>文件不是本数据目录的加密文件，或已损坏</source>
        <translation>The file is not an encrypted file of this data directory, or it is damaged</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="53"/>
        <source>加密文件被截断或已损坏</source>
        <translation>The encrypted file is truncated or damaged</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="54"/>
        <source>文件已损坏，或不属于本数据目录（密钥不符）</source>
        <translation>The file is damaged, or belongs to another data directory (the key does not match)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="55"/>
        <source>加密文件已损坏（校验失败）</source>
        <translation>The encrypted file is damaged (its check failed)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="56"/>
        <source>数据目录已锁定：请先解锁</source>
        <translation>The data directory is locked: unlock it first</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="57"/>
        <source>记录文件不在数据目录的 records 中：{name}</source>
        <translation>The record file is not under the data directory&apos;s records: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="58"/>
        <source>加密的数据目录中记录文件只能经由 RecordStore.write 写入</source>
        <translation>In an encrypted data directory record files are written through RecordStore.write only</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="59"/>
        <source>记录文件已被改动，未另存：{name}</source>
        <translation>The record file has been changed; no copy was saved: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="60"/>
        <source>记录文件缺失：{name}</source>
        <translation>The record file is missing: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="61"/>
        <source>无法读取记录文件 {name}：{error}</source>
        <translation>Cannot read the record file {name}: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="62"/>
        <source>数据库已加密，但密钥文件 {path} 缺失；请从备份恢复该文件。数据未被改动。</source>
        <translation>The database is encrypted but its key file {path} is missing; restore that file from a backup. Nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="65"/>
        <source>数据目录未加密，不能锁定</source>
        <translation>The data directory is not encrypted and cannot be locked</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="66"/>
        <source>数据目录已加密：请先登录（执法证号和口令）</source>
        <translation>The data directory is encrypted: sign in first (enforcement ID and passphrase)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="67"/>
        <source>数据目录未加密：可用 home encrypt 加密</source>
        <translation>The data directory is not encrypted: encrypt it with home encrypt</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="68"/>
        <source>密钥文件 {path} 已损坏，无法打开数据目录；请用局里的恢复密钥或备份恢复。数据未被改动。</source>
        <translation>The key file {path} is damaged and the data directory cannot be opened; recover with the bureau&apos;s recovery key or a backup. Nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="78"/>
        <source>检查组至少需要一名检查人员</source>
        <translation>The team needs at least one inspector</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="79"/>
        <source>该检查的状态为“{status}”，不能再修改。</source>
        <translation>This inspection is “{status}”: it can no longer be changed.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="80"/>
        <source>该检查的状态为“{status}”，不能再修改；如需修改，请先重新打开检查。</source>
        <translation>This inspection is “{status}”: it can no longer be changed; reopen the inspection first to change it.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="83"/>
        <source>本次检查的清单中没有参考目录 {list_code}</source>
        <translation>The checklist of this inspection has no reference list {list_code}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="84"/>
        <source>数量“{text}”不是数字</source>
        <translation>The quantity “{text}” is not a number</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="85"/>
        <source>条目 {item_code} 没有参考目录</source>
        <translation>Item {item_code} has no reference list</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="86"/>
        <source>参考目录 {list_code} 中没有序号 {entry_no}</source>
        <translation>The reference list {list_code} has no entry {entry_no}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="87"/>
        <source>回避：{names} 所属区县与被检查机构所在区县（{district}）相同；交叉检查中如确需参加，须说明理由</source>
        <translation>Recusal: {names} belong to the district inspected ({district}); in a cross-district check they may stay on the team only with a stated reason</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="172"/>
        <source>请填写单位（医保局名称）</source>
        <translation>Enter the organisation (the bureau&apos;s name)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="173"/>
        <source>RSA 密钥只有 {key_size} 位，至少需要 2048 位</source>
        <translation>The RSA key has only {key_size} bits; at least 2048 are needed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="174"/>
        <source>不支持的椭圆曲线 {name}：只支持 EC P-256（secp256r1）</source>
        <translation>Elliptic curve {name} is not supported: only EC P-256 (secp256r1)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="175"/>
        <source>不是证书文件（需要 PEM 或 DER 格式的 X.509 证书）</source>
        <translation>Not a certificate file (an X.509 certificate in PEM or DER is needed)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="176"/>
        <source>不是 PKCS#12 文件（.p12 / .pfx），或文件已损坏</source>
        <translation>Not a PKCS#12 file (.p12 / .pfx), or the file is damaged</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="177"/>
        <source>这个密钥已经在本机：{value}，编号 {key_id}</source>
        <translation>This key is already on this laptop: {value}, id {key_id}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="178"/>
        <source>密钥 {key_id} 没有证书请求（不是在本机生成的密钥）</source>
        <translation>Key {key_id} has no certificate request (it was not made on this laptop)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="179"/>
        <source>文件是空的：{path}</source>
        <translation>The file is empty: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="180"/>
        <source>密钥 {key_id} 不是在本机生成的，证书已在其 PKCS#12 文件中</source>
        <translation>Key {key_id} was not made here: its certificate is in its PKCS#12 file</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="181"/>
        <source>密钥 {key_id} 已有证书</source>
        <translation>Key {key_id} already has a certificate</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="182"/>
        <source>证书与密钥 {key_id} 不匹配：证书中的公钥不是这个密钥的（证书主题：{subject}）</source>
        <translation>The certificate does not match key {key_id}: its public key is not this key&apos;s (certificate subject: {subject})</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="185"/>
        <source>有效天数至少为 1</source>
        <translation>The number of days valid must be at least 1</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="186"/>
        <source>证书上的执法证号 {carried} 与生成密钥时的执法证号 {given} 不符：请医保局核对后重新签发</source>
        <translation>The certificate carries certificate number {carried}, but the key was made for {given}: ask the bureau to check and issue it again</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="190"/>
        <source>{label}太长（最多 {limit} 个字符）</source>
        <translation>{label} is too long (at most {limit} characters)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="191"/>
        <source>无法读取文件 {path}：{value}</source>
        <translation>The file {path} cannot be read: {value}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="192"/>
        <source>新生成的 RSA 密钥至少 3072 位</source>
        <translation>A new RSA key has at least 3072 bits</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="193"/>
        <source>密钥 {key_id}：{value}</source>
        <translation>Key {key_id}: {value}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="194"/>
        <source>口令不正确，无法打开密钥 {key_id}</source>
        <translation>Wrong passphrase: key {key_id} cannot be opened</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="195"/>
        <source>文档中没有名为“{name}”的签名域，请给出签名的位置</source>
        <translation>The document has no signature field named “{name}”: give the signature&apos;s position</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="196"/>
        <source>签名域“{name}”已经签过名</source>
        <translation>The signature field “{name}” is already signed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="197"/>
        <source>签名域“{name}”没有位置（不可见的签名域），无法显示签名</source>
        <translation>The signature field “{name}” has no position (an invisible field): the signature cannot be shown</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="198"/>
        <source>请给出签名域的名称</source>
        <translation>Give the name of the signature field</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="199"/>
        <source>不是 PDF 文件：{src}</source>
        <translation>Not a PDF file: {src}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="200"/>
        <source>不能签署加密的 PDF</source>
        <translation>An encrypted PDF cannot be signed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="201"/>
        <source>认证签名必须是文档的第一个签名</source>
        <translation>A certification signature must be the document&apos;s first signature</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="202"/>
        <source>文档已有认证签名：后续签名只能签在认证之前已有的空签名域上</source>
        <translation>The document has a certification signature: later signatures go only into empty fields made before it</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="203"/>
        <source>内部错误：签名后原文件内容不再是新文件的开头</source>
        <translation>Internal error: after signing, the original file is no longer the start of the new file</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="204"/>
        <source>文档中的“{name}”不是签名域</source>
        <translation>“{name}” in the document is not a signature field</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="205"/>
        <source>无法读取 {src}：{value}</source>
        <translation>{src} cannot be read: {value}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="206"/>
        <source>无法读取 PDF（文件可能不完整）：{src}：{error}</source>
        <translation>The PDF cannot be read (the file may be incomplete): {src}: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="207"/>
        <source>页码超出范围：文档共 {pages} 页</source>
        <translation>Page number out of range: the document has {pages} pages</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="208"/>
        <source>签名框太小：至少 {MIN_BOX:.0f} × {MIN_BOX:.0f} 点</source>
        <translation>The signature box is too small: at least {MIN_BOX:.0f} × {MIN_BOX:.0f} points</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="209"/>
        <source>文档中已有名为“{field_name}”的签名域</source>
        <translation>The document already has a signature field named “{field_name}”</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="210"/>
        <source>签名失败：{error}</source>
        <translation>Signing failed: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="211"/>
        <source>无法写入 {path}：{value}</source>
        <translation>{path} cannot be written: {value}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="212"/>
        <source>试用（自签名）证书不能加入信任列表：它不能证明签名者的身份</source>
        <translation>A trial (self-signed) certificate cannot go on the trust list: it does not prove who signed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="213"/>
        <source>{subject} 不是 CA 证书（没有 cA 基本约束）：信任列表只收医保局 CA 的证书，不收签名者本人的证书</source>
        <translation>{subject} is not a CA certificate (no cA basic constraint): the trust list takes the bureau CA&apos;s certificates, not a signer&apos;s own</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="217"/>
        <source>证书文件是空的：{path}</source>
        <translation>The certificate file is empty: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="218"/>
        <source>无法读取证书文件 {path}：{value}</source>
        <translation>The certificate file {path} cannot be read: {value}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="219"/>
        <source>{name}：{error}</source>
        <translation>{name}: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="220"/>
        <source>这些证书已经在信任列表中</source>
        <translation>These certificates are already on the trust list</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../ui/errors.py" line="83"/>
        <source>Inspector 出现内部错误</source>
        <translation>Inspector ran into an internal error</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="86"/>
        <source>技术细节已记入日志（不含姓名等个人信息）：%1</source>
        <translation>The technical details are in the log (without names or other personal data): %1</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="88"/>
        <source>本数据目录不保存日志。</source>
        <translation>This data directory keeps no log.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="92"/>
        <source>出现了一个程序错误（不是您的操作有误）。已保存的数据不受影响；正在进行的这一步可能没有完成。请点“复制详情”，把内容发给技术支持。</source>
        <translation>The program made an error (not you). What was saved is unaffected; the step in progress may not have finished. Click “Copy details” and send them to technical support.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="101"/>
        <source>复制详情</source>
        <translation>Copy details</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="103"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="105"/>
        <source>继续</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="121"/>
        <source>已复制</source>
        <translation>Copied</translation>
    </message>
</context>
<context>
    <name>CurrentInspectorDialog</name>
    <message>
        <location filename="../../ui/current_inspector.py" line="44"/>
        <location filename="../../ui/current_inspector.py" line="125"/>
        <source>当前检查人员</source>
        <translation>Current inspector</translation>
    </message>
    <message>
        <location filename="../../ui/current_inspector.py" line="49"/>
        <source>请选择在本机工作的检查人员。本机的每一项操作都以其名义记入操作记录。</source>
        <translation>Choose the inspector working on this laptop. Every action on this laptop is entered in the action log in their name.</translation>
    </message>
    <message>
        <location filename="../../ui/current_inspector.py" line="58"/>
        <source>新增检查人员…</source>
        <translation>New inspector…</translation>
    </message>
    <message>
        <location filename="../../ui/current_inspector.py" line="59"/>
        <source>检查人员</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <location filename="../../ui/current_inspector.py" line="61"/>
        <location filename="../../ui/current_inspector.py" line="64"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/current_inspector.py" line="63"/>
        <location filename="../../ui/current_inspector.py" line="65"/>
        <source>执法证号</source>
        <translation>Enforcement certificate no.</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <location filename="../../ui/case_dialogs.py" line="443"/>
        <source>制作案件文书</source>
        <translation>Make a case document</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="446"/>
        <source>本阶段的文书</source>
        <translation>The current stage&apos;s document</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="449"/>
        <source>文书</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="453"/>
        <source>当事人地址</source>
        <translation>Party&apos;s address</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="454"/>
        <source>统一社会信用代码或身份证号</source>
        <translation>Unified social credit code or ID number</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="455"/>
        <source>法定代表人（负责人）</source>
        <translation>Legal representative (person in charge)</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="456"/>
        <source>联系人及电话</source>
        <translation>Contact and telephone</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="457"/>
        <source>陈述申辩或听证地点</source>
        <translation>Place of the statement or hearing</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="458"/>
        <source>听证主持人</source>
        <translation>Hearing host</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="459"/>
        <source>主持人执法证号</source>
        <translation>Host&apos;s certificate no.</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="460"/>
        <source>听证记录员</source>
        <translation>Hearing clerk</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="461"/>
        <source>陈述申辩或听证意见的采纳情况</source>
        <translation>What of the statement or hearing was adopted</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="462"/>
        <source>罚没款缴入（收款单位及账号）</source>
        <translation>Fines paid to (payee and account)</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="463"/>
        <source>行政复议机关</source>
        <translation>Reconsideration body</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="464"/>
        <source>人民法院</source>
        <translation>People&apos;s court</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="465"/>
        <source>公告载体（公告送达）</source>
        <translation>Notice medium (service by public notice)</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="466"/>
        <source>邮件单号（邮寄送达）</source>
        <translation>Tracking no. (service by post)</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="472"/>
        <source>处罚依据（每行一条）</source>
        <translation>Legal basis of the penalty (one per line)</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="473"/>
        <source>违反的规定（每行一条）</source>
        <translation>Provisions violated (one per line)</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="479"/>
        <source>写明听证时间</source>
        <translation>State the hearing time</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="483"/>
        <source>留空的项目沿用本案上一份文书所填。</source>
        <translation>Fields left empty keep what the case&apos;s last document stated.</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="487"/>
        <source>预览…</source>
        <translation>Preview…</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="488"/>
        <source>制作前先看：不保存，不编号</source>
        <translation>See it before it is made: not kept, not numbered</translation>
    </message>
</context>
<context>
    <name>DrugListBox</name>
    <message>
        <location filename="../../ui/drug_list.py" line="48"/>
        <source>逐项填写核查的数量和情况（如库存、结算量不符），不填则视为未逐项核查。</source>
        <translation>Enter the count and what was found for each entry checked (e.g. stock and settled quantity differ); an empty row was not checked one by one.</translation>
    </message>
    <message>
        <location filename="../../ui/drug_list.py" line="55"/>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/drug_list.py" line="56"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/drug_list.py" line="57"/>
        <source>剂型</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../ui/drug_list.py" line="58"/>
        <source>数量</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../ui/drug_list.py" line="59"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/drug_list.py" line="60"/>
        <source>情况说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/drug_list.py" line="111"/>
        <source>参考目录：%1（逐项核查）</source>
        <translation>Reference list: %1 (checked entry by entry)</translation>
    </message>
</context>
<context>
    <name>DueBanner</name>
    <message>
        <location filename="../../ui/ledger_page.py" line="1086"/>
        <source>整改期限：%1 个问题 7 天内到期，其中 %2 个已逾期（最近：%3 %4，%5）&#x3000;</source>
        <translation>Rectification deadlines: %1 findings due within 7 days, %2 of them overdue (soonest: %3 %4, %5)&#x3000;</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="1094"/>
        <source>查看台账</source>
        <translation>Open the ledger</translation>
    </message>
</context>
<context>
    <name>EncryptDialog</name>
    <message>
        <location filename="../../ui/lock.py" line="300"/>
        <source>加密本机数据</source>
        <translation>Encrypt the data on this computer</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="311"/>
        <source>两次输入的口令不一致</source>
        <translation>The two passphrases differ</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="314"/>
        <source>请填写执法证号</source>
        <translation>Please enter the enforcement ID</translation>
    </message>
</context>
<context>
    <name>EnforcementDocumentDialog</name>
    <message>
        <location filename="../../ui/case_page.py" line="1236"/>
        <source>强制措施和移送文书</source>
        <translation>Document of a compulsory measure or referral</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="1258"/>
        <source>数字签名</source>
        <translation>Digital signature</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="1260"/>
        <source>签名人的密钥</source>
        <translation>Signer&apos;s key</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="1261"/>
        <source>口令</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="1265"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="1267"/>
        <source>另存为…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="1269"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="1308"/>
        <source>正在读取…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="1312"/>
        <source>%1 %2：已由执法证号 %3 数字签名。</source>
        <translation>%1 %2: digitally signed by enforcement certificate %3.</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="1321"/>
        <source>%1 由执法人员签署：本机没有其密钥（执法证号 %2），可在命令行签名。</source>
        <translation>%1 is signed by an officer: this laptop has none of their keys (enforcement certificates %2); it can be signed on the command line.</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="1329"/>
        <source>%1 由执法人员签署：请选择其密钥并输入口令。</source>
        <translation>%1 is signed by an officer: choose their key and enter its passphrase.</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="1358"/>
        <source>正在签名…</source>
        <translation>Signing…</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="1375"/>
        <source>另存为</source>
        <translation>Save as</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="1375"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../ui/errors.py" line="63"/>
        <source>内部错误：%1。详情已记入日志，并显示在错误报告窗口中。</source>
        <translation>Internal error: %1. The details are in the log and in the error report window.</translation>
    </message>
</context>
<context>
    <name>EvidencePicker</name>
    <message>
        <location filename="../../ui/claims_dialog.py" line="611"/>
        <source>关联证据 · %1</source>
        <translation>Link evidence · %1</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="637"/>
        <source>证据 %1  %2</source>
        <translation>Evidence %1  %2</translation>
    </message>
    <message>
        <location filename="../../ui/claims_dialog.py" line="648"/>
        <source>本次检查还没有证据：先在检查条目中拍照或添加文件。</source>
        <translation>This inspection has no evidence yet: take photos or add files on its items first.</translation>
    </message>
</context>
<context>
    <name>EvidenceStrip</name>
    <message numerus="yes">
        <location filename="../../ui/evidence/strip.py" line="91"/>
        <source>已添加 %n 个文件</source>
        <translation>
            <numerusform>%n file added</numerusform>
            <numerusform>%n files added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/evidence/strip.py" line="93"/>
        <source>%n 个已在此处，未重复添加</source>
        <translation>
            <numerusform>%n already here (not added again)</numerusform>
            <numerusform>%n already here (not added again)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/evidence/strip.py" line="95"/>
        <source>%n 个未保存</source>
        <translation>
            <numerusform>%n not saved</numerusform>
            <numerusform>%n not saved</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/evidence/strip.py" line="98"/>
        <source>%n 张照片的拍摄时间与检查时间相差较大</source>
        <translation>
            <numerusform>%n photo taken long before or after the inspection</numerusform>
            <numerusform>%n photos taken long before or after the inspection</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="101"/>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="104"/>
        <source>，</source>
        <comment>between the parts of a summary</comment>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="130"/>
        <source>证据</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="132"/>
        <source>添加人（本检查组成员）</source>
        <translation>Added by (a member of this inspection team)</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="133"/>
        <source>添加文件…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="135"/>
        <source>照片、扫描件（PDF、多页 TIFF）、手机照片（HEIC）、视频</source>
        <translation>Photos, scans (PDF, multi-page TIFF), phone photos (HEIC), videos</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="138"/>
        <source>添加文件夹…</source>
        <translation>Add folder…</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="139"/>
        <source>整个文件夹，如相机或手机存储卡的 DCIM 文件夹</source>
        <translation>A whole folder, such as the DCIM folder of a camera&apos;s or phone&apos;s memory card</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="141"/>
        <source>拍照…</source>
        <translation>Take photo…</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="147"/>
        <source>正在检测摄像头…</source>
        <translation>Looking for a camera…</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="149"/>
        <source>封存清单…</source>
        <translation>Sealing list…</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="168"/>
        <location filename="../../ui/evidence/strip.py" line="482"/>
        <source>可将照片、文件或文件夹拖到这里</source>
        <translation>Drag photos, files or folders here</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="174"/>
        <source>添加人：</source>
        <translation>Added by:</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="189"/>
        <location filename="../../ui/evidence/strip.py" line="219"/>
        <source>请先选择一次检查</source>
        <translation>Choose an inspection first</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="248"/>
        <source>条目 %1 的证据（%2）</source>
        <translation>Evidence for item %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="250"/>
        <source>本次检查的证据（%1）</source>
        <translation>Evidence for this inspection (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="256"/>
        <source>检查状态为“%1”，证据不能再添加或移除</source>
        <translation>The inspection is “%1”: evidence can no longer be added or removed</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="269"/>
        <location filename="../../ui/evidence/strip.py" line="297"/>
        <source>当前不能添加证据</source>
        <translation>Evidence cannot be added now</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="284"/>
        <source>正在导入证据…</source>
        <translation>Adding evidence…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/evidence/strip.py" line="330"/>
        <source>%n 张照片尚未保存（仍在内存中，下次拍照时再试）：</source>
        <translation>
            <numerusform>%n photo not saved yet (kept in memory, tried again with the next shot): </numerusform>
            <numerusform>%n photos not saved yet (kept in memory, tried again with the next shot): </numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="342"/>
        <source>移除证据</source>
        <translation>Remove evidence</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/evidence/strip.py" line="344"/>
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
        <location filename="../../ui/evidence/strip.py" line="365"/>
        <source>已移除</source>
        <translation>Removed</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="379"/>
        <source>选择证据文件</source>
        <translation>Choose evidence files</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="381"/>
        <source>照片和文件</source>
        <translation>Photos and files</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="384"/>
        <source>所有文件</source>
        <translation>All files</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="390"/>
        <source>选择文件夹（如存储卡的 DCIM）</source>
        <translation>Choose a folder (such as a memory card&apos;s DCIM)</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="465"/>
        <source>（未指定）</source>
        <translation>(not specified)</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="466"/>
        <source>%1（%2）</source>
        <comment>a team member: name (certificate number)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="503"/>
        <source>标注副本（原件未改动）</source>
        <translation>Annotated copy (the original is unchanged)</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="506"/>
        <source>注意：%1</source>
        <translation>Note: %1</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="524"/>
        <source>导入已取消；已导入的文件保留在本次检查中</source>
        <translation>Import cancelled; the files already added stay in this inspection</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="541"/>
        <source>查看…</source>
        <translation>View…</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/strip.py" line="542"/>
        <source>从本次检查中移除…</source>
        <translation>Remove from this inspection…</translation>
    </message>
</context>
<context>
    <name>EvidenceViewer</name>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="61"/>
        <source>证据</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="65"/>
        <source>（无预览）</source>
        <translation>(no preview)</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="72"/>
        <source>说明：拍的是什么、在哪里、为什么</source>
        <translation>Caption: what it shows, where, and why</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="74"/>
        <source>保存说明</source>
        <translation>Save caption</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="77"/>
        <source>保存关联</source>
        <translation>Save link</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="79"/>
        <source>标注…</source>
        <translation>Annotate…</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="80"/>
        <source>在副本上画箭头、圆圈、写文字；原件不变</source>
        <translation>Draw arrows and circles and write text on a copy; the original is unchanged</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="82"/>
        <source>移除…</source>
        <translation>Remove…</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="84"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="91"/>
        <source>说明</source>
        <translation>Caption</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="94"/>
        <source>关联的检查条目</source>
        <translation>Linked checklist item</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="135"/>
        <source>这件证据已不存在</source>
        <translation>This evidence no longer exists</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="139"/>
        <source>证据：%1</source>
        <translation>Evidence: %1</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="143"/>
        <source>PDF 文件</source>
        <translation>PDF file</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="144"/>
        <source>（%1，无图片预览）</source>
        <translation>(%1, no picture preview)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/evidence/viewer.py" line="148"/>
        <source>，%n 页</source>
        <translation>
            <numerusform>, %n page</numerusform>
            <numerusform>, %n pages</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="150"/>
        <source>文件名</source>
        <translation>File name</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="151"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="153"/>
        <source>拍摄时间</source>
        <translation>Taken</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="154"/>
        <source>%1（相机时钟）</source>
        <translation>%1 (camera clock)</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="157"/>
        <source>导入时间</source>
        <translation>Added</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="158"/>
        <source>%1（本机时钟）</source>
        <translation>%1 (this laptop&apos;s clock)</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="161"/>
        <source>位置</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="166"/>
        <source>设备</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="167"/>
        <source>导入人</source>
        <translation>Added by</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="172"/>
        <source>原件 SHA-256</source>
        <translation>Original&apos;s SHA-256</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="173"/>
        <source>标注自</source>
        <translation>Annotated from</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="176"/>
        <source>注意</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="184"/>
        <source>（不关联条目：整次检查的证据）</source>
        <translation>(no item: evidence for the whole inspection)</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="189"/>
        <source>【问题】%1</source>
        <comment>a checklist item with a problem</comment>
        <translation>[Problem] %1</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="195"/>
        <source>检查已结束或已签字：证据只能查看</source>
        <translation>The inspection is finished or signed: evidence can only be viewed</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="247"/>
        <source>保存说明失败：%1</source>
        <translation>Caption not saved: %1</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="243"/>
        <source>说明已保存</source>
        <translation>Caption saved</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="261"/>
        <source>保存关联失败：%1</source>
        <translation>Link not saved: %1</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="257"/>
        <source>关联已保存</source>
        <translation>Link saved</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="277"/>
        <source>移除证据</source>
        <translation>Remove evidence</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="278"/>
        <source>从本次检查中移除这件证据？保管记录会保留移除的记录。</source>
        <translation>Remove this evidence from the inspection? The custody log keeps a record of the removal.</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/viewer.py" line="289"/>
        <source>移除失败：%1</source>
        <translation>Not removed: %1</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../ui/home.py" line="260"/>
        <source>本机的检查</source>
        <translation>Inspections on this laptop</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="264"/>
        <source>新建检查</source>
        <translation>New inspection</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="280"/>
        <source>搜索机构名称…</source>
        <translation>Search institution…</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="283"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="290"/>
        <source>全部日期</source>
        <translation>Any date</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="291"/>
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="292"/>
        <source>最近 7 天</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="293"/>
        <source>最近 30 天</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="294"/>
        <source>最近一年</source>
        <translation>Last year</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="350"/>
        <source>全部区县</source>
        <translation>All districts</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="351"/>
        <source>全部方式</source>
        <translation>All modes</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/home.py" line="392"/>
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
        <location filename="../../ui/home.py" line="123"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="124"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="125"/>
        <source>被检查机构</source>
        <translation>Institution inspected</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="126"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="127"/>
        <source>区县</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="128"/>
        <source>方式</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="129"/>
        <source>进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="130"/>
        <source>问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="131"/>
        <source>涉及金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="218"/>
        <source>（更正记录）</source>
        <translation> (amendment)</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="220"/>
        <source>（已更正）</source>
        <translation> (amended)</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="226"/>
        <source>%1（检查组来自 %2）</source>
        <translation>%1 (team from %2)</translation>
    </message>
    <message>
        <location filename="../../ui/home.py" line="239"/>
        <source>本检查更正一份已签名的记录，原记录保持不变</source>
        <translation>This inspection corrects a signed record; the original stays as it was</translation>
    </message>
</context>
<context>
    <name>InstitutionPicker</name>
    <message>
        <location filename="../../ui/institution_picker.py" line="58"/>
        <source>输入机构名称、协议编号或区县查找</source>
        <translation>Type a name, agreement number or district</translation>
    </message>
    <message>
        <location filename="../../ui/institution_picker.py" line="124"/>
        <source>没有找到符合的机构，可直接在下方填写（将标记为不在名单中）</source>
        <translation>No matching institution: fill in the fields below (it will be marked as not in the registry)</translation>
    </message>
    <message>
        <location filename="../../ui/institution_picker.py" line="126"/>
        <source>机构名单为空：可从“机构名单 → 导入”导入医保局的定点机构名单</source>
        <translation>The registry is empty: import the bureau&apos;s list of designated institutions (File → Import institution registry)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/institution_picker.py" line="129"/>
        <source>只显示前 %n 家，请输入更多文字缩小范围</source>
        <translation>
            <numerusform>Showing the first %n only; type more to narrow down</numerusform>
            <numerusform>Showing the first %n only; type more to narrow down</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/institution_picker.py" line="138"/>
        <source>协议 %1</source>
        <translation>agreement %1</translation>
    </message>
</context>
<context>
    <name>InterviewDialog</name>
    <message>
        <location filename="../../ui/interview_dialog.py" line="85"/>
        <source>询问笔录</source>
        <translation>Interview records</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="93"/>
        <source>被询问人姓名</source>
        <translation>Name of the person interviewed</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="94"/>
        <source>新建询问笔录</source>
        <translation>New interview record</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="96"/>
        <source>本检查的询问笔录</source>
        <translation>Interview records of this inspection</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="106"/>
        <source>如 医生、护士长、患者家属</source>
        <translation>e.g. doctor, head nurse, patient&apos;s relative</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="110"/>
        <source>（未指定）</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="111"/>
        <source>保存被询问人和记录人</source>
        <translation>Save interviewee and recorder</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="113"/>
        <source>被询问人</source>
        <translation>Interviewee</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="114"/>
        <source>身份</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="115"/>
        <source>身份证件号码</source>
        <translation>ID document number</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="116"/>
        <source>询问地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="118"/>
        <source>如 本单位职工、参保人员</source>
        <translation>e.g. staff of the unit, insured person</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="119"/>
        <source>记录人</source>
        <translation>Recorder</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="120"/>
        <source>与被检查单位的关系</source>
        <translation>Relation to the party</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="129"/>
        <source>选定询问人</source>
        <translation>Set the interviewers</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="131"/>
        <source>询问人</source>
        <translation>Interviewers</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="134"/>
        <source>已出示执法证件</source>
        <translation>Showed the enforcement certificate</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="139"/>
        <source>出示执法证件</source>
        <translation>Enforcement certificate shown</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="144"/>
        <source>答复，如 不申请回避</source>
        <translation>Reply, e.g. does not request recusal</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="146"/>
        <source>答复（如有）</source>
        <translation>Reply (if any)</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="147"/>
        <source>记录告知</source>
        <translation>Record what was told</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="156"/>
        <source>告知事项</source>
        <translation>Rights and duties told</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="159"/>
        <source>照录被询问人的原话，如 以上笔录我已看过，与我所说的一致</source>
        <translation>The interviewee&apos;s own words, e.g. I have read the above and it is what I said</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="161"/>
        <source>记录确认意见</source>
        <translation>Record the confirmation</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="164"/>
        <source>手写确认…</source>
        <translation>Handwritten confirmation…</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="172"/>
        <source>被询问人确认</source>
        <translation>Interviewee&apos;s confirmation</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="176"/>
        <location filename="../../ui/interview_dialog.py" line="187"/>
        <source>问</source>
        <translation>Question</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="176"/>
        <source>答</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="184"/>
        <source>问答（双击修改；清空问题即删去这一问）</source>
        <translation>Questions and answers (double-click to correct; empty a question to remove it)</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="189"/>
        <source>答（照录被询问人的回答）</source>
        <translation>Answer (as the interviewee said it)</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="191"/>
        <source>记录这一问答</source>
        <translation>Record this question and answer</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="200"/>
        <source>生成询问笔录 PDF</source>
        <translation>Make the interview record PDF</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="202"/>
        <source>预览、打印、签名…</source>
        <translation>Preview, print, sign…</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="204"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="234"/>
        <source>（回避）</source>
        <translation> (recused)</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="277"/>
        <source> · 已签名</source>
        <translation> · signed</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="335"/>
        <source>还没有询问笔录：填写被询问人姓名后新建。</source>
        <translation>No interview record yet: enter the interviewee&apos;s name, then create one.</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="337"/>
        <source>已数字签名：不能再修改。</source>
        <translation>Signed digitally: it can no longer be changed.</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="341"/>
        <source>签名前还需：%1</source>
        <translation>Still needed before signing: %1</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="343"/>
        <source>数字签名前可以修改；被询问人核对后签名。</source>
        <translation>It can be corrected until it is signed digitally; the interviewee reads it over, then signs.</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="391"/>
        <source>未保存</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="465"/>
        <source>已生成询问笔录。</source>
        <translation>The interview record was made.</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="467"/>
        <source>无法生成</source>
        <translation>Cannot make it</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="469"/>
        <source>正在生成询问笔录…</source>
        <translation>Making the interview record…</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="538"/>
        <source>被询问人手写的确认意见</source>
        <translation>The interviewee&apos;s handwritten confirmation</translation>
    </message>
</context>
<context>
    <name>InterviewRecordDialog</name>
    <message>
        <location filename="../../ui/interview_dialog.py" line="611"/>
        <location filename="../../ui/interview_dialog.py" line="614"/>
        <location filename="../../ui/interview_dialog.py" line="670"/>
        <source>询问笔录</source>
        <translation>Interview record</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="621"/>
        <source>生成 / 更新笔录</source>
        <translation>Make / update the record</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="624"/>
        <source>手写签名（签在本笔录当前内容上，内容改动后须重签）</source>
        <translation>Handwritten signatures (on the record as it is now; a change means signing again)</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="629"/>
        <source>保存签名</source>
        <translation>Save signature</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="635"/>
        <location filename="../../ui/interview_dialog.py" line="640"/>
        <location filename="../../ui/interview_dialog.py" line="769"/>
        <source>数字签名</source>
        <translation>Digital signature</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="642"/>
        <source>密钥</source>
        <translation>Key</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="643"/>
        <source>口令</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="646"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="684"/>
        <source>被询问人 %1</source>
        <translation>Interviewee %1</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="698"/>
        <source>还没有生成笔录。</source>
        <translation>The record has not been made yet.</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="700"/>
        <source>笔录编号 %1</source>
        <translation>Record no. %1</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="702"/>
        <source>✓ 与当前数据一致</source>
        <translation>✓ Matches the current data</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="704"/>
        <source>✗ 数据有变更，请重新生成</source>
        <translation>✗ The data changed: make it again</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="709"/>
        <source>已数字签名：%1</source>
        <translation>Signed digitally by: %1</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="714"/>
        <source>签名前还需：%1</source>
        <translation>Still needed before signing: %1</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="730"/>
        <source>无法生成</source>
        <translation>Cannot make it</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="732"/>
        <source>正在生成询问笔录…</source>
        <translation>Making the interview record…</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="740"/>
        <source>签名</source>
        <translation>Signatures</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="740"/>
        <source>请先在签名框内签名</source>
        <translation>Please sign in the box first</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="759"/>
        <source>未保存</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="769"/>
        <source>没有本笔录询问人或记录人的密钥</source>
        <translation>No key of this record&apos;s interviewers or recorder</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="781"/>
        <source>未签名</source>
        <translation>Not signed</translation>
    </message>
    <message>
        <location filename="../../ui/interview_dialog.py" line="783"/>
        <source>正在签名…</source>
        <translation>Signing…</translation>
    </message>
</context>
<context>
    <name>KeyForm</name>
    <message>
        <location filename="../../ui/keys_dialog.py" line="67"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="68"/>
        <source>执法证号</source>
        <translation>Enforcement certificate no.</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="70"/>
        <source>单位（医保局）</source>
        <translation>Organisation (bureau)</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="71"/>
        <source>口令（至少 8 个字符）</source>
        <translation>Passphrase (at least 8 characters)</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="72"/>
        <source>再输入一次口令</source>
        <translation>Passphrase again</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="85"/>
        <source>两次输入的口令不一致</source>
        <translation>The two passphrases differ</translation>
    </message>
</context>
<context>
    <name>KeysDialog</name>
    <message>
        <location filename="../../ui/keys_dialog.py" line="99"/>
        <source>数字签名密钥</source>
        <translation>Digital signature keys</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="108"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="109"/>
        <location filename="../../ui/keys_dialog.py" line="385"/>
        <source>执法证号</source>
        <translation>Enforcement certificate no.</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="110"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="111"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="112"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="113"/>
        <source>有效期至</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="114"/>
        <source>编号</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="125"/>
        <source>导入 PKCS#12 文件…</source>
        <translation>Import PKCS#12 file…</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="126"/>
        <source>生成密钥和证书请求…</source>
        <translation>New key and certificate request…</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="127"/>
        <source>导入医保局签发的证书…</source>
        <translation>Import the bureau&apos;s certificate…</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="128"/>
        <source>生成试用证书…</source>
        <translation>New trial certificate…</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="129"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="141"/>
        <source>口令不会保存；签名时需要输入。试用证书是自签名的，只用于试用，不能证明签名者的身份。</source>
        <translation>Passphrases are never stored; you enter yours when signing. A trial certificate is self-signed, for trials only: it does not prove who signed.</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="167"/>
        <source>无法读取密钥：%1</source>
        <translation>Cannot read the keys: %1</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="197"/>
        <source>试用（自签名）</source>
        <translation>Trial (self-signed)</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="199"/>
        <source>本机生成</source>
        <translation>Made here</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="200"/>
        <source>医保局签发</source>
        <translation>Issued by the bureau</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="205"/>
        <source>可用</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="206"/>
        <source>等待证书</source>
        <translation>Awaiting certificate</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="207"/>
        <source>已过期</source>
        <translation>Expired</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="208"/>
        <source>尚未生效</source>
        <translation>Not yet valid</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="295"/>
        <source>已导入 %1 的密钥</source>
        <translation>Imported the key of %1</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="316"/>
        <source>密钥已生成，但证书请求无法保存到 %1：%2；它也在 %3</source>
        <translation>The key was made, but the certificate request could not be saved to %1: %2. It is also in %3</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="327"/>
        <source>已生成密钥。请把证书请求 %1 交给医保局的 CA，收到证书后在这里导入。</source>
        <translation>Key made. Give the certificate request %1 to the bureau&apos;s CA, and import the certificate here when it comes.</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="340"/>
        <source>无法读取证书文件：%1</source>
        <translation>Cannot read the certificate file: %1</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="348"/>
        <source>证书已导入，%1 的密钥可以签名了</source>
        <translation>Certificate imported: the key of %1 can sign now</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="357"/>
        <source>已生成 %1 的试用证书（自签名），仅用于试用</source>
        <translation>Made a trial certificate (self-signed) for %1, for trials only</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="364"/>
        <source>口令</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="370"/>
        <source>选择医保局签发的 PKCS#12 文件</source>
        <translation>Choose the PKCS#12 file from the bureau</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="372"/>
        <source>PKCS#12 文件 (*.p12 *.pfx);;所有文件 (*)</source>
        <translation>PKCS#12 files (*.p12 *.pfx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="376"/>
        <source>PKCS#12 文件的口令：</source>
        <translation>Passphrase of the PKCS#12 file:</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="386"/>
        <source>证书中没有执法证号。持有人的执法证号（密钥与它绑定）：</source>
        <translation>The certificate carries no enforcement certificate number. The holder&apos;s number (the key is bound to it):</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="392"/>
        <source>生成密钥和证书请求</source>
        <translation>New key and certificate request</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="398"/>
        <source>保存证书请求（CSR）</source>
        <translation>Save the certificate request (CSR)</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="400"/>
        <source>证书请求 (*.csr *.pem);;所有文件 (*)</source>
        <translation>Certificate requests (*.csr *.pem);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="413"/>
        <source>请先在列表中选择等待证书的密钥</source>
        <translation>First select a key that awaits its certificate</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="417"/>
        <source>选择医保局签发的证书</source>
        <translation>Choose the certificate from the bureau</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="419"/>
        <source>证书 (*.pem *.crt *.cer *.der);;所有文件 (*)</source>
        <translation>Certificates (*.pem *.crt *.cer *.der);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/keys_dialog.py" line="425"/>
        <source>生成试用证书（自签名）</source>
        <translation>New trial certificate (self-signed)</translation>
    </message>
</context>
<context>
    <name>LeadPicker</name>
    <message>
        <location filename="../../ui/leads_dialog.py" line="549"/>
        <source>加入本次检查的线索</source>
        <translation>Leads to attach to this inspection</translation>
    </message>
    <message>
        <location filename="../../ui/leads_dialog.py" line="560"/>
        <source>没有尚未交给检查的线索：先导入线索清单。</source>
        <translation>No lead is waiting for an inspection: import a list of leads first.</translation>
    </message>
</context>
<context>
    <name>LeadsDialog</name>
    <message>
        <location filename="../../ui/leads_dialog.py" line="157"/>
        <source>导入线索清单…</source>
        <translation>Import leads…</translation>
    </message>
    <message>
        <location filename="../../ui/leads_dialog.py" line="159"/>
        <source>加入本次检查…</source>
        <translation>Attach to this inspection…</translation>
    </message>
    <message>
        <location filename="../../ui/leads_dialog.py" line="161"/>
        <source>移送案件登记为线索…</source>
        <translation>Referred cases as leads…</translation>
    </message>
    <message>
        <location filename="../../ui/leads_dialog.py" line="163"/>
        <source>导出反馈表…</source>
        <translation>Export feedback…</translation>
    </message>
    <message>
        <location filename="../../ui/leads_dialog.py" line="193"/>
        <source>核查情况（属实、部分属实时必填）</source>
        <translation>What was found (required for 属实 and 部分属实)</translation>
    </message>
    <message>
        <location filename="../../ui/leads_dialog.py" line="195"/>
        <source>查实金额（元）</source>
        <translation>Amount found (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/leads_dialog.py" line="197"/>
        <source>保存核查结论</source>
        <translation>Save verdict</translation>
    </message>
    <message>
        <location filename="../../ui/leads_dialog.py" line="199"/>
        <source>关联证据…</source>
        <translation>Link evidence…</translation>
    </message>
    <message>
        <location filename="../../ui/leads_dialog.py" line="215"/>
        <source>线索与疑点 · %1</source>
        <translation>Leads · %1</translation>
    </message>
    <message>
        <location filename="../../ui/leads_dialog.py" line="220"/>
        <source>智能监控规则（本次检查的费用明细）</source>
        <translation>Smart monitoring rules (this inspection&apos;s settlement detail)</translation>
    </message>
    <message>
        <location filename="../../ui/leads_dialog.py" line="223"/>
        <source>尚未运行规则。</source>
        <translation>The rules have not been run.</translation>
    </message>
    <message>
        <location filename="../../ui/leads_dialog.py" line="225"/>
        <source>运行规则</source>
        <translation>Run the rules</translation>
    </message>
    <message>
        <location filename="../../ui/leads_dialog.py" line="227"/>
        <source>命中登记为线索</source>
        <translation>Register hits as leads</translation>
    </message>
    <message>
        <location filename="../../ui/leads_dialog.py" line="236"/>
        <source>规则</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../ui/leads_dialog.py" line="236"/>
        <source>规则类型</source>
        <translation>Rule type</translation>
    </message>
    <message>
        <location filename="../../ui/leads_dialog.py" line="236"/>
        <source>命中</source>
        <translation>Hits</translation>
    </message>
    <message>
        <location filename="../../ui/leads_dialog.py" line="236"/>
        <source>涉及金额</source>
        <translation>Amount reported</translation>
    </message>
    <message>
        <location filename="../../ui/leads_dialog.py" line="264"/>
        <source>尚未运行规则（先导入本次检查的费用明细）。</source>
        <translation>The rules have not been run (import this inspection&apos;s settlement detail first).</translation>
    </message>
    <message>
        <location filename="../../ui/leads_dialog.py" line="268"/>
        <source>%1 运行：命中 %2 处，涉及金额 %3 元。</source>
        <translation>Run %1: %2 hits, %3 yuan at stake.</translation>
    </message>
    <message>
        <location filename="../../ui/leads_dialog.py" line="302"/>
        <source>本次检查核查线索 %1 条：已核查 %2 条，属实或部分属实 %3 条；另有 %4 条线索尚未交给任何检查。</source>
        <translation>%1 leads to verify on this inspection: %2 verified, %3 found true or partly true; %4 more leads not attached to any inspection yet.</translation>
    </message>
    <message>
        <location filename="../../ui/leads_dialog.py" line="336"/>
        <source>线索与疑点</source>
        <translation>Leads</translation>
    </message>
    <message>
        <location filename="../../ui/leads_dialog.py" line="343"/>
        <source>选择线索清单</source>
        <translation>Choose a list of leads</translation>
    </message>
    <message>
        <location filename="../../ui/leads_dialog.py" line="343"/>
        <source>线索清单 (*.xlsx *.csv)</source>
        <translation>List of leads (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/leads_dialog.py" line="352"/>
        <source>已导入 %1 条线索（%2 条此前已登记）。</source>
        <translation>%1 leads imported (%2 already registered).</translation>
    </message>
    <message>
        <location filename="../../ui/leads_dialog.py" line="386"/>
        <source>正在运行规则…</source>
        <translation>Running the rules…</translation>
    </message>
    <message>
        <location filename="../../ui/leads_dialog.py" line="396"/>
        <source>已把 %1 处命中登记为线索。</source>
        <translation>%1 hits registered as leads.</translation>
    </message>
    <message>
        <location filename="../../ui/leads_dialog.py" line="435"/>
        <source>移送来的案件登记为线索</source>
        <translation>Referred cases to register as leads</translation>
    </message>
    <message>
        <location filename="../../ui/leads_dialog.py" line="436"/>
        <source>没有待登记的移送案件：先在案件中登记接收的移送。</source>
        <translation>No referred case is waiting: register the received referral in the case first.</translation>
    </message>
    <message>
        <location filename="../../ui/leads_dialog.py" line="503"/>
        <source>请先保存核查结论，再关联证据。</source>
        <translation>Save the verdict first, then link evidence.</translation>
    </message>
    <message>
        <location filename="../../ui/leads_dialog.py" line="521"/>
        <source>导出线索核查反馈表</source>
        <translation>Export lead feedback</translation>
    </message>
    <message>
        <location filename="../../ui/leads_dialog.py" line="530"/>
        <source>已导出 %1 条线索的核查反馈：%2</source>
        <translation>Feedback on %1 leads exported: %2</translation>
    </message>
</context>
<context>
    <name>LeadsModel</name>
    <message>
        <location filename="../../ui/leads_dialog.py" line="67"/>
        <source>线索编号</source>
        <translation>Lead no.</translation>
    </message>
    <message>
        <location filename="../../ui/leads_dialog.py" line="68"/>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../ui/leads_dialog.py" line="69"/>
        <source>线索内容</source>
        <translation>Lead</translation>
    </message>
    <message>
        <location filename="../../ui/leads_dialog.py" line="70"/>
        <source>涉及金额</source>
        <translation>Amount reported</translation>
    </message>
    <message>
        <location filename="../../ui/leads_dialog.py" line="71"/>
        <source>办理期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../ui/leads_dialog.py" line="72"/>
        <source>核查结论</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <location filename="../../ui/leads_dialog.py" line="73"/>
        <source>核查情况</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../ui/leads_dialog.py" line="74"/>
        <source>查实金额</source>
        <translation>Amount found</translation>
    </message>
    <message>
        <location filename="../../ui/leads_dialog.py" line="75"/>
        <source>证据</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location filename="../../ui/leads_dialog.py" line="78"/>
        <source>未核查</source>
        <translation>Not verified</translation>
    </message>
    <message>
        <location filename="../../ui/leads_dialog.py" line="79"/>
        <source>属实</source>
        <translation>True</translation>
    </message>
    <message>
        <location filename="../../ui/leads_dialog.py" line="80"/>
        <source>部分属实</source>
        <translation>Partly true</translation>
    </message>
    <message>
        <location filename="../../ui/leads_dialog.py" line="81"/>
        <source>不属实</source>
        <translation>Unfounded</translation>
    </message>
    <message>
        <location filename="../../ui/leads_dialog.py" line="88"/>
        <source>已逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/leads_dialog.py" line="89"/>
        <source>即将到期</source>
        <translation>due soon</translation>
    </message>
    <message>
        <location filename="../../ui/leads_dialog.py" line="90"/>
        <source>节假日安排待公布</source>
        <translation>holidays not yet published</translation>
    </message>
</context>
<context>
    <name>LedgerModel</name>
    <message>
        <location filename="../../ui/ledger_page.py" line="115"/>
        <source>发现日期</source>
        <translation>Found on</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="116"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="117"/>
        <source>被检查机构</source>
        <translation>Institution inspected</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="118"/>
        <source>区县</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="119"/>
        <source>条目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="120"/>
        <source>问题</source>
        <translation>Finding</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="121"/>
        <source>涉及金额</source>
        <translation>Amount involved</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="122"/>
        <source>已追回</source>
        <translation>Recovered</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="123"/>
        <source>整改期限</source>
        <translation>Deadline</translation>
    </message>
</context>
<context>
    <name>LedgerPage</name>
    <message>
        <location filename="../../ui/ledger_page.py" line="487"/>
        <source>← 检查列表</source>
        <translation>← Inspections</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="490"/>
        <location filename="../../ui/ledger_page.py" line="621"/>
        <location filename="../../ui/ledger_page.py" line="833"/>
        <location filename="../../ui/ledger_page.py" line="836"/>
        <source>问题台账</source>
        <translation>Problem ledger</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="494"/>
        <source>导出 Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="497"/>
        <source>情况报告…</source>
        <translation>Periodic report…</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="499"/>
        <source>案件 →</source>
        <translation>Cases →</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="500"/>
        <source>案件：立案、告知、决定、送达、执行、结案</source>
        <translation>Cases: filing, notice, decision, service, execution, closing</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="509"/>
        <source>搜索机构、问题、说明…</source>
        <translation>Search institution, finding, note…</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="512"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="519"/>
        <source>全部日期</source>
        <translation>Any date</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="520"/>
        <source>最近 30 天</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="521"/>
        <source>最近 90 天</source>
        <translation>Last 90 days</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="522"/>
        <source>最近一年</source>
        <translation>Last year</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="526"/>
        <source>全部期限</source>
        <translation>Any deadline</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="527"/>
        <source>7 天内到期或逾期</source>
        <translation>Due within 7 days or overdue</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="528"/>
        <source>已逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="557"/>
        <source>整改进展…</source>
        <translation>Progress…</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="559"/>
        <source>案件处理…</source>
        <translation>Case step…</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="561"/>
        <source>立案…</source>
        <translation>Open case…</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="563"/>
        <source>以所选问题（同一机构，可多选）登记案件，在案件页办理</source>
        <translation>Register a case from the chosen findings (one institution, several allowed) and run it on the Cases screen</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="567"/>
        <source>查看案件 →</source>
        <translation>Open its case →</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="568"/>
        <source>在案件页打开该问题所在的案件</source>
        <translation>Open the case this finding is in on the Cases screen</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="575"/>
        <source>回头看</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="576"/>
        <source>对该检查的全部未整改问题新建回头看</source>
        <translation>A new follow-up visit of all open findings of this inspection</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="578"/>
        <source>整改通知书…</source>
        <translation>Rectification order…</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="580"/>
        <source>回头看结论…</source>
        <translation>Follow-up verdict…</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="582"/>
        <source>在尚未签名的回头看中记录该问题的整改结论；签名后更新台账</source>
        <translation>Record this finding&apos;s verdict in its follow-up visit, not yet signed; signing it updates the ledger</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="623"/>
        <source>正在整理问题台账…</source>
        <translation>Bringing the problem ledger up to date…</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="636"/>
        <source>全部区县</source>
        <translation>All districts</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="639"/>
        <source>全部类型</source>
        <translation>All types</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="692"/>
        <source>共 %1 个问题，未完成整改 %2 个，涉及金额 %3，已追回 %4</source>
        <translation>%1 findings, %2 not yet rectified, %3 involved, %4 recovered</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="716"/>
        <source>选择一个问题查看详情</source>
        <translation>Select a finding to see it</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="717"/>
        <source>检查</source>
        <translation>Inspection</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="718"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="719"/>
        <source>违规类别</source>
        <translation>Violation category</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="720"/>
        <source>涉及金额</source>
        <translation>Amount involved</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="721"/>
        <source>已追回</source>
        <translation>Recovered</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="722"/>
        <source>证据</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="723"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="724"/>
        <source>整改期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="725"/>
        <source>整改情况</source>
        <translation>Rectification</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="726"/>
        <source>被检查单位现场意见</source>
        <translation>Party’s opinion on site</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="727"/>
        <source>案件处理</source>
        <translation>Case handling</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="728"/>
        <source>追回</source>
        <translation>Recovered</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="729"/>
        <source>陈述申辩</source>
        <translation>Statement</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="820"/>
        <source>案件 %1：%2（%3 登记）</source>
        <translation>Case %1: %2 (registered %3)</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="1010"/>
        <source>导出问题台账</source>
        <translation>Export the problem ledger</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="1018"/>
        <source>已导出 %1 个问题</source>
        <translation>%1 findings exported</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="1019"/>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="1051"/>
        <source>情况报告已保存：%1</source>
        <translation>Periodic report saved: %1</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="1052"/>
        <source>情况报告</source>
        <translation>Periodic report</translation>
    </message>
</context>
<context>
    <name>LegalDialog</name>
    <message>
        <location filename="../../ui/legal_dialog.py" line="67"/>
        <location filename="../../ui/legal_dialog.py" line="156"/>
        <source>证件与告知</source>
        <translation>Credentials and notices</translation>
    </message>
    <message>
        <location filename="../../ui/legal_dialog.py" line="71"/>
        <source>执法人员（至少两名，出示执法证件）</source>
        <translation>Enforcement officers (at least two, showing their credentials)</translation>
    </message>
    <message>
        <location filename="../../ui/legal_dialog.py" line="79"/>
        <source>姓名:执法证号</source>
        <translation>Name:enforcement ID</translation>
    </message>
    <message>
        <location filename="../../ui/legal_dialog.py" line="80"/>
        <source>加入检查组</source>
        <translation>Add to the team</translation>
    </message>
    <message>
        <location filename="../../ui/legal_dialog.py" line="86"/>
        <source>已亮明身份</source>
        <translation>Identity disclosed</translation>
    </message>
    <message>
        <location filename="../../ui/legal_dialog.py" line="94"/>
        <source>告知事项</source>
        <translation>Notices</translation>
    </message>
    <message>
        <location filename="../../ui/legal_dialog.py" line="97"/>
        <source>告知人</source>
        <translation>Told by</translation>
    </message>
    <message>
        <location filename="../../ui/legal_dialog.py" line="100"/>
        <source>申请回避的权利</source>
        <translation>Right to ask for recusal</translation>
    </message>
    <message>
        <location filename="../../ui/legal_dialog.py" line="101"/>
        <source>配合检查的义务（条例第二十九条）</source>
        <translation>Duty to cooperate (Regulations art. 29)</translation>
    </message>
    <message>
        <location filename="../../ui/legal_dialog.py" line="102"/>
        <source>对本记录提出意见的权利</source>
        <translation>Right to give an opinion of this record</translation>
    </message>
    <message>
        <location filename="../../ui/legal_dialog.py" line="112"/>
        <source>被检查单位的答复，如 不申请回避</source>
        <translation>The party&apos;s reply, e.g. no recusal requested</translation>
    </message>
    <message>
        <location filename="../../ui/legal_dialog.py" line="114"/>
        <source>被检查单位的答复，如 配合</source>
        <translation>The party’s reply, e.g. will cooperate</translation>
    </message>
    <message>
        <location filename="../../ui/legal_dialog.py" line="121"/>
        <source>已告知</source>
        <translation>Told</translation>
    </message>
    <message>
        <location filename="../../ui/legal_dialog.py" line="127"/>
        <source>记录人与被检查对象</source>
        <translation>Recorder and party</translation>
    </message>
    <message>
        <location filename="../../ui/legal_dialog.py" line="130"/>
        <location filename="../../ui/legal_dialog.py" line="229"/>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location filename="../../ui/legal_dialog.py" line="133"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/legal_dialog.py" line="135"/>
        <source>记录人</source>
        <translation>Recorder</translation>
    </message>
    <message>
        <location filename="../../ui/legal_dialog.py" line="169"/>
        <source>（组长）</source>
        <translation> (leader)</translation>
    </message>
    <message>
        <location filename="../../ui/legal_dialog.py" line="171"/>
        <source>%1%2 执法证号 %3</source>
        <translation>%1%2 enforcement ID %3</translation>
    </message>
    <message>
        <location filename="../../ui/legal_dialog.py" line="176"/>
        <source>已回避：%1</source>
        <translation>Withdrawn: %1</translation>
    </message>
    <message>
        <location filename="../../ui/legal_dialog.py" line="178"/>
        <source>已于 %1 出示证件</source>
        <translation>Credentials shown at %1</translation>
    </message>
    <message>
        <location filename="../../ui/legal_dialog.py" line="180"/>
        <source>未出示证件</source>
        <translation>Credentials not shown</translation>
    </message>
    <message>
        <location filename="../../ui/legal_dialog.py" line="183"/>
        <source>回避…</source>
        <translation>Recuse…</translation>
    </message>
    <message>
        <location filename="../../ui/legal_dialog.py" line="187"/>
        <source>组长不能回避：请先更换组长</source>
        <translation>The leader cannot withdraw: choose another leader first</translation>
    </message>
    <message>
        <location filename="../../ui/legal_dialog.py" line="191"/>
        <source>已出示证件</source>
        <translation>Credentials shown</translation>
    </message>
    <message>
        <location filename="../../ui/legal_dialog.py" line="199"/>
        <source>暗访：已于 %1 亮明身份</source>
        <translation>Covert visit: identity disclosed at %1</translation>
    </message>
    <message>
        <location filename="../../ui/legal_dialog.py" line="201"/>
        <source>暗访：尚未亮明身份（证件出示和告知在亮明身份时进行）</source>
        <translation>Covert visit: identity not yet disclosed (credentials and notices come at disclosure)</translation>
    </message>
    <message>
        <location filename="../../ui/legal_dialog.py" line="207"/>
        <source>（未指定）</source>
        <translation>(not chosen)</translation>
    </message>
    <message>
        <location filename="../../ui/legal_dialog.py" line="217"/>
        <source>未告知</source>
        <translation>Not told</translation>
    </message>
    <message>
        <location filename="../../ui/legal_dialog.py" line="221"/>
        <source>%1 由%2告知</source>
        <translation>%1, told by %2</translation>
    </message>
    <message>
        <location filename="../../ui/legal_dialog.py" line="223"/>
        <source>（未记录）</source>
        <translation>(not recorded)</translation>
    </message>
    <message>
        <location filename="../../ui/legal_dialog.py" line="229"/>
        <source>身份证号</source>
        <translation>ID card number</translation>
    </message>
    <message>
        <location filename="../../ui/legal_dialog.py" line="232"/>
        <source>18 位，见身份证</source>
        <translation>18 characters, on the ID card</translation>
    </message>
    <message>
        <location filename="../../ui/legal_dialog.py" line="232"/>
        <source>18 位，见营业执照</source>
        <translation>18 characters, on the business licence</translation>
    </message>
    <message>
        <location filename="../../ui/legal_dialog.py" line="251"/>
        <source>尚缺（完成现场检查和签名前须补齐）：</source>
        <translation>Still missing (needed before finishing and signing):</translation>
    </message>
    <message>
        <location filename="../../ui/legal_dialog.py" line="257"/>
        <source>法律要求的内容均已记录。</source>
        <translation>Everything the law requires is recorded.</translation>
    </message>
    <message>
        <location filename="../../ui/legal_dialog.py" line="272"/>
        <source>未保存</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../ui/legal_dialog.py" line="286"/>
        <source>回避</source>
        <translation>Recusal</translation>
    </message>
    <message>
        <location filename="../../ui/legal_dialog.py" line="286"/>
        <source>%1 回避的理由（必填）：</source>
        <translation>Why %1 withdraws (required):</translation>
    </message>
</context>
<context>
    <name>ListSignatureDialog</name>
    <message>
        <location filename="../../ui/case_dialogs.py" line="842"/>
        <source>登记清单签名</source>
        <translation>Register the list&apos;s signatures</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="848"/>
        <source>当事人拒绝签名</source>
        <translation>The party refused to sign</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="850"/>
        <source>当事人拒绝签名时必填</source>
        <translation>Required when the party refuses to sign</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="851"/>
        <source>措施</source>
        <translation>Measure</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="852"/>
        <source>签名日期</source>
        <translation>Date signed</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="853"/>
        <source>签名的当事人</source>
        <translation>Party&apos;s signer</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="855"/>
        <source>见证人</source>
        <translation>Witness</translation>
    </message>
</context>
<context>
    <name>LoadingPage</name>
    <message>
        <location filename="../../ui/main_window.py" line="81"/>
        <source>本机的检查</source>
        <translation>Inspections on this laptop</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="84"/>
        <source>正在打开检查列表…</source>
        <translation>Opening the list of inspections…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="124"/>
        <source>医保基金现场检查 Inspector</source>
        <translation>Inspector · Medical insurance fund inspection</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="138"/>
        <source>点击关闭此提示</source>
        <translation>Click to close this notice</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="216"/>
        <source>本机数据未加密：可在“文件 → 加密本机数据…”中设置口令</source>
        <translation>The data on this computer are not encrypted: set a passphrase under File → Encrypt the data on this computer…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="304"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="305"/>
        <source>新建检查…</source>
        <translation>New inspection…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="309"/>
        <source>导入机构名录…</source>
        <translation>Import institution registry…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="312"/>
        <source>数字签名密钥…</source>
        <translation>Signing keys…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="315"/>
        <source>切换当前检查人员…</source>
        <translation>Change current inspector…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="318"/>
        <source>情况报告…</source>
        <translation>Periodic report…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="321"/>
        <source>验证记录文件…</source>
        <translation>Verify a record file…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="325"/>
        <source>导出交接包…</source>
        <translation>Export hand-over bundle…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="328"/>
        <source>导入交接包…</source>
        <translation>Import hand-over bundle…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="331"/>
        <source>交接冲突…</source>
        <translation>Hand-over conflicts…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="334"/>
        <source>同步…</source>
        <translation>Sync…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="338"/>
        <source>锁定</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="343"/>
        <source>自动锁定时间…</source>
        <translation>Lock after idle…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="345"/>
        <source>加密本机数据…</source>
        <translation>Encrypt the data on this computer…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="352"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="357"/>
        <source>计划(&amp;P)</source>
        <translation>&amp;Plan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="358"/>
        <source>双随机抽查…</source>
        <translation>Random draw…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="361"/>
        <source>结算数据抽样…</source>
        <translation>Claims sampling…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="364"/>
        <source>线索与疑点…</source>
        <translation>Leads…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="367"/>
        <source>进销存核对…</source>
        <translation>Stock reconciliation…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="370"/>
        <source>追溯码扫码核查…</source>
        <translation>Trace code sweep…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="374"/>
        <source>查看(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="375"/>
        <source>检查列表</source>
        <translation>Inspection list</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="379"/>
        <source>问题台账</source>
        <translation>Problem ledger</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="383"/>
        <source>案件</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="387"/>
        <source>语言 / Language</source>
        <translation>语言 / Language</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="395"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="396"/>
        <location filename="../../ui/main_window.py" line="867"/>
        <source>快捷键</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="399"/>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="431"/>
        <source>无法打开检查</source>
        <translation>Cannot open the inspection</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="518"/>
        <source>结算数据抽样</source>
        <translation>Claims sampling</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="518"/>
        <location filename="../../ui/main_window.py" line="532"/>
        <location filename="../../ui/main_window.py" line="545"/>
        <location filename="../../ui/main_window.py" line="560"/>
        <source>请先在检查列表中选中或打开一项检查。</source>
        <translation>Select or open an inspection in the list first.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="532"/>
        <source>线索与疑点</source>
        <translation>Leads</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="545"/>
        <source>进销存核对</source>
        <translation>Stock reconciliation</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="560"/>
        <source>追溯码扫码核查</source>
        <translation>Trace code sweep</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="600"/>
        <source>当前检查人员：%1</source>
        <translation>Current inspector: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="602"/>
        <source>未选择当前检查人员</source>
        <translation>No current inspector chosen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="711"/>
        <source>本机数据已加密</source>
        <translation>The data on this computer are encrypted</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="714"/>
        <source>加密本机数据</source>
        <translation>Encrypt the data on this computer</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="716"/>
        <source>本机数据已加密，明文文件已删除。此后每次启动和锁定后需输入口令。
提示：删除文件不会擦除磁盘上的旧数据块；建议同时清除磁盘空闲空间。</source>
        <translation>The data on this computer are encrypted and the plain files deleted. The passphrase is now asked at every start and after a lock.
Note: deleting a file does not wipe its old blocks on the disk; wiping the disk&apos;s free space as well is advised.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="732"/>
        <source>未能加密本机数据</source>
        <translation>Could not encrypt the data on this computer</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="735"/>
        <source>正在加密本机数据…</source>
        <translation>Encrypting the data on this computer…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="761"/>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="835"/>
        <location filename="../../ui/main_window.py" line="861"/>
        <source>自动锁定时间</source>
        <translation>Lock after idle</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="836"/>
        <source>无操作多少分钟后自动锁定：</source>
        <translation>Lock after this many minutes without input:</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="869"/>
        <source>Ctrl+1 符合&#x3000;Ctrl+2 发现问题&#x3000;Ctrl+3 不适用&#x3000;Ctrl+4 未检查
（在左侧列表中直接按 1-4）
Alt+↓ / Alt+↑&#x3000;下一项 / 上一项
F8&#x3000;下一个未检查的条目
Ctrl+Z / Ctrl+Y&#x3000;撤销 / 重做
Ctrl+N&#x3000;新建检查&#x3000;Ctrl+H&#x3000;检查列表&#x3000;Ctrl+T&#x3000;问题台账&#x3000;Ctrl+J&#x3000;案件&#x3000;Ctrl+L&#x3000;锁定</source>
        <translation>Ctrl+1 compliant   Ctrl+2 problem found   Ctrl+3 not applicable   Ctrl+4 not checked
(in the list on the left, just press 1-4)
Alt+↓ / Alt+↑   next / previous item
F8   next unchecked item
Ctrl+Z / Ctrl+Y   undo / redo
Ctrl+N   new inspection   Ctrl+H   inspection list   Ctrl+T   problem ledger   Ctrl+J   cases   Ctrl+L   lock</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="881"/>
        <source>关于 Inspector</source>
        <translation>About Inspector</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="883"/>
        <source>医保基金现场检查 Inspector %1
数据目录：%2</source>
        <translation>Inspector %1 · medical insurance fund inspection
Data directory: %2</translation>
    </message>
</context>
<context>
    <name>MeasureDialog</name>
    <message>
        <location filename="../../ui/case_dialogs.py" line="301"/>
        <source>处理措施</source>
        <translation>Measure</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="308"/>
        <location filename="../../ui/case_dialogs.py" line="325"/>
        <source>（不适用）</source>
        <translation>(not applicable)</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="311"/>
        <source>条例第%1条（%2）</source>
        <translation>Regulation art. %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="315"/>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="317"/>
        <source>从轻</source>
        <translation>lighter</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="318"/>
        <source>减轻</source>
        <translation>mitigated</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="319"/>
        <source>从重</source>
        <translation>heavier</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="328"/>
        <source>措施</source>
        <translation>Measure</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="329"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="330"/>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="331"/>
        <source>罚款依据</source>
        <translation>Article of the fine</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="332"/>
        <source>损失或骗取金额（元）</source>
        <translation>Loss or amount obtained by fraud (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="333"/>
        <source>裁量</source>
        <translation>Discretion</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="334"/>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="335"/>
        <source>暂停月数</source>
        <translation>Months of suspension</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="336"/>
        <source>暂停结算/中止协议起</source>
        <translation>Settlement suspended / agreement halted from</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="337"/>
        <source>至</source>
        <translation>to</translation>
    </message>
</context>
<context>
    <name>MeasureDocumentDialog</name>
    <message>
        <location filename="../../ui/case_dialogs.py" line="816"/>
        <source>制作强制措施文书</source>
        <translation>Make a compulsory measure document</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="822"/>
        <source>决定书（通知书）</source>
        <translation>Decision (notice)</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="823"/>
        <source>清单（交当事人）</source>
        <translation>List (for the party)</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="824"/>
        <source>延长封存期限通知书</source>
        <translation>Notice extending the sealing period</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="825"/>
        <source>解除或处理决定书</source>
        <translation>Decision to release or dispose</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="828"/>
        <source>措施</source>
        <translation>Measure</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="829"/>
        <source>文书</source>
        <translation>Document</translation>
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
    <message>
        <location filename="../../ui/ledger_page.py" line="73"/>
        <source>待整改</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="74"/>
        <source>整改中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="75"/>
        <source>已整改（销号）</source>
        <translation>Rectified (closed)</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="76"/>
        <source>移交</source>
        <translation>Handed over</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="77"/>
        <source>已更正</source>
        <translation>Superseded</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="84"/>
        <source>协议处理</source>
        <translation>Under the agreement</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="85"/>
        <source>行政处罚</source>
        <translation>Administrative penalty</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="86"/>
        <source>移送公安</source>
        <translation>To the police</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="87"/>
        <source>移送纪检监察</source>
        <translation>To the discipline inspectors</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="36"/>
        <source>待立案</source>
        <translation>to be filed</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="37"/>
        <source>已立案（调查取证）</source>
        <translation>filed (investigating)</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="38"/>
        <location filename="../../ui/case_dialogs.py" line="57"/>
        <source>调查终结</source>
        <translation>investigation concluded</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="39"/>
        <source>已法制审核</source>
        <translation>legally reviewed</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="40"/>
        <source>已事先告知</source>
        <translation>notified in advance</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="41"/>
        <source>陈述申辩/听证</source>
        <translation>statement and defence / hearing</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="42"/>
        <source>已决定</source>
        <translation>decided</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="43"/>
        <source>已送达</source>
        <translation>served</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="44"/>
        <source>已执行</source>
        <translation>executed</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="45"/>
        <source>已结案</source>
        <translation>closed</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="46"/>
        <location filename="../../ui/case_dialogs.py" line="56"/>
        <source>不予立案</source>
        <translation>not filed</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="47"/>
        <source>已撤销</source>
        <translation>withdrawn</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="48"/>
        <source>已终止</source>
        <translation>terminated</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="55"/>
        <source>立案</source>
        <translation>filing</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="58"/>
        <source>案件审核（法制审核）</source>
        <translation>case review (legal review)</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="59"/>
        <source>事先告知</source>
        <translation>advance notice</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="60"/>
        <source>陈述申辩</source>
        <translation>statement and defence</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="61"/>
        <source>书面放弃陈述申辩和听证</source>
        <translation>written waiver of statement, defence and hearing</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="62"/>
        <source>申请听证</source>
        <translation>hearing request</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="63"/>
        <source>听证</source>
        <translation>hearing</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="64"/>
        <source>作出决定</source>
        <translation>decision</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="65"/>
        <source>送达</source>
        <translation>service</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="66"/>
        <source>执行</source>
        <translation>execution</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="67"/>
        <source>结案</source>
        <translation>closing</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="68"/>
        <source>撤销立案</source>
        <translation>withdrawal of the filing</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="69"/>
        <source>终止调查</source>
        <translation>termination of the investigation</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="70"/>
        <source>延长办案期限</source>
        <translation>extension of the case period</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="77"/>
        <source>责令退回</source>
        <translation>order to refund</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="78"/>
        <source>罚款</source>
        <translation>fine</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="79"/>
        <source>没收违法所得</source>
        <translation>confiscation of illegal gains</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="80"/>
        <source>暂停相关责任部门医药服务</source>
        <translation>suspension of the responsible department&apos;s medical services</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="81"/>
        <source>暂停医疗费用联网结算</source>
        <translation>suspension of networked settlement</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="82"/>
        <source>约谈</source>
        <translation>interview</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="83"/>
        <source>拒付/追回</source>
        <translation>refusal to pay / recovery</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="84"/>
        <source>暂停结算</source>
        <translation>suspension of settlement</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="85"/>
        <source>中止协议</source>
        <translation>suspension of the agreement</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="86"/>
        <source>解除协议</source>
        <translation>termination of the agreement</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="93"/>
        <source>承办人</source>
        <translation>Case officers</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="94"/>
        <source>负责人</source>
        <translation>head</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="95"/>
        <source>法制审核人员</source>
        <translation>legal reviewer</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="96"/>
        <source>听证主持人</source>
        <translation>Hearing host</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="97"/>
        <source>送达人</source>
        <translation>server</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="98"/>
        <source>见证人</source>
        <translation>witness</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="99"/>
        <source>受送达人</source>
        <translation>recipient</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="106"/>
        <source>直接送达</source>
        <translation>personal service</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="107"/>
        <source>留置送达</source>
        <translation>service left at the premises</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="108"/>
        <source>邮寄送达</source>
        <translation>service by post</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="109"/>
        <source>电子送达</source>
        <translation>electronic service</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="110"/>
        <source>公告送达</source>
        <translation>service by public notice</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="118"/>
        <source>办案期限</source>
        <translation>case period</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="119"/>
        <source>陈述申辩期限</source>
        <translation>period for statement and defence</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="120"/>
        <source>听证申请期限</source>
        <translation>period to request a hearing</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="121"/>
        <source>决定书送达期限</source>
        <translation>period to serve the decision</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="122"/>
        <source>缴款期限</source>
        <translation>period to pay</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="510"/>
        <source>封存</source>
        <translation>sealing</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="511"/>
        <source>先行登记保存</source>
        <translation>registration and preservation</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="518"/>
        <source>解除</source>
        <translation>released</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="519"/>
        <source>转为封存</source>
        <translation>sealed</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="520"/>
        <source>依法没收</source>
        <translation>confiscated</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="521"/>
        <source>送检验鉴定</source>
        <translation>sent for examination</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="522"/>
        <source>移交有关部门</source>
        <translation>handed to another department</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="529"/>
        <source>期限内</source>
        <translation>within the period</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="530"/>
        <source>即将到期</source>
        <translation>due soon</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="531"/>
        <source>已逾期未处理</source>
        <translation>late, not decided</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="532"/>
        <source>已结束</source>
        <translation>ended</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="662"/>
        <source>公安机关</source>
        <translation>public security organ</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="663"/>
        <source>纪检监察机关</source>
        <translation>discipline inspection and supervision organ</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="664"/>
        <source>卫生健康部门</source>
        <translation>health department</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="665"/>
        <source>市场监督管理部门</source>
        <translation>market regulation department</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="666"/>
        <source>药品监督管理部门</source>
        <translation>drug regulation department</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="673"/>
        <source>已移送</source>
        <translation>referred</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="674"/>
        <source>已接收</source>
        <translation>received</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="675"/>
        <source>已反馈</source>
        <translation>answered</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="676"/>
        <source>已退回</source>
        <translation>returned</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="798"/>
        <source>封存决定书</source>
        <translation>Sealing decision</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="799"/>
        <source>先行登记保存通知书</source>
        <translation>Notice of registration and preservation</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="800"/>
        <source>封存清单</source>
        <translation>Sealing list</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="801"/>
        <source>先行登记保存清单</source>
        <translation>Registration and preservation list</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="802"/>
        <source>延长封存期限通知书</source>
        <translation>Notice extending the sealing period</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="803"/>
        <source>解除封存决定书</source>
        <translation>Decision to release the seal</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="804"/>
        <source>先行登记保存处理决定书</source>
        <translation>Decision on preserved items</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="805"/>
        <source>移送书</source>
        <translation>Referral letter</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="806"/>
        <source>案卷清单</source>
        <translation>Case file list</translation>
    </message>
</context>
<context>
    <name>NewInspectionDialog</name>
    <message>
        <location filename="../../ui/new_inspection.py" line="56"/>
        <source>新建检查</source>
        <translation>New inspection</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="67"/>
        <source>被检查机构</source>
        <translation>Institution inspected</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="71"/>
        <source>从名录查找</source>
        <translation>Find in registry</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="73"/>
        <source>机构全称</source>
        <translation>Full name of the institution</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="78"/>
        <source>如 历城区</source>
        <translation>e.g. 历城区</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="83"/>
        <source>如 住院部三楼（可不填）</source>
        <translation>e.g. inpatient ward, 3rd floor (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="84"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="85"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="86"/>
        <source>所在区县</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="88"/>
        <source>检查地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="91"/>
        <source>检查方式与专项</source>
        <translation>Mode and focus packs</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="100"/>
        <source>交叉检查时填写检查组所属区县</source>
        <translation>For a cross-district check: the team&apos;s home district</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="109"/>
        <source>不归入专项行动</source>
        <translation>Not part of a campaign</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="110"/>
        <source>专项行动</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="111"/>
        <source>检查方式</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="112"/>
        <source>检查组所属区县</source>
        <translation>Team&apos;s home district</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="113"/>
        <source>专项</source>
        <translation>Focus packs</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="118"/>
        <location filename="../../ui/new_inspection.py" line="295"/>
        <source>检查组</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="122"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="122"/>
        <source>执法证号</source>
        <translation>Enforcement certificate no.</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="122"/>
        <source>所属区县</source>
        <translation>Own district</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="122"/>
        <source>组长</source>
        <translation>Leader</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="129"/>
        <source>添加人员</source>
        <translation>Add member</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="130"/>
        <source>移除所选</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="146"/>
        <source>开始检查</source>
        <translation>Start inspection</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="147"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="297"/>
        <source>回避提示：%1 所属区县与被检查机构所在区县（%2）相同。</source>
        <translation>Recusal: %1 belong(s) to the district inspected (%2).</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="344"/>
        <source>清单共 %1 项，其中该类机构的重点 %2 项</source>
        <translation>Checklist of %1 items, %2 of them priorities for this type</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="358"/>
        <source>回避</source>
        <translation>Recusal</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="359"/>
        <source>如确需参加检查，请说明理由（将写入检查记录）：</source>
        <translation>If they must stay on the team, give the reason (it is written into the record):</translation>
    </message>
    <message>
        <location filename="../../ui/new_inspection.py" line="387"/>
        <source>无法新建检查</source>
        <translation>Cannot create the inspection</translation>
    </message>
</context>
<context>
    <name>OpenCaseDialog</name>
    <message>
        <location filename="../../ui/case_dialogs.py" line="418"/>
        <source>登记案件</source>
        <translation>Register a case</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="423"/>
        <source>所选问题</source>
        <translation>Chosen findings</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="424"/>
        <source>简要案情</source>
        <translation>Brief summary</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="425"/>
        <source>登记日期</source>
        <translation>Registered on</translation>
    </message>
</context>
<context>
    <name>OrderDialog</name>
    <message>
        <location filename="../../ui/ledger_page.py" line="289"/>
        <location filename="../../ui/ledger_page.py" line="370"/>
        <source>整改通知书</source>
        <translation>Rectification order</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="297"/>
        <source>生成整改通知书</source>
        <translation>Make the rectification order</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="307"/>
        <source>组长数字签名</source>
        <translation>Leader&apos;s digital signature</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="309"/>
        <source>组长的密钥</source>
        <translation>Leader&apos;s key</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="310"/>
        <source>口令</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="313"/>
        <source>另存…</source>
        <translation>Save a copy…</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="315"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="356"/>
        <source>该检查没有待整改或整改中的问题。</source>
        <translation>This inspection has no pending or in-progress findings.</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="360"/>
        <source>整改通知书 %1 已由组长签名。</source>
        <translation>Rectification order %1 is signed by the leader.</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="362"/>
        <source>整改通知书 %1 已生成，请组长数字签名。</source>
        <translation>Rectification order %1 is made; the leader signs it digitally.</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="367"/>
        <source>本机没有组长的密钥：生成后可在命令行签名。</source>
        <translation>This laptop has no key of the leader: once made, sign it on the command line.</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="409"/>
        <source>正在签名…</source>
        <translation>Signing…</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="417"/>
        <source>保存整改通知书</source>
        <translation>Save the rectification order</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../ui/case_dialogs.py" line="368"/>
        <source>记录缴款</source>
        <translation>Record a payment</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="374"/>
        <source>%1 %2，未缴 %3</source>
        <translation>%1 %2, unpaid %3</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="391"/>
        <source>措施</source>
        <translation>Measure</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="392"/>
        <source>缴纳金额（元）</source>
        <translation>Amount paid (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="393"/>
        <source>缴款日期</source>
        <translation>Payment date</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="394"/>
        <source>票据号</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="395"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <location filename="../../ui/case_page.py" line="1020"/>
        <source>预览（未保存）</source>
        <translation>Preview (not kept)</translation>
    </message>
    <message>
        <location filename="../../ui/case_page.py" line="1030"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <location filename="../../ui/plan_dialog.py" line="91"/>
        <location filename="../../ui/plan_dialog.py" line="276"/>
        <location filename="../../ui/plan_dialog.py" line="352"/>
        <location filename="../../ui/plan_dialog.py" line="453"/>
        <location filename="../../ui/plan_dialog.py" line="471"/>
        <source>双随机抽查</source>
        <translation>Random draw (双随机)</translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialog.py" line="106"/>
        <source>一、抽查范围</source>
        <translation>1. Pool</translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialog.py" line="109"/>
        <source>如：2026 年第四季度定点医药机构双随机抽查</source>
        <translation>e.g. Random draw of designated institutions, Q4 2026</translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialog.py" line="110"/>
        <location filename="../../ui/plan_dialog.py" line="223"/>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialog.py" line="112"/>
        <source>留空为全部区县；多个区县用顿号分隔</source>
        <translation>Empty for all districts; separate several with 、</translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialog.py" line="113"/>
        <location filename="../../ui/plan_dialog.py" line="169"/>
        <location filename="../../ui/plan_dialog.py" line="208"/>
        <source>区县</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialog.py" line="115"/>
        <source>全部类型</source>
        <translation>All types</translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialog.py" line="118"/>
        <location filename="../../ui/plan_dialog.py" line="170"/>
        <source>机构类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialog.py" line="125"/>
        <source>抽取机构数</source>
        <translation>Institutions to draw</translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialog.py" line="130"/>
        <source>每组人数</source>
        <translation>Team size</translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialog.py" line="135"/>
        <location filename="../../ui/plan_dialog.py" line="224"/>
        <source>方法</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialog.py" line="137"/>
        <source>交叉检查（被查区县的检查人员回避）</source>
        <translation>Cross-district check (inspectors of the inspected district stand aside)</translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialog.py" line="138"/>
        <source>同一检查人员可参加多个检查组</source>
        <translation>An inspector may be in several teams</translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialog.py" line="154"/>
        <source>二、候选名单（先公布名单及其 SHA-256，再取随机源）</source>
        <translation>2. Candidates (publish the list and its SHA-256 before taking the random sources)</translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialog.py" line="157"/>
        <source>生成候选名单</source>
        <translation>Make the candidate list</translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialog.py" line="167"/>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialog.py" line="168"/>
        <location filename="../../ui/plan_dialog.py" line="207"/>
        <source>机构名称</source>
        <translation>Institution</translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialog.py" line="171"/>
        <source>协议编号</source>
        <translation>Agreement no.</translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialog.py" line="172"/>
        <source>风险等级</source>
        <translation>Risk</translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialog.py" line="173"/>
        <source>信用等级</source>
        <translation>Credit</translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialog.py" line="174"/>
        <source>权重</source>
        <translation>Weight</translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialog.py" line="181"/>
        <source>三、随机源与抽取</source>
        <translation>3. Random sources and the draw</translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialog.py" line="186"/>
        <source>公开的随机数，组与组之间用 / 分隔，如彩票开奖号码：9319 / 2 5 12 8 10</source>
        <translation>Public random numbers, groups separated by /, e.g. lottery results: 9319 / 2 5 12 8 10</translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialog.py" line="189"/>
        <source>随机源</source>
        <translation>Random sources</translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialog.py" line="192"/>
        <source>预览抽取结果</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialog.py" line="194"/>
        <source>抽取并建立检查…</source>
        <translation>Draw and plan the inspections…</translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialog.py" line="206"/>
        <source>顺序</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialog.py" line="209"/>
        <source>候选序号</source>
        <translation>Candidate no.</translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialog.py" line="210"/>
        <source>组长</source>
        <translation>Leader</translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialog.py" line="211"/>
        <source>组员</source>
        <translation>Members</translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialog.py" line="218"/>
        <source>已做的抽查</source>
        <translation>Draws made</translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialog.py" line="222"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialog.py" line="225"/>
        <source>机构数</source>
        <translation>Institutions</translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialog.py" line="226"/>
        <source>密钥串</source>
        <translation>Key string</translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialog.py" line="227"/>
        <source>抽查编号</source>
        <translation>Draw id</translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialog.py" line="236"/>
        <source>导出抽查结果…</source>
        <translation>Export the result…</translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialog.py" line="312"/>
        <source>共 %1 家；候选名单 SHA-256：%2
检查人员名录 %3 人，其中可任组长 %4 人</source>
        <translation>%1 institutions; SHA-256 of the list: %2
Roster: %3 inspectors, %4 of them may lead</translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialog.py" line="381"/>
        <source>预览（未保存）。密钥串：%1</source>
        <translation>Preview (not saved). Key string: %1</translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialog.py" line="397"/>
        <source>已抽取并建立 %1 项计划检查（草稿）。抽查编号 %2；密钥串：%3</source>
        <translation>Drawn: %1 planned inspections (drafts). Draw id %2; key string: %3</translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialog.py" line="406"/>
        <location filename="../../ui/plan_dialog.py" line="503"/>
        <source>抽查结果已写入 %1（及同名 PDF 公告）</source>
        <translation>Draw result written to %1 (and a PDF notice of the same name)</translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialog.py" line="455"/>
        <source>无法写入 %1：%2
抽查已保存，可在“已做的抽查”中再次导出。</source>
        <translation>Cannot write %1: %2
The draw is saved; export it again from “Draws made”.</translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialog.py" line="353"/>
        <source>机构名录在公布候选名单后有变化：请重新生成候选名单，公布后再抽取。</source>
        <translation>The registry changed after the candidate list was published: make the list again and publish it before drawing.</translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialog.py" line="423"/>
        <source>抽查结果</source>
        <translation>Draw result</translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialog.py" line="425"/>
        <source>保存抽查结果</source>
        <translation>Save the draw result</translation>
    </message>
    <message>
        <location filename="../../ui/plan_dialog.py" line="425"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <location filename="../../ui/registry_dialog.py" line="65"/>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="66"/>
        <source>机构名称</source>
        <translation>Institution</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="67"/>
        <source>机构类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="68"/>
        <source>所在区县</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="69"/>
        <source>协议编号</source>
        <translation>Agreement no.</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="70"/>
        <source>协议到期日</source>
        <translation>Agreement expiry</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="71"/>
        <source>等级</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="72"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="73"/>
        <source>原因 / 变更</source>
        <translation>Reason / changes</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="76"/>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="77"/>
        <source>更新</source>
        <translation>Update</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="78"/>
        <source>无变化</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="79"/>
        <source>拒绝</source>
        <translation>Refused</translation>
    </message>
</context>
<context>
    <name>ProgressEntryDialog</name>
    <message>
        <location filename="../../ui/ledger_page.py" line="187"/>
        <source>记录整改进展</source>
        <translation>Rectification progress</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="195"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="196"/>
        <source>整改情况</source>
        <translation>Rectification</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="197"/>
        <source>累计追回金额（元）</source>
        <translation>Recovered so far (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="198"/>
        <source>销号只能由已签名的回头看完成。</source>
        <translation>Only a signed follow-up visit closes a finding.</translation>
    </message>
</context>
<context>
    <name>ReceiveReferralDialog</name>
    <message>
        <location filename="../../ui/case_dialogs.py" line="875"/>
        <source>登记收到的移送案件</source>
        <translation>Register a case referred to us</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="879"/>
        <source>其他部门</source>
        <translation>Other department</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="881"/>
        <source>如：历城区公安分局</source>
        <translation>e.g. Licheng District Public Security Sub-bureau</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="885"/>
        <source>涉及的定点机构或人员</source>
        <translation>The designated institution or person concerned</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="887"/>
        <source>移送部门</source>
        <translation>Sending department</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="888"/>
        <source>移送单位</source>
        <translation>Sending body</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="889"/>
        <source>来文文号</source>
        <translation>Their document number</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="890"/>
        <source>收到日期</source>
        <translation>Date received</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="891"/>
        <source>涉及的机构或人员</source>
        <translation>Institution or person concerned</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="892"/>
        <source>案情摘要</source>
        <translation>Summary of the case</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../../ui/record_dialog.py" line="51"/>
        <location filename="../../ui/record_dialog.py" line="56"/>
        <location filename="../../ui/record_dialog.py" line="122"/>
        <source>检查记录</source>
        <translation>Inspection record</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialog.py" line="69"/>
        <source>生成 / 更新记录</source>
        <translation>Make / update record</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialog.py" line="70"/>
        <source>签名…</source>
        <translation>Sign…</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialog.py" line="71"/>
        <source>制作更正记录…</source>
        <translation>Make an amendment…</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialog.py" line="73"/>
        <source>已签名的记录不能修改：更正是一项新的检查，关联原记录，原记录保持不变</source>
        <translation>A signed record cannot change: a correction is a new inspection linked to it, and the original stays as it is</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialog.py" line="75"/>
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
        <location filename="../../ui/record_dialog.py" line="161"/>
        <source>&lt;span style=&apos;color:#1e7d32&apos;&gt;✓ 与当前数据一致&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#1e7d32&apos;&gt;✓ matches the current data&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialog.py" line="164"/>
        <source>&lt;span style=&apos;color:#b3261e&apos;&gt;✗ 记录生成后数据有变更，请重新生成&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b3261e&apos;&gt;✗ the data changed after the record was made: make it again&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialog.py" line="167"/>
        <source>&lt;b&gt;签名&lt;/b&gt;</source>
        <translation>&lt;b&gt;Signatures&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialog.py" line="169"/>
        <source>（组长）</source>
        <translation> (leader)</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialog.py" line="171"/>
        <source>手写 ✓</source>
        <translation>by hand ✓</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialog.py" line="171"/>
        <source>手写 —</source>
        <translation>by hand —</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialog.py" line="172"/>
        <source>数字 ✓</source>
        <translation>digital ✓</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialog.py" line="172"/>
        <source>数字 —</source>
        <translation>digital —</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialog.py" line="177"/>
        <source>&lt;span style=&apos;color:#b3261e&apos;&gt;还需手写签名：%1&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b3261e&apos;&gt;Still to sign by hand: %1&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialog.py" line="179"/>
        <source>&lt;b&gt;已签名锁定&lt;/b&gt;：不能再修改，更正须制作更正记录。</source>
        <translation>&lt;b&gt;Signed and locked&lt;/b&gt;: no more changes; corrections need an amendment record.</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialog.py" line="191"/>
        <source>无法生成记录</source>
        <translation>Cannot make the record</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialog.py" line="193"/>
        <source>正在生成检查记录…</source>
        <translation>Making the inspection record…</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialog.py" line="201"/>
        <source>制作更正记录</source>
        <translation>Make an amendment</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialog.py" line="203"/>
        <source>将新建一项更正检查，复制原检查的答案和证据供修改；原记录保持不变。继续吗？</source>
        <translation>A new correcting inspection will be made with a copy of the original&apos;s answers and evidence to edit; the original stays as it is. Go on?</translation>
    </message>
    <message>
        <location filename="../../ui/record_dialog.py" line="222"/>
        <source>无法更正</source>
        <translation>Cannot amend</translation>
    </message>
</context>
<context>
    <name>RecordPreview</name>
    <message>
        <location filename="../../ui/record_preview.py" line="173"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../ui/record_preview.py" line="174"/>
        <source>另存为…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <location filename="../../ui/record_preview.py" line="125"/>
        <source>无法打印</source>
        <translation>Cannot print</translation>
    </message>
    <message>
        <location filename="../../ui/record_preview.py" line="221"/>
        <location filename="../../ui/record_preview.py" line="228"/>
        <source>另存为</source>
        <translation>Save as</translation>
    </message>
    <message>
        <location filename="../../ui/record_preview.py" line="221"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ReferDialog</name>
    <message>
        <location filename="../../ui/case_dialogs.py" line="690"/>
        <source>移送</source>
        <translation>Referral</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="695"/>
        <source>如：历城区公安分局</source>
        <translation>e.g. Licheng District Public Security Sub-bureau</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="700"/>
        <source>留空：按移送部门的通常依据</source>
        <translation>Empty: the usual basis for that department</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="702"/>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="709"/>
        <source>本机设备密钥（未使用检查人员的密钥）</source>
        <translation>This computer&apos;s device key (no inspector&apos;s key)</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="714"/>
        <source>移送部门</source>
        <translation>Referred to</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="715"/>
        <source>接收单位</source>
        <translation>Receiving body</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="716"/>
        <source>移送书文号</source>
        <translation>Referral letter number</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="717"/>
        <source>移送日期</source>
        <translation>Referral date</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="718"/>
        <source>涉嫌违法的事实</source>
        <translation>Facts of the suspected violation</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="719"/>
        <source>移送依据</source>
        <translation>Basis of the referral</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="720"/>
        <source>证据包保存为</source>
        <translation>Save the bundle as</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="721"/>
        <source>签名密钥</source>
        <translation>Signing key</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="722"/>
        <source>密钥口令</source>
        <translation>Key passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="729"/>
        <source>移送证据包</source>
        <translation>Referral evidence bundle</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="729"/>
        <source>证据包 (*.zip)</source>
        <translation>Bundles (*.zip)</translation>
    </message>
</context>
<context>
    <name>ReferralStepDialog</name>
    <message>
        <location filename="../../ui/case_dialogs.py" line="760"/>
        <source>登记签收</source>
        <translation>Record the receipt</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="761"/>
        <source>登记反馈</source>
        <translation>Record the feedback</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="762"/>
        <source>登记退回</source>
        <translation>Record the return</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="772"/>
        <source>签收人</source>
        <translation>Received by</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="773"/>
        <source>反馈内容</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="774"/>
        <source>退回理由</source>
        <translation>Reason for the return</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="776"/>
        <source>移送</source>
        <translation>Referral</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="777"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
</context>
<context>
    <name>RegistryImportDialog</name>
    <message>
        <location filename="../../ui/registry_dialog.py" line="164"/>
        <source>导入定点机构名单</source>
        <translation>Import the registry of designated institutions</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="172"/>
        <source>选择医保局提供的 Excel (.xlsx) 或 CSV 文件</source>
        <translation>Choose the bureau&apos;s Excel (.xlsx) or CSV file</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="173"/>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="175"/>
        <source>文件：</source>
        <translation>File:</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="182"/>
        <source>必需的列：机构名称、机构类型、所在区县；可选：协议编号、协议到期日、等级。再次导入会更新已有机构（按协议编号，无编号时按名称和区县），不会重复添加；空白单元格不改动已登记的内容。</source>
        <translation>Required columns: institution name, type, district; optional: agreement number, agreement expiry, level. Importing again updates the institutions already stored (matched by agreement number, or by name and district when there is none) and never adds them twice; blank cells leave stored values as they are.</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="198"/>
        <source>只看被拒绝的行</source>
        <translation>Only refused rows</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="238"/>
        <location filename="../../ui/registry_dialog.py" line="372"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="242"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="299"/>
        <source>第 %1 行（%2）：%3</source>
        <translation>Row %1 (%2): %3</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="313"/>
        <source>选择定点机构名单</source>
        <translation>Choose the registry file</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="315"/>
        <source>机构名单 (*.xlsx *.csv);;所有文件 (*)</source>
        <translation>Registry files (*.xlsx *.csv);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="338"/>
        <source>正在读取 %1…</source>
        <translation>Reading %1…</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="342"/>
        <source>已取消读取</source>
        <translation>Reading cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="348"/>
        <source>工作表“%1”</source>
        <translation>sheet &quot;%1&quot;</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="349"/>
        <source>表头在第 %1 行</source>
        <translation>header in row %1</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="351"/>
        <source>编码 %1</source>
        <translation>encoding %1</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="353"/>
        <source>未使用的列：%1</source>
        <translation>unused columns: %1</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="358"/>
        <source>表头下面没有数据行</source>
        <translation>No data rows below the header</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="362"/>
        <source>红色的 %1 行将不会导入，原因见最后一列；其余各行可以导入。</source>
        <translation>The %1 rows in red will not be imported (reason in the last column); the others can be.</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="368"/>
        <source>名单与已登记的内容相同，无需导入</source>
        <translation>The file matches what is stored: nothing to import</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="370"/>
        <source>导入 %1 家</source>
        <translation>Import %1</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="378"/>
        <source>共 %1 行：新增 %2，更新 %3，无变化 %4，拒绝 %5</source>
        <translation>%1 rows: %2 new, %3 updated, %4 unchanged, %5 refused</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="404"/>
        <source>正在导入机构名单…</source>
        <translation>Importing the registry…</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="408"/>
        <source>已取消导入，名单未作任何改动</source>
        <translation>Import cancelled: nothing was changed</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="416"/>
        <source>导入完成：新增 %1 家，更新 %2 家，无变化 %3 家。</source>
        <translation>Imported: %1 new, %2 updated, %3 unchanged.</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="423"/>
        <source>被拒绝的 %1 行未导入，修改文件后可再次导入。</source>
        <translation>The %1 refused rows were not imported; correct the file and import again.</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="428"/>
        <source>已导入</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location filename="../../ui/registry_dialog.py" line="438"/>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../ui/ledger_page.py" line="435"/>
        <source>情况报告</source>
        <translation>Periodic report</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="442"/>
        <source>全部区县</source>
        <translation>All districts</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="446"/>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="451"/>
        <source>开始日期</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="452"/>
        <source>结束日期</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="453"/>
        <source>区县</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="454"/>
        <source>保存为（.xlsx 或 .pdf）</source>
        <translation>Save as (.xlsx or .pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="464"/>
        <source>保存情况报告</source>
        <translation>Save the periodic report</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="464"/>
        <source>Excel 或 PDF (*.xlsx *.pdf)</source>
        <translation>Excel or PDF (*.xlsx *.pdf)</translation>
    </message>
</context>
<context>
    <name>ScanModel</name>
    <message>
        <location filename="../../ui/trace_dialog.py" line="101"/>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/trace_dialog.py" line="102"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/trace_dialog.py" line="103"/>
        <source>追溯码</source>
        <translation>Trace code</translation>
    </message>
    <message>
        <location filename="../../ui/trace_dialog.py" line="104"/>
        <source>方式</source>
        <translation>Read by</translation>
    </message>
    <message>
        <location filename="../../ui/trace_dialog.py" line="105"/>
        <source>结论</source>
        <translation>Finding</translation>
    </message>
    <message>
        <location filename="../../ui/trace_dialog.py" line="106"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/trace_dialog.py" line="122"/>
        <source>重复扫描（首次为第 %1 次扫描），只计一次</source>
        <translation>Scanned again (first as scan %1), counted once</translation>
    </message>
    <message>
        <location filename="../../ui/trace_dialog.py" line="125"/>
        <source>结算 %1 次，¥%2</source>
        <translation>Settled %1 time(s), ¥%2</translation>
    </message>
</context>
<context>
    <name>SealingListDialog</name>
    <message>
        <location filename="../../ui/evidence/sealing.py" line="66"/>
        <source>封存清单</source>
        <translation>Sealing list</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/sealing.py" line="70"/>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/sealing.py" line="71"/>
        <location filename="../../ui/evidence/sealing.py" line="109"/>
        <source>物品名称及描述</source>
        <translation>Item and description</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/sealing.py" line="72"/>
        <location filename="../../ui/evidence/sealing.py" line="87"/>
        <location filename="../../ui/evidence/sealing.py" line="113"/>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/sealing.py" line="73"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/sealing.py" line="74"/>
        <location filename="../../ui/evidence/sealing.py" line="114"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/sealing.py" line="75"/>
        <source>照片</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/sealing.py" line="85"/>
        <source>如：阿莫西林胶囊 0.25g×24 粒，批号 20240301</source>
        <translation>e.g. Amoxicillin capsules 0.25 g × 24, batch 20240301</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/sealing.py" line="92"/>
        <source>封存地点、封条编号等（可不填）</source>
        <translation>Where it is sealed, seal number, etc. (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/sealing.py" line="99"/>
        <source>列入封存清单</source>
        <translation>Add to sealing list</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/sealing.py" line="101"/>
        <source>移除所选行</source>
        <translation>Remove selected lines</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/sealing.py" line="103"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/sealing.py" line="115"/>
        <source>照片（勾选）</source>
        <translation>Photos (tick)</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/sealing.py" line="153"/>
        <source>、</source>
        <comment>between the names of the photos of a line</comment>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/evidence/sealing.py" line="176"/>
        <source>检查已结束或已签字：封存清单只能查看</source>
        <translation>The inspection is finished or signed: the sealing list can only be viewed</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/sealing.py" line="220"/>
        <source>未列入：%1</source>
        <translation>Not added: %1</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/sealing.py" line="209"/>
        <source>已列入第 %1 项</source>
        <translation>Added as line %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/evidence/sealing.py" line="242"/>
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
        <location filename="../../ui/lock.py" line="187"/>
        <source>保护本机数据</source>
        <translation>Protect the data on this computer</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="192"/>
        <source>检查记录含有个人信息和工作秘密。请设置口令：本机的数据库、照片、记录和密钥都将加密保存，笔记本电脑丢失也不会泄露。每次启动和锁定后需输入口令。</source>
        <translation>Inspection records hold personal data and work secrets. Set a passphrase: the database, photos, records and keys on this computer are then kept encrypted, so a lost laptop leaks nothing. The passphrase is asked at every start and after a lock.</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="200"/>
        <source>您的执法证号</source>
        <translation>Your enforcement ID</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="201"/>
        <source>执法证号</source>
        <translation>Enforcement ID</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="204"/>
        <source>口令</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="207"/>
        <source>再输入一次</source>
        <translation>Again</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="214"/>
        <source>加密并开始</source>
        <translation>Encrypt and start</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="216"/>
        <source>不加密（不建议）</source>
        <translation>Do not encrypt (not recommended)</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="218"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="229"/>
        <source>两次输入的口令不一致</source>
        <translation>The two passphrases differ</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../ui/lock.py" line="72"/>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="72"/>
        <location filename="../../ui/lock.py" line="98"/>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="76"/>
        <source>Inspector 已锁定，数据已关闭。请输入口令解锁；未保存的输入不会丢失。</source>
        <translation>Inspector is locked and its data are closed. Enter the passphrase to unlock; nothing typed is lost.</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="78"/>
        <source>本机数据已加密。请选择检查人员并输入口令。</source>
        <translation>The data on this computer are encrypted. Choose the inspector and enter the passphrase.</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="88"/>
        <source>执法证号</source>
        <translation>Enforcement ID</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="91"/>
        <source>口令</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="98"/>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="100"/>
        <source>用系统钥匙串</source>
        <translation>Use the system keyring</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="102"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="123"/>
        <source>已连续输错 %1 次口令，请等待 %2 秒后再试。</source>
        <translation>%1 wrong passphrases in a row: wait %2 s before trying again.</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="133"/>
        <source>已连续输错 %1 次口令，现在可以再试。</source>
        <translation>%1 wrong passphrases in a row: you can try again now.</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="161"/>
        <source>口令不正确，数据目录未打开。</source>
        <translation>Wrong passphrase; the data directory was not opened.</translation>
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
        <location filename="../../ui/signing_dialog.py" line="79"/>
        <location filename="../../ui/signing_dialog.py" line="192"/>
        <location filename="../../ui/signing_dialog.py" line="314"/>
        <location filename="../../ui/signing_dialog.py" line="470"/>
        <location filename="../../ui/signing_dialog.py" line="478"/>
        <location filename="../../ui/signing_dialog.py" line="500"/>
        <source>签名</source>
        <translation>Signatures</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="92"/>
        <source>如 院长、负责人</source>
        <translation>e.g. director, person in charge</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="102"/>
        <source>职务</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="108"/>
        <source>手写签名</source>
        <translation>Handwritten signature</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="257"/>
        <location filename="../../ui/signing_dialog.py" line="322"/>
        <source>（组长）</source>
        <translation> (leader)</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="260"/>
        <source>检查人员 %1%2</source>
        <translation>Inspector %1%2</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="111"/>
        <source>被检查单位代表</source>
        <translation>Institution&apos;s representative</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="112"/>
        <source>拒绝签名（由见证人签名）</source>
        <translation>Refuses to sign (a witness signs)</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="114"/>
        <source>拒签理由</source>
        <translation>Reason for refusing</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="130"/>
        <source>保存签名</source>
        <translation>Save signature</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="151"/>
        <location filename="../../ui/signing_dialog.py" line="156"/>
        <location filename="../../ui/signing_dialog.py" line="518"/>
        <location filename="../../ui/signing_dialog.py" line="534"/>
        <source>数字签名</source>
        <translation>Digital signature</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="159"/>
        <source>管理密钥…</source>
        <translation>Manage keys…</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="161"/>
        <source>密钥</source>
        <translation>Key</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="162"/>
        <source>口令</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="167"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="320"/>
        <source>&lt;b&gt;签名情况&lt;/b&gt;</source>
        <translation>&lt;b&gt;Signatures&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="325"/>
        <source>%1%2：手写 %3&#x3000;数字 %4</source>
        <translation>%1%2: by hand %3   digital %4</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="328"/>
        <source>被检查单位代表：—</source>
        <translation>Representative: —</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="330"/>
        <source>被检查单位代表：拒签（%1）</source>
        <translation>Representative: refused (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="332"/>
        <source>被检查单位代表：✓ %1</source>
        <translation>Representative: ✓ %1</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="334"/>
        <source>还没有生成记录：手写签名完成后生成记录，核对后再数字签名。</source>
        <translation>No record yet: make it once the handwritten signatures are in, check it, then sign digitally.</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="336"/>
        <source>记录生成后有变更：请重新生成记录后再数字签名。</source>
        <translation>The data changed after the record was made: make it again before signing.</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="341"/>
        <source>&lt;b&gt;已签名锁定&lt;/b&gt;</source>
        <translation>&lt;b&gt;Signed and locked&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="366"/>
        <source>（试用）</source>
        <translation> (trial)</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="396"/>
        <source>未保存</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="403"/>
        <source>被检查单位、记录人、回避告知</source>
        <translation>Party, recorder, recusal notice</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="281"/>
        <location filename="../../ui/signing_dialog.py" line="411"/>
        <source>18 位，见营业执照</source>
        <translation>18 characters, on the business licence</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="414"/>
        <source>（未指定）</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="415"/>
        <source>已告知被检查单位有申请检查人员回避的权利</source>
        <translation>The party was told of its right to ask for an inspector&apos;s recusal</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="417"/>
        <source>被检查单位的答复，如 不申请回避</source>
        <translation>The party&apos;s reply, e.g. no recusal requested</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="418"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="420"/>
        <source>法定代表人/负责人</source>
        <translation>Legal representative / person in charge</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="421"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="422"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="279"/>
        <location filename="../../ui/signing_dialog.py" line="423"/>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="88"/>
        <source>被检查单位意见</source>
        <translation>Party’s opinion of the record</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="94"/>
        <source>照录被检查单位对本记录的意见；没有则留空</source>
        <translation>The party’s opinion of this record, as given; leave empty if none</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="96"/>
        <source>保存意见</source>
        <translation>Save opinion</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="99"/>
        <source>每行一人：姓名 职务（提出意见人以外的在场人员）</source>
        <translation>One per line: name and title (present for the party besides the person giving its opinion)</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="101"/>
        <source>提出意见人</source>
        <translation>Given by</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="103"/>
        <source>意见</source>
        <translation>Opinion</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="104"/>
        <source>其他在场人员</source>
        <translation>Others present</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="116"/>
        <source>见证人姓名</source>
        <translation>Witness&apos;s name</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="118"/>
        <source>见证人身份证号码</source>
        <translation>Witness&apos;s ID card number</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="122"/>
        <source>见证人与被检查单位的关系，如 无关系、本单位职工</source>
        <translation>Witness&apos;s relation to the party, e.g. none, employee of the party</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="126"/>
        <source>核对方式：阅看本屏记录全文后在签名页签名</source>
        <translation>Confirmed by: reading the whole record on this screen, then signing the signature page</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="127"/>
        <source>核对方式：在打印的记录每页签字</source>
        <translation>Confirmed by: initials on every page of the printed record</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="200"/>
        <source>记录全文（签名前请被检查单位代表逐页阅看）</source>
        <translation>The whole record (the party&apos;s representative reads every page before signing)</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="211"/>
        <source>重新显示记录</source>
        <translation>Show the record again</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="222"/>
        <source>正在排版记录…</source>
        <translation>Laying out the record…</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="243"/>
        <source>共 %1 页。被检查单位代表阅看后签名；数据再有变更须重新签名。</source>
        <translation>%1 pages. The party&apos;s representative signs after reading them; any later change of the data means signing again.</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="279"/>
        <source>身份证号</source>
        <translation>ID card number</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="281"/>
        <source>18 位，见身份证</source>
        <translation>18 characters, on the ID card</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="339"/>
        <source>&lt;span style=&apos;color:#b3261e&apos;&gt;还需手写签名：%1&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b3261e&apos;&gt;Still to sign by hand: %1&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="424"/>
        <source>记录人</source>
        <translation>Recorder</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="426"/>
        <source>答复</source>
        <translation>Reply</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="470"/>
        <source>请先在签名框内签名</source>
        <translation>Please sign in the box first</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="478"/>
        <source>记录尚未显示：请待记录显示、对方阅看后再签名</source>
        <translation>The record is not shown yet: wait until it is shown and the party has read it, then sign</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="500"/>
        <source>请先填写被检查单位代表的姓名</source>
        <translation>Please enter the representative&apos;s name first</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="519"/>
        <source>没有本检查组成员的密钥：请先在“管理密钥”中导入或生成</source>
        <translation>No key of a team member: import or make one under &quot;Manage keys&quot;</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="529"/>
        <source>已签名。</source>
        <translation>Signed. </translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="530"/>
        <source>还需签名：%1</source>
        <translation>Still to sign: %1</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="532"/>
        <source>全部签名已完成，记录已锁定。</source>
        <translation>All signatures are in; the record is locked.</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="540"/>
        <source>未签名</source>
        <translation>Not signed</translation>
    </message>
    <message>
        <location filename="../../ui/signing_dialog.py" line="542"/>
        <source>正在签名…</source>
        <translation>Signing…</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <location filename="../../ui/case_dialogs.py" line="201"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="206"/>
        <source>承办人执法证号（两名以上，逗号分隔）</source>
        <translation>Case officers&apos; certificate nos. (two or more, comma-separated)</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="207"/>
        <source>批准立案的负责人</source>
        <translation>Head approving the filing</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="208"/>
        <source>立案文号（可空）</source>
        <translation>Filing number (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="210"/>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="211"/>
        <location filename="../../ui/case_dialogs.py" line="264"/>
        <source>批准的负责人</source>
        <translation>Approving head</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="213"/>
        <source>查明的违法事实</source>
        <translation>Facts of the violation found</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="214"/>
        <source>证据</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="215"/>
        <location filename="../../ui/case_dialogs.py" line="237"/>
        <location filename="../../ui/case_dialogs.py" line="241"/>
        <location filename="../../ui/case_dialogs.py" line="244"/>
        <location filename="../../ui/case_dialogs.py" line="246"/>
        <location filename="../../ui/case_dialogs.py" line="256"/>
        <source>承办人执法证号</source>
        <translation>Case officer&apos;s certificate no.</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="217"/>
        <source>法制审核人员（非本案承办人）</source>
        <translation>Legal reviewer (not a case officer)</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="218"/>
        <source>审核人员执法证号（可空）</source>
        <translation>Reviewer&apos;s certificate no. (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="219"/>
        <source>审核意见</source>
        <translation>Review opinion</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="220"/>
        <source>审核通过（不通过则退回调查取证）</source>
        <translation>Passed (if not, the case goes back to investigation)</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="227"/>
        <source>送达方式</source>
        <translation>Way of service</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="228"/>
        <source>受送达人（签收人）</source>
        <translation>Recipient (who signs for it)</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="229"/>
        <source>见证人（留置送达）</source>
        <translation>Witness (service left at the premises)</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="230"/>
        <source>当事人已书面同意电子送达</source>
        <translation>The party agreed in writing to electronic service</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="234"/>
        <source>按本局设置（默认 5 个工作日）</source>
        <translation>The bureau&apos;s setting (5 working days by default)</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="235"/>
        <source>陈述申辩期限（工作日）</source>
        <translation>Period for statement and defence (working days)</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="236"/>
        <source>告知书文号（可空）</source>
        <translation>Notice number (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="239"/>
        <source>陈述申辩的内容</source>
        <translation>Content of the statement and defence</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="240"/>
        <source>口头陈述（已制作笔录）</source>
        <translation>Oral statement (put in a record)</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="243"/>
        <source>当事人已书面放弃陈述申辩和听证</source>
        <translation>The party waived statement, defence and hearing in writing</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="248"/>
        <source>听证主持人（非本案调查人员）</source>
        <translation>Hearing host (not an investigator of the case)</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="249"/>
        <source>主持人执法证号（可空）</source>
        <translation>Host&apos;s certificate no. (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="250"/>
        <source>听证情况</source>
        <translation>Account of the hearing</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="252"/>
        <source>作出决定的负责人</source>
        <translation>Head making the decision</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="253"/>
        <source>决定书文号</source>
        <translation>Decision number</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="255"/>
        <source>未全部缴清时的理由（可空）</source>
        <translation>Reason when not everything is paid (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="258"/>
        <source>批准结案的负责人</source>
        <translation>Head approving the closing</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="263"/>
        <source>延长天数</source>
        <translation>Days of extension</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="265"/>
        <source>延期理由</source>
        <translation>Reason for the extension</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="266"/>
        <source>经集体讨论决定</source>
        <translation>Decided by collective discussion</translation>
    </message>
</context>
<context>
    <name>StockDialog</name>
    <message>
        <location filename="../../ui/stock_dialog.py" line="118"/>
        <location filename="../../ui/stock_dialog.py" line="163"/>
        <source>进销存核对 · %1</source>
        <translation>Stock reconciliation · %1</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialog.py" line="122"/>
        <source>选择核对期间和文件，然后点“核对”。</source>
        <translation>Choose the period and the files, then click “Reconcile”.</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialog.py" line="140"/>
        <source>违规类别</source>
        <translation>Violation category</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialog.py" line="142"/>
        <source>（不指定）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialog.py" line="144"/>
        <source>存为条目 P6.5 的证据并记录</source>
        <translation>Store as evidence of P6.5 and record</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialog.py" line="169"/>
        <source>本次检查的清单中没有条目 P6.5</source>
        <translation>The checklist of this inspection has no item P6.5</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialog.py" line="174"/>
        <source>核对期间与资料（Excel 或 CSV）</source>
        <translation>Period and files (Excel or CSV)</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialog.py" line="184"/>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialog.py" line="187"/>
        <source>核对期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialog.py" line="191"/>
        <source>必需</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialog.py" line="191"/>
        <source>可选</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialog.py" line="192"/>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialog.py" line="199"/>
        <source>核对</source>
        <translation>Reconcile</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialog.py" line="206"/>
        <source>购进记录</source>
        <translation>Purchases</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialog.py" line="207"/>
        <source>销售（发药）记录</source>
        <translation>Sales (dispensing)</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialog.py" line="208"/>
        <source>医保结算记录</source>
        <translation>Settlements</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialog.py" line="209"/>
        <source>期初库存</source>
        <translation>Opening stock</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialog.py" line="210"/>
        <source>现场盘点</source>
        <translation>Count on site</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialog.py" line="217"/>
        <source>选择文件</source>
        <translation>Choose a file</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialog.py" line="219"/>
        <source>表格 (*.xlsx *.csv *.txt)</source>
        <translation>Tables (*.xlsx *.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialog.py" line="235"/>
        <location filename="../../ui/stock_dialog.py" line="253"/>
        <location filename="../../ui/stock_dialog.py" line="320"/>
        <source>进销存核对</source>
        <translation>Stock reconciliation</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialog.py" line="236"/>
        <source>请选择：%1</source>
        <translation>Choose: %1</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialog.py" line="272"/>
        <source>%1 第 %2 行：%3</source>
        <translation>%1 row %2: %3</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialog.py" line="285"/>
        <source>核对品种 %1 个，有差异 %2 个；结算量超出销售量涉及金额 ¥%3</source>
        <translation>%1 drugs reconciled, %2 with gaps; settled beyond sold: ¥%3</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialog.py" line="243"/>
        <source>正在核对…</source>
        <translation>Reconciling…</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialog.py" line="257"/>
        <source>正在读取进销存资料…</source>
        <translation>Reading the stock files…</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialog.py" line="276"/>
        <source>有无法读取的行：未进行核对，请修改文件后重新核对。</source>
        <translation>Some rows cannot be read: nothing was reconciled. Correct the files and reconcile again.</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialog.py" line="291"/>
        <source>有文件没有规格列：按药品名称比对。</source>
        <translation>A file has no specification column: drugs matched by name.</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialog.py" line="313"/>
        <source>核对表已存为条目 P6.5 的证据，差异已记为该条目的问题。</source>
        <translation>The table is stored as evidence of P6.5 and the gaps are recorded as its finding.</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialog.py" line="315"/>
        <source>核对表已存为条目 P6.5 的证据（无差异）。</source>
        <translation>The table is stored as evidence of P6.5 (no gaps).</translation>
    </message>
    <message>
        <location filename="../../ui/stock_dialog.py" line="325"/>
        <source>正在保存核对表…</source>
        <translation>Saving the table…</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <location filename="../../ui/sync_dialog.py" line="53"/>
        <source>与局端服务器同步</source>
        <translation>Sync with the bureau&apos;s server</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="62"/>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="67"/>
        <source>服务器地址</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="68"/>
        <source>登记码</source>
        <translation>Enrollment code</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="69"/>
        <location filename="../../ui/sync_dialog.py" line="162"/>
        <source>本局 CA 证书</source>
        <translation>Bureau CA certificate</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="74"/>
        <source>登记本机</source>
        <translation>Enroll this laptop</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="76"/>
        <source>同步（推送）</source>
        <translation>Sync (push)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="78"/>
        <source>更新基础数据</source>
        <translation>Update reference data</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="81"/>
        <source>领取任务</source>
        <translation>Pull assignments</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="89"/>
        <source>局端下达的任务</source>
        <translation>Assignments from the office</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="92"/>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="92"/>
        <source>对象</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="92"/>
        <source>检查组</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="92"/>
        <source>期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="92"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="121"/>
        <source>已撤回</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="122"/>
        <source>未建立</source>
        <translation>Not created</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="123"/>
        <source>已核查</source>
        <translation>Verified</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="124"/>
        <source>待核查</source>
        <translation>To verify</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="125"/>
        <source>待检查</source>
        <translation>To inspect</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="126"/>
        <source>检查中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="127"/>
        <source>待签字</source>
        <translation>Awaiting signatures</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="128"/>
        <source>已签署</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="134"/>
        <source>检查</source>
        <translation>Inspection</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="134"/>
        <source>线索</source>
        <translation>Lead</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="148"/>
        <source>本机尚未登记到局端服务器</source>
        <translation>This laptop is not enrolled with the bureau&apos;s server</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="151"/>
        <source>已登记到 %1（%2）</source>
        <translation>Enrolled with %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="162"/>
        <source>证书 (*.pem *.crt)</source>
        <translation>Certificates (*.pem *.crt)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="181"/>
        <source>正在登记…</source>
        <translation>Enrolling…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="190"/>
        <source>已登记，可以同步</source>
        <translation>Enrolled; ready to sync</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="195"/>
        <source>正在推送…</source>
        <translation>Pushing…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="202"/>
        <source>正在推送到局端服务器…</source>
        <translation>Pushing to the bureau&apos;s server…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="204"/>
        <source>已取消；已送达的部分下次继续，不必重传</source>
        <translation>Cancelled; what already arrived is kept and the next sync goes on from there</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="211"/>
        <source>服务器已确认 %1 项检查（新增 %2 条，更新 %3 条）；发送 %4 MB</source>
        <translation>The server confirmed %1 inspection(s) (%2 rows added, %3 updated); %4 MB sent</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="220"/>
        <source>本机时钟与服务器相差约 %1 秒，已按服务器时间推送；请校准本机时间</source>
        <translation>This computer&apos;s clock is about %1 seconds off the server&apos;s; the push used the server&apos;s time. Please set this computer&apos;s clock</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="231"/>
        <location filename="../../ui/sync_dialog.py" line="238"/>
        <source>正在更新基础数据…</source>
        <translation>Updating reference data…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="243"/>
        <source>已安装 %1 第 %2 版</source>
        <translation>Installed %1 version %2</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="246"/>
        <source>未安装 %1 第 %2 版（仍用上一版）：%3</source>
        <translation>Did not install %1 version %2 (the previous one stays in use): %3</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="249"/>
        <source>基础数据已是最新</source>
        <translation>Reference data is up to date</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="254"/>
        <source>正在领取任务…</source>
        <translation>Pulling assignments…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="262"/>
        <source>正在领取局端下达的任务…</source>
        <translation>Pulling the office&apos;s assignments…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_dialog.py" line="268"/>
        <source>新领取 %1 项（检查 %2，线索 %3）；已领取过 %4 项；新撤回 %5 项</source>
        <translation>Pulled %1 new (%2 inspections, %3 leads); %4 pulled before; %5 newly withdrawn</translation>
    </message>
</context>
<context>
    <name>TraceDialog</name>
    <message>
        <location filename="../../ui/trace_dialog.py" line="65"/>
        <source>重复结算</source>
        <translation>Settled more than once</translation>
    </message>
    <message>
        <location filename="../../ui/trace_dialog.py" line="66"/>
        <source>已结算仍在架</source>
        <translation>Settled yet on the shelf</translation>
    </message>
    <message>
        <location filename="../../ui/trace_dialog.py" line="67"/>
        <source>非本机构购进</source>
        <translation>Bought by another institution</translation>
    </message>
    <message>
        <location filename="../../ui/trace_dialog.py" line="68"/>
        <source>无购进记录</source>
        <translation>No purchase record</translation>
    </message>
    <message>
        <location filename="../../ui/trace_dialog.py" line="69"/>
        <source>正常</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../ui/trace_dialog.py" line="77"/>
        <source>扫码枪</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <location filename="../../ui/trace_dialog.py" line="78"/>
        <source>摄像头</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../../ui/trace_dialog.py" line="79"/>
        <source>手工输入</source>
        <translation>Typed</translation>
    </message>
    <message>
        <location filename="../../ui/trace_dialog.py" line="80"/>
        <source>命令行</source>
        <translation>Command line</translation>
    </message>
    <message>
        <location filename="../../ui/trace_dialog.py" line="93"/>
        <source>“%1”不是药品追溯码：%2</source>
        <translation>“%1” is not a drug traceability code: %2</translation>
    </message>
    <message>
        <location filename="../../ui/trace_dialog.py" line="164"/>
        <location filename="../../ui/trace_dialog.py" line="243"/>
        <source>追溯码扫码核查 · %1</source>
        <translation>Trace code sweep · %1</translation>
    </message>
    <message>
        <location filename="../../ui/trace_dialog.py" line="169"/>
        <source>用扫码枪逐盒扫描药品追溯码（每扫一盒自动回车），或点“摄像头”拍下药盒上的码。每个码与结算明细和购进记录比对，结果即时显示。</source>
        <translation>Scan each box&apos;s drug traceability code with the scanner (it presses Enter after each box), or take a photo of the code with “Camera”. Each code is checked against the settlement detail and the purchase records, and the finding is shown at once.</translation>
    </message>
    <message>
        <location filename="../../ui/trace_dialog.py" line="177"/>
        <source>在此扫码（20 位药品追溯码，回车结束）</source>
        <translation>Scan here (a 20-digit traceability code, ended by Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/trace_dialog.py" line="181"/>
        <source>摄像头…</source>
        <translation>Camera…</translation>
    </message>
    <message>
        <location filename="../../ui/trace_dialog.py" line="184"/>
        <source>导入购进追溯码…</source>
        <translation>Import purchase codes…</translation>
    </message>
    <message>
        <location filename="../../ui/trace_dialog.py" line="207"/>
        <source>违规类别</source>
        <translation>Violation</translation>
    </message>
    <message>
        <location filename="../../ui/trace_dialog.py" line="209"/>
        <source>（不指定）</source>
        <translation>(not specified)</translation>
    </message>
    <message>
        <location filename="../../ui/trace_dialog.py" line="211"/>
        <source>完成扫码：存为条目 P6.5 的证据并记录问题</source>
        <translation>Finish: store as evidence of P6.5 and record the finding</translation>
    </message>
    <message>
        <location filename="../../ui/trace_dialog.py" line="215"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/trace_dialog.py" line="229"/>
        <source>正在读取结算明细和购进记录…</source>
        <translation>Reading the settlement detail and the purchase records…</translation>
    </message>
    <message>
        <location filename="../../ui/trace_dialog.py" line="252"/>
        <source>本次检查的清单中没有条目 P6.5</source>
        <translation>This inspection&apos;s checklist has no item P6.5</translation>
    </message>
    <message>
        <location filename="../../ui/trace_dialog.py" line="256"/>
        <source>本次检查未导入结算明细：不核对结算。</source>
        <translation>No settlement detail imported for this inspection: settlements are not checked.</translation>
    </message>
    <message>
        <location filename="../../ui/trace_dialog.py" line="258"/>
        <source>未导入购进追溯码：不核对购进。</source>
        <translation>No purchase codes imported: purchases are not checked.</translation>
    </message>
    <message>
        <location filename="../../ui/trace_dialog.py" line="289"/>
        <source>（未记录）</source>
        <translation> (not recorded)</translation>
    </message>
    <message>
        <location filename="../../ui/trace_dialog.py" line="321"/>
        <source>第 %1 次扫描：%2 %3</source>
        <translation>Scan %1: %2 %3</translation>
    </message>
    <message>
        <location filename="../../ui/trace_dialog.py" line="334"/>
        <source>未记录：%1</source>
        <translation>Not recorded: %1</translation>
    </message>
    <message>
        <location filename="../../ui/trace_dialog.py" line="337"/>
        <source>（另有 %1 个码未记录，请重新扫描）</source>
        <translation> (%1 more code(s) not recorded: scan them again)</translation>
    </message>
    <message>
        <location filename="../../ui/trace_dialog.py" line="360"/>
        <source>扫码 %1 次，追溯码 %2 个（重复扫描 %3 次，只计一次）：%4</source>
        <translation>%1 scans, %2 codes (%3 scanned again, counted once): %4</translation>
    </message>
    <message>
        <location filename="../../ui/trace_dialog.py" line="403"/>
        <source>照片中未识别到条码：请对准药盒上的追溯码再拍</source>
        <translation>No barcode found in the photo: aim at the box&apos;s traceability code and take it again</translation>
    </message>
    <message>
        <location filename="../../ui/trace_dialog.py" line="412"/>
        <source>选择购进追溯码文件</source>
        <translation>Choose the purchase codes file</translation>
    </message>
    <message>
        <location filename="../../ui/trace_dialog.py" line="412"/>
        <source>表格 (*.xlsx *.csv *.txt)</source>
        <translation>Tables (*.xlsx *.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../../ui/trace_dialog.py" line="430"/>
        <source>第 %1 行 %2</source>
        <translation>row %1 %2</translation>
    </message>
    <message>
        <location filename="../../ui/trace_dialog.py" line="433"/>
        <source>%1 有无法读取的行，未导入：%2</source>
        <translation>%1 has rows that cannot be read; nothing imported: %2</translation>
    </message>
    <message>
        <location filename="../../ui/trace_dialog.py" line="437"/>
        <source>已导入 %1：追溯码 %2 个</source>
        <translation>Imported %1: %2 traceability codes</translation>
    </message>
    <message>
        <location filename="../../ui/trace_dialog.py" line="468"/>
        <source>扫码记录已存为条目 P6.5 的证据；发现问题的追溯码 %1 个，涉及结算金额 ¥%2，已记为该条目的问题。</source>
        <translation>The scan log is stored as evidence of P6.5; %1 code(s) with findings, settlements of ¥%2, recorded as the item&apos;s finding.</translation>
    </message>
    <message>
        <location filename="../../ui/trace_dialog.py" line="475"/>
        <source>扫码记录已存为条目 P6.5 的证据；未发现问题。</source>
        <translation>The scan log is stored as evidence of P6.5; nothing found.</translation>
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
        <location filename="../../ui/trust_dialog.py" line="127"/>
        <source>已加入信任列表：%1</source>
        <translation>Added to the trust list: %1</translation>
    </message>
    <message>
        <location filename="../../ui/trust_dialog.py" line="143"/>
        <source>已从信任列表移除：%1</source>
        <translation>Removed from the trust list: %1</translation>
    </message>
    <message>
        <location filename="../../ui/trust_dialog.py" line="159"/>
        <source>选择医保局 CA 的证书</source>
        <translation>Choose the bureau CA&apos;s certificate</translation>
    </message>
    <message>
        <location filename="../../ui/trust_dialog.py" line="161"/>
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
    <name>VerdictDialog</name>
    <message>
        <location filename="../../ui/ledger_page.py" line="247"/>
        <source>回头看结论</source>
        <translation>Follow-up verdict</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="251"/>
        <source>已整改</source>
        <translation>Rectified</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="252"/>
        <source>部分整改</source>
        <translation>Partly rectified</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="253"/>
        <source>未整改</source>
        <translation>Not rectified</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="258"/>
        <source>整改结论</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="259"/>
        <source>情况说明</source>
        <translation>What was found</translation>
    </message>
    <message>
        <location filename="../../ui/ledger_page.py" line="260"/>
        <source>整改材料和照片请在回头看的检查清单中附到该条目下。</source>
        <translation>Attach the rectification documents and photos to this item in the follow-up&apos;s checklist.</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../ui/trust_dialog.py" line="184"/>
        <source>验证记录文件</source>
        <translation>Verify a record file</translation>
    </message>
    <message>
        <location filename="../../ui/trust_dialog.py" line="186"/>
        <source>选择一个已签名的记录 PDF</source>
        <translation>Choose a signed record PDF</translation>
    </message>
    <message>
        <location filename="../../ui/trust_dialog.py" line="193"/>
        <source>选择文件…</source>
        <translation>Choose a file…</translation>
    </message>
    <message>
        <location filename="../../ui/trust_dialog.py" line="195"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/trust_dialog.py" line="209"/>
        <source>正在验证 %1…</source>
        <translation>Verifying %1…</translation>
    </message>
    <message>
        <location filename="../../ui/trust_dialog.py" line="216"/>
        <source>正在验证签名…</source>
        <translation>Verifying the signatures…</translation>
    </message>
    <message>
        <location filename="../../ui/trust_dialog.py" line="221"/>
        <source>结论：%1</source>
        <translation>Verdict: %1</translation>
    </message>
    <message>
        <location filename="../../ui/trust_dialog.py" line="232"/>
        <source>选择记录文件</source>
        <translation>Choose the record file</translation>
    </message>
    <message>
        <location filename="../../ui/trust_dialog.py" line="232"/>
        <source>PDF 文件 (*.pdf);;所有文件 (*)</source>
        <translation>PDF files (*.pdf);;All files (*)</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <location filename="../../ui/visit_dialog.py" line="54"/>
        <source>检查时间与执法主体</source>
        <translation>Inspection time and issuing authority</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="63"/>
        <source>开始时间</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="64"/>
        <source>结束时间</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="66"/>
        <source>执法主体</source>
        <translation>Issuing authority</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="69"/>
        <source>默认取本机时钟；请按实际填写。交叉检查的执法主体为组织检查的医疗保障局。</source>
        <translation>Taken from this laptop&apos;s clock until entered; enter the actual times. In a cross-district check the issuing authority is the bureau that organizes it.</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="82"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="84"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="102"/>
        <source>检查时间</source>
        <translation>Inspection time</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="114"/>
        <source>（本机未设置执法主体）</source>
        <translation>(no issuing authority set on this laptop)</translation>
    </message>
    <message>
        <location filename="../../ui/visit_dialog.py" line="148"/>
        <source>无法保存</source>
        <translation>Cannot save</translation>
    </message>
</context>
</TS>
