"""Leads (疑点/线索): what the team is asked to verify, verified one by one on site and answered
one by one (逐条核查、逐条反馈; seed 002 四(二)). See inspector/leads/store.py."""
