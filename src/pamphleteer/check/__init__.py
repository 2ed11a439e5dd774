"""`check`: lint chapters and validate outputs, collecting every finding before judging."""
