"""The portal's URLs plus a page that fails, for the tests of what a server error leaves behind
(``@pytest.mark.urls("welfare.tests.failing_urls")``)."""

from django.urls import include, path


def failing_view(request):
    raise RuntimeError("the page failed")


urlpatterns = [path("echec/", failing_view, name="failing_page"), path("", include("welfare.urls"))]
