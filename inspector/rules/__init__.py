"""The rule engine over the settlement detail (智能审核和监控规则): rule packs and knowledge
files as data (formats.py, library.py, knowledge.py), DuckDB SQL per national rule type
(engine.py), and the hits kept per inspection and run (store.py)."""
