"""The case procedure (案件): from findings of signed inspections (or a lead) to a decision,
its service, its execution and 结案.

Open a case, then step it; every step is one audited change (``ws.change``) with its date and
the people who took it, and a step out of order, a date in the future or before the visit, or a
wrong person is refused with the rule named::

    from inspector.cases import steps
    from inspector.cases.core import open_case, get_case
    from inspector.cases.measures import add_measure, add_payment

    case_id = open_case(ws, entries=["3fa1c2d4"], summary="串换药品", on_date=d0)
    steps.file_case(ws, case_id, on_date=d1, officers=["370100001", "370100002"],
                    approver="王局长")                                    # 立案
    steps.investigate(ws, case_id, on_date=d2, facts="…", evidence="…")   # 调查终结
    steps.review(ws, case_id, on_date=d3, reviewer="赵审核", reviewer_no="F001",
                 opinion="同意", passed=True)                             # 法制审核
    add_measure(ws, case_id, "refund", amount="1200", on_date=d3)        # 责令退回
    add_measure(ws, case_id, "fine", article="38", basis="1200", amount="1800", on_date=d3)
    steps.notify(ws, case_id, on_date=d4, way="direct")                  # 事先告知
    steps.statement(ws, case_id, on_date=d5, text="…")   # or steps.waive(...) in writing
    steps.decide(ws, case_id, on_date=d6, approver="王局长", document_no="…")  # after the days
    steps.serve(ws, case_id, on_date=d7, way="direct", recipient="钱某")  # 送达
    add_payment(ws, case_id, measure_id, amount="1200", on_date=d8)
    steps.execute(ws, case_id, on_date=d8)                               # all paid, or reason=
    steps.close(ws, case_id, on_date=d9, approver="王局长")               # 结案

``get_case(ws, text)`` returns a :class:`inspector.cases.core.CaseView`: the case, its steps
(each with ``facts``: what the stage's document states), measures, payments and deadlines
(:mod:`inspector.cases.deadlines`). ``due_cases(ws, today)`` lists what is due or late (the
home banner and ``case due``). The stages, steps, measures and periods are in
:mod:`inspector.cases.rules`.
"""
