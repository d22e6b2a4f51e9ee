"""The 追溯码 sweep on site: codes scanned from the institution's shelf (a USB scanner typing
them, or the laptop's camera) checked against the settlement detail (inspector/settlement/) and
the institution's purchase records. codes.py reads and validates a code, classify.py is the one
DuckDB query over all codes, purchases.py imports the purchase records, scans.py keeps the
hash-chained scan log, report.py its PDF, service.py puts the hits on the checklist."""

ITEM = "P6.5"  # 药品进销存数据与上传医保费用一致: the item a sweep's finding and its log go to

# The classifications, in the order of their weight: a scan shows the first that applies.
REPEATED = "重复结算"  # the code settled more than once
RETURNED = "已结算仍在架"  # settled, yet the box is on the shelf: 回流药
OTHER_BUYER = "非本机构购进"  # only another institution's purchase records name it
NOT_PURCHASED = "无购进记录"  # no purchase record names it
NORMAL = "正常"
RESULTS = (REPEATED, RETURNED, OTHER_BUYER, NOT_PURCHASED, NORMAL)
HITS = (REPEATED, RETURNED, OTHER_BUYER, NOT_PURCHASED)

SOURCES = {"scanner": "扫码枪", "camera": "摄像头", "typed": "手工输入", "stdin": "命令行"}
