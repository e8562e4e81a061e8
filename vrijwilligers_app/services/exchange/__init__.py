"""Exchange with the gemeente: export packages, gemeente merge, return packages (issue 7)."""
