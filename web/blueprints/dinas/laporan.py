"""(being written)"""

from web.blueprints.dinas import bp  # noqa: F401
