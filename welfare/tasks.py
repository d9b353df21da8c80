from celery import shared_task


@shared_task
def ping():
    """Answer "pong": lets operators and the test suite check that a worker is consuming."""
    return "pong"
