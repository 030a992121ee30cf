"""Views of the animals app."""

from django.shortcuts import render

from animals.models import Animal


def animal_list(request):
    animals = Animal.objects.order_by("name")
    return render(request, "animals/list.html", {"animals": animals})
