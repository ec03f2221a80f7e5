"""``python -m bot`` is the same as ``circlebot``."""

import sys

from bot.cli import main

sys.exit(main())
