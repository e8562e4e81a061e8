from vrijwilligers_app.cli import run

raise SystemExit(run())
