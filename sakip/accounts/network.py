"""The client's address, for the lock-out and the audit trail alike."""

from django.conf import settings


def client_ip(request) -> str | None:
    """REMOTE_ADDR, or with SAKIP_PROXY_COUNT = n reverse proxies in front, the address the
    outermost trusted proxy saw (the n-th X-Forwarded-For entry from the right). Entries further
    left were written by the client and could be anything."""
    count = settings.PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if count and forwarded:
        entries = [e.strip() for e in forwarded.split(",") if e.strip()]
        if len(entries) >= count:
            return entries[-count]
    return request.META.get("REMOTE_ADDR")
