import sys

from nsc_report.cli.main import main

sys.exit(main())
