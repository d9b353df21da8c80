"""The directorate's dashboard and the observatory's statistics (ODPE, national OLINPE export).

This package is the top layer (``.importlinter``): it reads welfare and every app built on it,
and nothing imports it but the root URLconf. The dashboard's figures cross the apps (children
in care by place read welfare's measures and placements; the budget's computed costs read
placements and prevention), so its sections live together here rather than in the apps
(docs/decisions.md, "The observatory sits above all"). The page, the CSV export, the PDF report
and the ``indicators`` command all read the same figures (``blocks.SECTIONS``).
"""
