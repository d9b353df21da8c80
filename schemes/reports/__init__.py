"""PDF reports of plans and budgets (and of any kind registered in ``settings.REPORT_KINDS``),
requested by staff, rendered by Celery workers with WeasyPrint, served only to those allowed."""
