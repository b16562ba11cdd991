"""(being written)"""

from web.blueprints.siklus import bp  # noqa: F401
