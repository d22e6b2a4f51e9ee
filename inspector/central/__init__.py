"""The central service: the bureau's server over PostgreSQL that laptops push their
bundles to (``server``), the laptop's side of it (``sync``) and the office's view of every
inspection (``central`` and the web page). No Qt here: the same core as the app and the command
line. The protocol is documented in docs/central.md."""
