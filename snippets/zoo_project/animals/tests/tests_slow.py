"""Slow tests over real HTTP. The name matches test*.py and tests_*.py."""

import time
from urllib.request import urlopen

from django.test import LiveServerTestCase, tag

from animals.models import Animal


@tag("slow")
class LiveAnimalListTests(LiveServerTestCase):
    host = "127.0.0.1"  # loopback only; the port is picked free by the OS

    def test_page_over_http(self):
        Animal.objects.create(name="horse", sound="neigh")
        time.sleep(0.3)  # stands in for a browser driving the page
        with urlopen(f"{self.live_server_url}/animals/", timeout=10) as reply:
            self.assertEqual(reply.status, 200)
            self.assertIn(b"The horse says neigh", reply.read())
