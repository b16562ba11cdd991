"""(being written)"""

from flask import Blueprint

bp = Blueprint("bukti", __name__)
