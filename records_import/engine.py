"""The import itself: a first pass reads every file to check its columns and that each code
is mapped (or stops, writing nothing), then the records are written kind after kind inside
one transaction, in batches. A dry run does the same work and rolls it back, so its counts and
its rejections are those of the real run."""

import hashlib
import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pghistory
from django.conf import settings
from django.db import DataError, IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from prevention.models import ConcernParameter
from records_import.enums import CodeList, RecordKind
from records_import.models import CodeMapping, ImportAnomaly, ImportedRecord
from records_import.reading import FileError, parse_bool, parse_date, parse_int, read_table
from records_import.report import ANOMALY, REJECTED, Report
from records_import.specs import SPECS, RowError
from welfare.models import Child, LegalParameter, LegalParameterSet, Measure, Territory, User

BATCH_SIZE = 2000
EXTENSIONS = (".csv", ".xlsx")


class ImportStopped(Exception):
    """Raised inside the transaction to roll a dry run back."""


# --- The extract ----------------------------------------------------------------------------


class Extract:
    """The files of an extract: a directory or a ``.zip``, matched by name (``enfants.csv``
    or ``enfants.xlsx``, case ignored, folders inside the archive ignored)."""

    def __init__(self, path):
        self.path = Path(path)
        if self.path.is_dir():
            self._names = {
                entry.name.lower(): entry for entry in self.path.iterdir() if entry.is_file()
            }
            self._zip = None
        elif zipfile.is_zipfile(self.path):
            self._zip = zipfile.ZipFile(self.path)
            self._names = {
                os.path.basename(info.filename).lower(): info
                for info in self._zip.infolist()
                if not info.is_dir() and os.path.basename(info.filename)
            }
        else:
            raise FileError(_("L'extraction doit être un dossier ou une archive .zip."))

    def find(self, spec) -> str | None:
        for extension in EXTENSIONS:
            if spec.file + extension in self._names:
                return spec.file + extension
        return None

    def unknown_names(self) -> list[str]:
        known = {spec.file + extension for spec in SPECS for extension in EXTENSIONS}
        return sorted(name for name in self._names if name not in known)

    def open(self, name):
        member = self._names[name]
        if self._zip is not None:
            return self._zip.open(member)
        return open(member, "rb")


# --- What a run knows -----------------------------------------------------------------------


@dataclass
class Context:
    source: str
    today: date
    mappings: dict
    territories: dict
    users: dict
    parameters: LegalParameterSet
    concern_parameters: LegalParameterSet
    # source id -> (portal id, fingerprint) of the records imported earlier from this source.
    keys: dict = field(default_factory=dict)
    # source id -> portal id of the rows of this run (and earlier ones) that rows may name.
    resolved: dict = field(default_factory=dict)
    birth_dates: dict = field(default_factory=dict)
    # measure id -> (child id, type, start, end), for the placements' checks.
    measures: dict = field(default_factory=dict)
    anomalies: list = field(default_factory=list)
    created_children: list = field(default_factory=list)


def load_context(source: str) -> Context:
    """The mappings, the territories and accounts they name, the thresholds, and what earlier
    runs of ``source`` imported (a few queries, whatever the size of the extract)."""
    mappings = {code_list: {} for code_list in CodeList.values}
    for mapping in CodeMapping.objects.all():
        mappings[mapping.code_list][mapping.source_code] = mapping.target
    context = Context(
        source=source,
        today=timezone.localdate(),
        mappings=mappings,
        territories=dict(Territory.objects.values_list("code", "pk")),
        users=dict(User.objects.values_list("username", "pk")),
        parameters=LegalParameterSet(LegalParameter.objects.all()),
        concern_parameters=ConcernParameter.objects.as_set(),
        keys={kind: {} for kind in RecordKind.values},
        resolved={kind: {} for kind in RecordKind.values},
    )
    rows = ImportedRecord.objects.filter(source=source).values_list(
        "kind", "source_id", "object_id", "fingerprint"
    )
    for kind, source_id, object_id, fingerprint in rows.iterator(chunk_size=10000):
        context.keys[kind][source_id] = (object_id, fingerprint)
        context.resolved[kind][source_id] = object_id
    children = context.resolved[RecordKind.CHILD].values()
    context.birth_dates = dict(
        Child.objects.filter(pk__in=list(children)).values_list("pk", "birth_date")
    )
    measures = Measure.objects.filter(pk__in=list(context.resolved[RecordKind.MEASURE].values()))
    for pk, child_id, measure_type, start, end in measures.values_list(
        "pk", "child_id", "type", "start_date", "end_date"
    ):
        context.measures[pk] = (child_id, measure_type, start, end)
    return context


# --- First pass: columns and codes ----------------------------------------------------------


def scan(extract: Extract, context: Context, report: Report) -> int:
    """Check every file's columns and every code against the mappings, without writing;
    fills ``report.stopped`` with what must be fixed first. Returns the rows to process."""
    unmapped = {}
    total = 0
    report.ignored_files = extract.unknown_names()
    for spec in SPECS:
        name = extract.find(spec)
        if name is None:
            continue
        try:
            with extract.open(name) as handle, read_table(name, handle) as (header, rows):
                needed = [spec.id_column] + [c.name for c in spec.columns if c.required]
                missing = [column for column in needed if column not in header]
                if missing:
                    report.stopped.append(
                        _("%(file)s : colonnes obligatoires absentes : %(columns)s.")
                        % {"file": name, "columns": ", ".join(missing)}
                    )
                    continue
                code_columns = [c for c in spec.columns if c.parse == "code"]
                for row in rows:
                    total += 1
                    for column in code_columns:
                        code = row.cells.get(column.name, "")
                        if code and code not in context.mappings[column.code_list]:
                            unmapped.setdefault(column.code_list, set()).add(code)
        except FileError as error:
            report.stopped.append(f"{name} : {error}")
    for code_list, codes in sorted(unmapped.items()):
        report.stopped.append(
            _(
                "codes sans correspondance (%(list)s) : %(codes)s. Ajoutez-les dans "
                "« Correspondances de codes » avant de relancer."
            )
            % {"list": CodeList(code_list).label, "codes": ", ".join(sorted(codes))}
        )
    _check_targets(context, report)
    return total


def _check_targets(context: Context, report: Report) -> None:
    """Mappings to a territory or an account that no longer exists stop the run too."""
    for code_list, known in (
        (CodeList.TERRITORY, context.territories),
        (CodeList.REFERENT, context.users),
    ):
        broken = sorted(
            code for code, target in context.mappings[code_list].items() if target not in known
        )
        if broken:
            report.stopped.append(
                _("correspondances vers une valeur inconnue du portail (%(list)s) : %(codes)s.")
                % {"list": CodeList(code_list).label, "codes": ", ".join(broken)}
            )


# --- Rows -----------------------------------------------------------------------------------


@dataclass
class Item:
    line: int
    source_id: str
    instance: object
    fields: dict
    many: dict
    fingerprint: str
    existing: tuple | None

    @property
    def unchanged(self) -> bool:
        return self.existing is not None and self.existing[1] == self.fingerprint


def parse_cells(spec, row, context) -> tuple[dict, list]:
    """The row's values by column, parsed and with codes mapped, and the errors by column."""
    values, errors = {}, []
    for column in spec.columns:
        text = row.cells.get(column.name, "")
        if not text:
            if column.required:
                errors.append((column.name, _("Valeur obligatoire manquante.")))
            values[column.name] = None
            continue
        if column.max_length and len(text) > column.max_length:
            errors.append(
                (
                    column.name,
                    _("Valeur trop longue : %(max)d caractères au plus.")
                    % {"max": column.max_length},
                )
            )
            continue
        try:
            values[column.name] = _parse(column, text, context)
        except ValueError as error:
            errors.append((column.name, str(error)))
    return values, errors


def _parse(column, text, context):
    if column.parse == "date":
        return parse_date(text)
    if column.parse == "bool":
        return parse_bool(text)
    if column.parse == "int":
        return parse_int(text)
    if column.parse == "code":
        return context.mappings[column.code_list][text]
    if column.parse == "refs":
        return [part.strip() for part in text.split("|") if part.strip()]
    return text


def fingerprint(fields: dict, many: dict) -> str:
    """The SHA-1 of the values written, to tell an unchanged row from an updated one."""
    text = repr(sorted((key, str(value)) for key, value in {**fields, **many}.items()))
    return hashlib.sha1(text.encode()).hexdigest()


def constraint_name(error) -> str | None:
    return getattr(getattr(error.__cause__, "diag", None), "constraint_name", None)


def constraint_message(model, error) -> str:
    """The French reason of a row the database refused: the named constraint's own message,
    else what PostgreSQL says in general terms (never the values, which may name someone)."""
    diag = getattr(error.__cause__, "diag", None)
    name = getattr(diag, "constraint_name", None)
    for constraint in model._meta.constraints:
        if constraint.name == name:
            message = constraint.violation_error_message
            default = constraint.default_violation_error_message
            if message and message != default:
                return str(message)
            return _("La ligne enfreint la règle « %(name)s » de la base.") % {"name": name}
    if isinstance(error, DataError):
        return _("Une valeur est invalide ou trop longue pour la base.")
    if name:
        return _("La ligne enfreint la règle « %(name)s » de la base.") % {"name": name}
    column = getattr(diag, "column_name", None)
    if column:
        return _("Le champ « %(column)s » est obligatoire.") % {"column": column}
    return _("La base a refusé la ligne.")


class FileImport:
    """One file of the extract, written in batches."""

    def __init__(self, spec, name, context, report, job):
        self.spec = spec
        self.name = name
        self.context = context
        self.report = report
        self.stats = report.stats(spec, name)
        self.job = job
        self.seen = set()

    def reject(self, line, source_id, column, message):
        self.stats.rejected += 1
        self.report.add(
            file=self.name,
            line=line,
            column=column,
            source_id=source_id,
            level=REJECTED,
            message=message,
        )

    def item(self, row) -> Item | None:
        spec = self.spec
        source_id = row.cells.get(spec.id_column, "")
        self.stats.read += 1
        if not source_id:
            self.reject(row.line, "", spec.id_column, _("Identifiant manquant."))
            return None
        if source_id in self.seen:
            self.reject(
                row.line, source_id, spec.id_column, _("Identifiant déjà présent plus haut.")
            )
            return None
        self.seen.add(source_id)
        values, errors = parse_cells(spec, row, self.context)
        if errors:
            for column, message in errors:
                self.reject(row.line, source_id, column, message)
            return None
        try:
            fields = spec.build(values, self.context)
        except RowError as error:
            self.reject(row.line, source_id, error.column, error.message)
            return None
        many = {name: fields.pop(name) for name in spec.many}
        existing = self.context.keys[spec.kind].get(source_id)
        instance = spec.model(**fields)
        if existing is not None:
            instance.pk = existing[0]
        return Item(
            line=row.line,
            source_id=source_id,
            instance=instance,
            fields=fields,
            many=many,
            fingerprint=fingerprint(fields, many),
            existing=existing,
        )

    def write(self, items: list[Item]) -> None:
        created = self._insert([item for item in items if item.existing is None])
        updated = self._update([item for item in items if item.existing and not item.unchanged])
        unchanged = [item for item in items if item.unchanged]
        self.stats.created += len(created)
        self.stats.updated += len(updated)
        self.stats.unchanged += len(unchanged)
        now = timezone.now()
        ImportedRecord.objects.bulk_create(
            ImportedRecord(
                source=self.context.source,
                kind=self.spec.kind,
                source_id=item.source_id,
                object_id=item.instance.pk,
                fingerprint=item.fingerprint,
                job=self.job,
                imported_at=now,
            )
            for item in created
        )
        for item in updated:
            ImportedRecord.objects.filter(
                source=self.context.source, kind=self.spec.kind, source_id=item.source_id
            ).update(fingerprint=item.fingerprint, job=self.job, imported_at=now)
        self._write_many(created + updated)
        self._remember(created + updated + unchanged)
        if self.spec.kind == RecordKind.CHILD:
            self.context.created_children.extend(
                (item.instance, self.name, item.line, item.source_id) for item in created
            )

    def _insert(self, items):
        if not items:
            return []
        model = self.spec.model
        try:
            with transaction.atomic():
                model.objects.bulk_create([item.instance for item in items])
            return items
        except (IntegrityError, DataError):
            pass
        written = []
        for item in items:
            item.instance.pk = None
            try:
                with transaction.atomic():
                    model.objects.bulk_create([item.instance])
                written.append(item)
            except (IntegrityError, DataError) as error:
                item.instance.pk = None
                self.reject(
                    item.line,
                    item.source_id,
                    self.spec.columns_of.get(constraint_name(error), ""),
                    constraint_message(model, error),
                )
        return written

    def _update(self, items):
        if not items:
            return []
        model = self.spec.model
        fields = list(items[0].fields)
        if any(f.name == "updated_at" for f in model._meta.concrete_fields):
            now = timezone.now()
            for item in items:
                item.instance.updated_at = now
            fields.append("updated_at")
        try:
            with transaction.atomic():
                model.objects.bulk_update([item.instance for item in items], fields)
            return items
        except (IntegrityError, DataError):
            pass
        written = []
        for item in items:
            try:
                with transaction.atomic():
                    model.objects.bulk_update([item.instance], fields)
                written.append(item)
            except (IntegrityError, DataError) as error:
                self.reject(
                    item.line,
                    item.source_id,
                    self.spec.columns_of.get(constraint_name(error), ""),
                    constraint_message(model, error),
                )
        return written

    def _write_many(self, items):
        """The many-to-many links of the written rows (a concern's children), replaced."""
        for name in self.spec.many:
            through = getattr(self.spec.model, name).through
            own = f"{self.spec.model._meta.model_name}_id"
            other = f"{getattr(self.spec.model, name).field.related_model._meta.model_name}_id"
            through.objects.filter(**{f"{own}__in": [item.instance.pk for item in items]}).delete()
            through.objects.bulk_create(
                through(**{own: item.instance.pk, other: target})
                for item in items
                for target in item.many[name]
            )

    def _remember(self, items):
        """What later rows and files look up, and the legal anomalies of the written rows."""
        spec, context = self.spec, self.context
        for item in items:
            instance = item.instance
            context.resolved[spec.kind][item.source_id] = instance.pk
            if spec.kind == RecordKind.CHILD:
                context.birth_dates[instance.pk] = instance.birth_date
            elif spec.kind == RecordKind.MEASURE:
                context.measures[instance.pk] = (
                    instance.child_id,
                    instance.type,
                    instance.start_date,
                    instance.end_date,
                )
            if spec.check is None:
                continue
            for column, message in spec.check(instance, context):
                column = spec.columns_of.get(column, column)
                self.anomaly(item.line, item.source_id, column, message, spec.child_of(instance))

    def anomaly(self, line, source_id, column, message, child_id):
        self.stats.anomalies += 1
        self.report.add(
            file=self.name,
            line=line,
            column=column,
            source_id=source_id,
            level=ANOMALY,
            message=message,
        )
        self.context.anomalies.append((self.name, line, column, source_id, str(message), child_id))

    def run(self, extract, progress: Callable[[int], None]) -> None:
        with extract.open(self.name) as handle, read_table(self.name, handle) as (_, rows):
            batch = []
            for row in rows:
                item = self.item(row)
                if item is not None:
                    batch.append(item)
                if len(batch) >= BATCH_SIZE:
                    self.write(batch)
                    progress(self.stats.read)
                    batch = []
            if batch:
                self.write(batch)
            progress(self.stats.read)


# --- A run ----------------------------------------------------------------------------------


def _check_duplicates(context: Context, report: Report) -> None:
    """The hook of the duplicate detection (``settings.IMPORT_DUPLICATE_CHECK``, a dotted
    path to ``check(*, children) -> iterable of (child, message)``): each possible duplicate of
    a child created by the run is listed as an anomaly of its row."""
    path = settings.IMPORT_DUPLICATE_CHECK
    if not path or not context.created_children:
        return
    check = import_string(path)
    rows = {
        child.pk: (name, line, source_id)
        for child, name, line, source_id in context.created_children
    }
    stats = next(stats for stats in report.files if stats.kind == RecordKind.CHILD)
    for child, message in check(children=[entry[0] for entry in context.created_children]):
        name, line, source_id = rows[child.pk]
        stats.anomalies += 1
        report.add(
            file=name, line=line, column="", source_id=source_id, level=ANOMALY, message=message
        )
        context.anomalies.append((name, line, "", source_id, str(message), child.pk))


def import_extract(
    *,
    path,
    source: str,
    dry_run: bool,
    job=None,
    progress: Callable[[int], None] | None = None,
    on_total: Callable[[int], None] | None = None,
) -> Report:
    """Import the extract at ``path`` (a directory or a ``.zip``) from ``source``: all or
    nothing, in one transaction; a dry run rolls it back. Records already imported from the
    same source are updated where they changed and left alone otherwise. Stops before writing
    anything on a file it cannot read, a missing column or an unmapped code."""
    report = Report(dry_run=dry_run, source=source)
    extract = Extract(path)
    context = load_context(source)
    total = scan(extract, context, report)
    if report.stopped:
        return report
    if on_total is not None:
        on_total(total)
    done = 0

    def advance(rows_of_file):
        if progress is not None:
            progress(done + rows_of_file)

    try:
        with (
            transaction.atomic(),
            pghistory.context(import_source=source, import_job=str(job.public_id) if job else None),
        ):
            # A batch of 2,000 rows may take longer than the bound the web and the workers
            # keep on one statement (DB_STATEMENT_TIMEOUT_MS); this transaction is the job.
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL statement_timeout = 0")
            for spec in SPECS:
                name = extract.find(spec)
                if name is None:
                    continue
                file_import = FileImport(spec, name, context, report, job)
                file_import.run(extract, advance)
                done += file_import.stats.read
            _check_duplicates(context, report)
            if dry_run:
                raise ImportStopped
            if job is not None:
                _replace_anomalies(context, job)
    except ImportStopped:
        pass
    return report


def _replace_anomalies(context: Context, job) -> None:
    """The anomalies the data-quality page lists: those of this run, replacing the last
    run's of the same source (a corrected row stops being listed)."""
    ImportAnomaly.objects.filter(source=context.source).delete()
    ImportAnomaly.objects.bulk_create(
        (
            ImportAnomaly(
                job=job,
                source=context.source,
                file_name=name,
                line=line,
                column=column,
                source_id=source_id,
                message=message,
                child_id=child_id,
            )
            for name, line, column, source_id, message, child_id in context.anomalies
        ),
        batch_size=BATCH_SIZE,
    )
