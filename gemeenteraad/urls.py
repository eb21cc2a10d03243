"""OParl 1.1 at /oparl/v1.1/ (JSON, not under a language prefix; not in the sitemap)."""

from django.urls import path, re_path

from . import oparl

app_name = "oparl"

urlpatterns = [
    path("", oparl.system, name="system"),
    path("bodies/", oparl.bodies, name="bodies"),
    path("body/<str:city>", oparl.body, name="body"),
    path("body/<str:city>/<str:kind>/", oparl.body_list, name="body_list"),
    path("organization/<str:ident>", oparl.organization, name="organization"),
    path("person/<str:pk>", oparl.person, name="person"),
    path("membership/<str:pk>", oparl.membership, name="membership"),
    path("meeting/<str:pk>", oparl.meeting, name="meeting"),
    path("location/<str:pk>", oparl.location, name="location"),
    path("agendaitem/<str:pk>", oparl.agenda_item, name="agendaitem"),
    path("paper/<str:pk>", oparl.paper, name="paper"),
    path("consultation/<str:pk>", oparl.consultation, name="consultation"),
    path("file/<str:ident>", oparl.file, name="file"),
    re_path(r"^.*$", oparl.not_found),
]
