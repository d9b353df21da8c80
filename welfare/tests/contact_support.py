"""Helpers shared by the contact inbox's tests."""

from welfare import tasks

VALID_SUBMISSION = {
    "message": "Bonjour, comment devenir assistant familial ?",
    "email": "camille.durand@example.org",
}


def run_email_tasks_in_process(monkeypatch):
    """Make ``delay()`` run the e-mail tasks at once, as an idle worker would, without a broker."""
    for task in (tasks.contact_confirmation_send, tasks.contact_reply_send):
        monkeypatch.setattr(task, "delay", task)
