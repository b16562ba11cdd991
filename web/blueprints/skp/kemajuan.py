"""(being written)"""

from web.blueprints.skp import bp  # noqa: F401
