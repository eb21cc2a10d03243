from django.urls import path

from . import views

app_name = "wijken"
urlpatterns = [
    path("contact/<int:pk>.vcf", views.contact_vcard, name="vcard"),
    path("straten/", views.street_suggestions, name="streets"),
    path("projecten/", views.project_list, name="projects"),
]
