"""What the test runner changed before any test ran."""

from django.conf import settings
from django.core import mail
from django.test import SimpleTestCase


class RunnerEnvironmentTests(SimpleTestCase):
    def test_debug_is_off(self):
        self.assertFalse(settings.DEBUG)

    def test_the_test_client_host_is_allowed(self):
        self.assertIn("testserver", settings.ALLOWED_HOSTS)

    def test_mail_goes_to_an_outbox(self):
        mail.send_mail(
            "Feeding", "At noon.", "zoo@example.com", ["k@example.com"]
        )
        self.assertEqual(
            [message.subject for message in mail.outbox], ["Feeding"]
        )
