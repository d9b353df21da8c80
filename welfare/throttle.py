"""Anti-automation for public forms: a fixed-window counter per client address on the cache.

The cache must be shared by every web process (Redis in production, ``CACHE_URL``) for the limit
to hold across them. Addresses are hashed in the keys: the cache holds no readable IP.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache


def client_address(request) -> str:
    """The visitor's address; behind our HTTPS proxy, the one that proxy appended."""
    if settings.BEHIND_HTTPS_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        # Entries to the left were written by the client and can be forged; the last one is ours.
        last = forwarded.rsplit(",", 1)[-1].strip()
        if last:
            return last
    return request.META.get("REMOTE_ADDR", "")


def attempt_allowed(*, scope: str, request, limit: int, window_seconds: int) -> bool:
    """Count one attempt from this address; False once it exceeds ``limit`` within the window."""
    digest = hashlib.sha256(client_address(request).encode()).hexdigest()[:32]
    key = f"throttle:{scope}:{digest}"
    # add() starts the window only if none is running; incr() is atomic on Redis.
    cache.add(key, 0, timeout=window_seconds)
    try:
        count = cache.incr(key)
    except ValueError:
        # The window expired between the two calls: this attempt opens a new one.
        cache.set(key, 1, timeout=window_seconds)
        count = 1
    return count <= limit
