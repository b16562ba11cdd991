"""(being written)"""

from web.blueprints.evaluasi import bp  # noqa: F401
