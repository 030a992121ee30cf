"""View tests through Django's test client (no server, no network)."""

from django.test import TestCase, tag

from animals.models import Animal


@tag("views")
class AnimalListViewTests(TestCase):
    def test_empty_list(self):
        response = self.client.get("/animals/")
        self.assertContains(response, "No animals yet.")

    def test_lists_animals(self):
        Animal.objects.create(name="cow", sound="moo")
        response = self.client.get("/animals/")
        self.assertContains(response, "The cow says moo")
        self.assertTemplateUsed(response, "animals/list.html")
