"""Who writes which letters. A letter is read by whoever may open its file; these roles say
who is let in to the pages at all (the scoped query does the rest)."""

from welfare.enums import Role
from welfare.permissions import CASE_ROLES

# The référents and their territory manager write from the children's files, and to their
# territory's assistants familiaux (the renewal notice, art. D421-19 CASF).
CHILD_LETTER_ROLES = CASE_ROLES
CARER_LETTER_ROLES = CASE_ROLES
# The CRIP writes from the concerns; the territory manager, whose teams evaluate, too.
CONCERN_LETTER_ROLES = (Role.PREVENTION_OFFICER, Role.TERRITORY_MANAGER)
LETTER_ROLES = (*CASE_ROLES, Role.PREVENTION_OFFICER)
# Templates name no one: the directorate and the administrator maintain them.
TEMPLATE_ROLES = (Role.DIRECTORATE, Role.ADMINISTRATOR)
