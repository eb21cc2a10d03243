from django.urls import path

from . import views

app_name = "volgen"
urlpatterns = [path("uitschrijven/", views.unsubscribe, name="unsubscribe")]
