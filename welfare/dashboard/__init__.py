"""The directorate's dashboard and the observatory's statistics (ODPE, national OLINPE export).

This package sits on top of every app: it is, with ``welfare.urls``, the only part of welfare
allowed to import placements, prevention and schemes (``.importlinter``). The page, the CSV
export, the PDF report and the ``indicators`` command all read the same ``blocks.dashboard``.
"""
