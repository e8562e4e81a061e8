"""First start without a command line: the welcome wizard, its plug-in seams, the demo banner."""
