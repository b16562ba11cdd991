"""Downloads of evidence kept in the local folder (the embedded default).

A link is a signed, short-lived token made by `LocalStorage.url` for someone the service already
checked; like an S3 presigned URL, the link itself is the permission. It works only on the
subdomain of the dinas whose schema the key belongs to. With S3 storage, links go straight to
the bucket and this endpoint answers 404.
"""

from __future__ import annotations

from flask import Blueprint, abort, current_app, g, send_file
from flask.wrappers import Response

from web.auth import public
from web.storage import BadLink, LinkExpired, LocalStorage, NotFound, content_disposition

bp = Blueprint("berkas", __name__)


@bp.get("/berkas/<token>")
@public()
def unduh(token: str) -> Response:
    storage = current_app.extensions["storage"]
    if not isinstance(storage, LocalStorage):
        abort(404)
    try:
        key, filename, content_type = storage.resolve(token)
    except LinkExpired:
        abort(410)
    except (BadLink, ValueError):
        abort(404)
    if not key.startswith(g.tenant.schema + "/"):
        abort(404)
    try:
        handle = storage.open(key)
    except NotFound:
        abort(404)
    response = send_file(
        handle, mimetype=content_type or "application/octet-stream", max_age=0, conditional=False
    )
    response.headers["Content-Disposition"] = content_disposition(filename or "berkas")
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.cache_control.private = True
    return response
