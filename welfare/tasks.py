from celery import shared_task

from welfare import health
from welfare.services import contact as contact_services


@shared_task
def ping():
    """Answer "pong": lets operators and the test suite check that a worker is consuming."""
    return "pong"


@shared_task(bind=True, ignore_result=True)
def worker_heartbeat(self):
    """Sent by beat every minute and by each worker when it starts; read by /sante/."""
    health.heartbeat_record(hostname=self.request.hostname or "inconnu")


# --- Families' contact requests: thin tasks over welfare.services.contact -------------------
# A send that fails raises here and is retried by contact_emails_send_pending (every minute).


@shared_task
def contact_confirmation_send(contact_request_id):
    return contact_services.contact_confirmation_send(contact_request_id=contact_request_id)


@shared_task
def contact_reply_send(reply_id):
    return contact_services.contact_reply_send(reply_id=reply_id)


@shared_task
def contact_emails_send_pending():
    return contact_services.contact_emails_send_pending()


@shared_task
def contact_requests_anonymise_expired():
    return contact_services.contact_requests_anonymise_expired()
