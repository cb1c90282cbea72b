from django.urls import path

from subscriptions import views

urlpatterns = [
    path("unsubscribe/<str:token>/", views.unsubscribe, name="subscriptions_unsubscribe"),
]
