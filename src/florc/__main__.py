from florc.cli import main

raise SystemExit(main())
