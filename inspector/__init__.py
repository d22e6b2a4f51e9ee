"""Inspector's core: domain, storage, checklists, evidence, records. It never imports Qt."""

__version__ = "0.1.0"
APP_NAME = "Inspector"
