"""After the visit: the problem ledger (问题台账) of the findings of signed inspections,
their rectification and case path, the 回头看 that closes them, the rectification order and the
periodic report (情况报告). Core only: the command line (``ledger``, ``report``) and the app's
台账 screen are faces over these modules.

- :mod:`inspector.ledger.entries`: ledger rows, statuses, filters, search, the Excel export;
- :mod:`inspector.ledger.cases`: the case path of a finding (协议处理 … 移送纪检监察);
- :mod:`inspector.ledger.follow_up`: the 回头看 made from the ledger, its verdicts, and what
  signing it does to the ledger;
- :mod:`inspector.ledger.report`: the figures of a 情况报告, its workbook and PDF with charts;
- :mod:`inspector.ledger.order`: the rectification order (整改通知书), built and signed.
"""
