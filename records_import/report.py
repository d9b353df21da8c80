"""The French report of a run, by file, line and column: kept with the job as JSON, shown on
the page, printed by the command and downloaded as CSV."""

import csv
import io
from dataclasses import asdict, dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

REJECTED = "rejet"
ANOMALY = "anomalie"

LEVEL_LABELS = {REJECTED: gettext_lazy("Ligne rejetée"), ANOMALY: gettext_lazy("Anomalie")}


@dataclass
class FileStats:
    kind: str
    label: str
    file: str
    read: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    anomalies: int = 0


@dataclass
class Entry:
    file: str
    line: int
    column: str
    source_id: str
    level: str
    message: str


@dataclass
class Report:
    dry_run: bool
    source: str
    files: list = field(default_factory=list)
    entries: list = field(default_factory=list)
    # Why the run stopped before writing anything: unmapped codes, unreadable files.
    stopped: list = field(default_factory=list)
    ignored_files: list = field(default_factory=list)

    def stats(self, spec, file_name) -> FileStats:
        stats = FileStats(kind=str(spec.kind), label=spec.label, file=file_name)
        self.files.append(stats)
        return stats

    def add(self, *, file, line, column, source_id, level, message):
        self.entries.append(Entry(file, line, column, source_id, level, str(message)))

    @property
    def totals(self) -> dict:
        keys = ("read", "created", "updated", "unchanged", "rejected", "anomalies")
        return {key: sum(getattr(stats, key) for stats in self.files) for key in keys}

    def as_dict(self) -> dict:
        return {
            "dry_run": self.dry_run,
            "source": self.source,
            "files": [asdict(stats) for stats in self.files],
            "entries": [asdict(entry) for entry in self.entries],
            "stopped": self.stopped,
            "ignored_files": self.ignored_files,
            "totals": self.totals,
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Report":
        return cls(
            dry_run=data["dry_run"],
            source=data["source"],
            files=[FileStats(**stats) for stats in data["files"]],
            entries=[Entry(**entry) for entry in data["entries"]],
            stopped=data["stopped"],
            ignored_files=data["ignored_files"],
        )

    def as_csv(self) -> str:
        """The report as a CSV for a spreadsheet: ``;``, UTF-8 with BOM (Excel opens it)."""
        output = io.StringIO()
        output.write("\ufeff")
        writer = csv.writer(output, delimiter=";")
        writer.writerow(
            [_("Fichier"), _("Ligne"), _("Colonne"), _("Identifiant"), _("Type"), _("Motif")]
        )
        for reason in self.stopped:
            writer.writerow(["", "", "", "", _("Import arrêté"), reason])
        for entry in self.entries:
            writer.writerow(
                [
                    entry.file,
                    entry.line,
                    entry.column,
                    entry.source_id,
                    str(LEVEL_LABELS[entry.level]),
                    entry.message,
                ]
            )
        return output.getvalue()

    def lines(self) -> list[str]:
        """The report as text lines, for the command."""
        title = _("Essai à blanc : rien n'est enregistré.") if self.dry_run else _("Import.")
        lines = [title]
        for reason in self.stopped:
            lines.append(_("Import arrêté : %(reason)s") % {"reason": reason})
        for name in self.ignored_files:
            lines.append(_("Fichier ignoré (nom inconnu) : %(name)s") % {"name": name})
        for stats in self.files:
            lines.append(
                _(
                    "%(file)s : %(read)d lignes lues, %(created)d à créer, %(updated)d à mettre "
                    "à jour, %(unchanged)d inchangées, %(rejected)d rejetées, %(anomalies)d "
                    "anomalies."
                )
                % asdict(stats)
            )
        for entry in self.entries:
            lines.append(
                _("%(file)s, ligne %(line)d, colonne %(column)s (%(level)s) : %(message)s")
                % {
                    "file": entry.file,
                    "line": entry.line,
                    "column": entry.column or "—",
                    "level": LEVEL_LABELS[entry.level],
                    "message": entry.message,
                }
            )
        return lines
