"""进销存 reconciliation (seed 000 point 6): ledgers.py reads the files, reconcile.py is the
pure table, report.py its PDF, service.py puts it on the checklist item below."""

ITEM = "P6.5"  # 药品进销存数据与上传医保费用一致: where the table and its finding go
