"""Tests that fail on purpose. The name does not match test*.py, so they run
only when named: `python manage.py test animals.failing_examples`."""

from django.test import TestCase

from animals.models import Animal


class FailingTests(TestCase):
    def test_a_wrong_count(self):
        print("creating a pig")
        Animal.objects.create(name="pig", sound="oink")
        self.assertEqual(Animal.objects.count(), 2)

    def test_b_wrong_sound(self):
        self.assertEqual(Animal(name="dog", sound="woof").sound, "meow")


class PassingTests(TestCase):
    def test_noisy_but_passing(self):
        print("this line is only seen without --buffer")
        self.assertTrue(Animal._meta.get_field("name").unique)
