from vrijwilligers_app.cli import main

raise SystemExit(main())
