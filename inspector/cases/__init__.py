"""Cases (案件): from a finding or a lead to 结案, and their documents."""
