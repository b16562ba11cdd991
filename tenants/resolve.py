"""Host header → dinas. Runs first in every request, inside the request's transaction.

`<slug>.<BASE_DOMAIN>` is that dinas; the apex `BASE_DOMAIN` is the operator console; anything
else is a 404. A suspended dinas answers 503. The tenant is never taken from a form, a query
string or a path.
"""

from __future__ import annotations

import re

from flask import Flask, abort, current_app, g, request

from web.db import bind_schema
from web.models import Tenant

# A DNS label: letters, digits and inner hyphens. No underscores (not valid in a host name);
# the schema name swaps hyphens for underscores, so the mapping stays one-to-one.
SLUG = re.compile(r"^[a-z][a-z0-9-]{0,38}[a-z0-9]$")

APEX = "apex"


def host_to_slug(host: str, base_domain: str) -> str | None:
    """`demo.kinerja.id:443` → `demo`; the apex → APEX; anything else → None."""
    hostname = host.split(":", 1)[0].strip().lower().rstrip(".")
    if hostname == base_domain:
        return APEX
    suffix = "." + base_domain
    if not hostname.endswith(suffix):
        return None
    slug = hostname[: -len(suffix)]
    return slug if SLUG.match(slug) else None


def init_app(app: Flask) -> None:
    @app.before_request
    def resolve_tenant() -> None:
        g.tenant = None
        if request.endpoint == "static_file":
            return
        slug = host_to_slug(request.host, current_app.config["BASE_DOMAIN"])
        if slug is None:
            abort(404)
        if slug == APEX:
            return
        tenant = Tenant.get_or_none(Tenant.slug == slug)
        if tenant is None:
            abort(404)
        if not tenant.is_active:
            g.suspended_tenant = tenant
            abort(503)
        g.tenant = tenant
        bind_schema(tenant.schema)
