"""PDF reports of plans and budgets (and of any kind an app registers in its ``ready()``),
requested by staff, rendered by Celery workers with WeasyPrint, served only to those allowed."""
