"""A stock Django app for the fetchwise server matrix: one contact, versioned with @condition.

@condition(etag_func=...) answers 304 to a matching If-None-Match on GET and 412 to a stale If-Match
on PATCH; as Django does, the PATCH answer carries no ETag. /gz/contacts/1 is the same view under
gzip_page (what GZipMiddleware does): weak ETags on gzipped 200s, the strong one on the 304.
Prints its port on stdout, then serves until killed.
"""
import json

from django.conf import settings

settings.configure(
    DEBUG=False,
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    SECRET_KEY="matrix-only-not-secret",
)

import django  # noqa: E402

django.setup()

from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.http import JsonResponse  # noqa: E402
from django.urls import path  # noqa: E402
from django.views.decorators.csrf import csrf_exempt  # noqa: E402
from django.views.decorators.gzip import gzip_page  # noqa: E402
from django.views.decorators.http import condition  # noqa: E402

state = {
    "version": 1,
    "contact": {
        "id": "1",
        "name": "Ada Lovelace",
        "email": "ada@example.org",
        "createdAt": "2026-11-22T09:30:00.000Z",
        "notes": " ".join(["Wrote the first published algorithm for a machine."] * 30),
    },
}


def current_etag(request):
    return "v%d" % state["version"]


@csrf_exempt
@condition(etag_func=current_etag)
def contact(request):
    if request.method == "PATCH":
        state["contact"].update(json.loads(request.body))
        state["version"] += 1
    return JsonResponse(state["contact"])


urlpatterns = [
    path("contacts/1", contact),
    path("gz/contacts/1", gzip_page(contact)),
]

if __name__ == "__main__":
    from wsgiref.simple_server import WSGIRequestHandler, make_server

    class QuietHandler(WSGIRequestHandler):
        def log_message(self, *args):
            pass

    httpd = make_server("127.0.0.1", 0, get_wsgi_application(), handler_class=QuietHandler)
    print(httpd.server_port, flush=True)
    httpd.serve_forever()
