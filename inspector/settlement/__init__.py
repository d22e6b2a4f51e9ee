"""The settlement detail (费用明细): one row per charged item, as the institution uploaded it to
the 医保 information platform, imported for the rule engine (inspector/rules/) and the drug
追溯码 sweep (inspector/trace/)."""
