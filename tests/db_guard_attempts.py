"""The break-it harness for the guard triggers (issue 10 §3).

``Attempts`` runs one forbidden write at a time, each in its own savepoint (a refused statement aborts a
PostgreSQL transaction up to the savepoint), and records how it ended:

- refused by the database: an ``IntegrityError`` carrying the guard tag (``sanad.dbguards.TAG``);
- refused by the models (``ControlRuleViolation`` and its records/evaluation kin, ``ProtectedError``):
  allowed only for paths that go through a model's own guard (``save()``, ``delete()``, a guarded
  queryset); a path that skips them (``_base_manager``, ``bulk_update``, ``Model.save`` past the
  override, raw SQL) must meet the database's refusal;
- succeeded: the test fails.

Every run adds to ``TALLY``; ``tests/conftest.py`` prints the totals at the end of the session.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import Model, ProtectedError, RestrictedError

from sanad.dbguards import refusal_message

TALLY = {"attempts": 0, "database": 0, "models": 0, "succeeded": 0, "tables": set()}

MODEL_REFUSALS = (PermissionDenied, ValidationError, ProtectedError, RestrictedError)


@dataclass
class Attempts:
    results: list[tuple[str, str, str]] = field(default_factory=list)

    def __call__(self, table: str, label: str, write, *, through_model: bool = False) -> str:
        """Try ``write``; ``through_model`` says the path passes a model guard, which may refuse first."""
        outcome, detail = "succeeded", ""
        try:
            with transaction.atomic():
                write()
        except MODEL_REFUSALS as exc:  # before IntegrityError: ProtectedError is one
            outcome, detail = (
                ("models", str(exc)) if through_model else (f"models, not the database: {exc}", "")
            )
        except IntegrityError as exc:
            detail = refusal_message(exc) or ""
            outcome = "database" if detail else f"other integrity error: {exc}"
        TALLY["attempts"] += 1
        TALLY["tables"].add(table)
        if outcome in ("database", "models"):
            TALLY[outcome] += 1
        else:
            TALLY["succeeded"] += 1
        self.results.append((table, label, outcome))
        return detail

    def failures(self) -> list[str]:
        return [
            f"{table}: {label}: {outcome}"
            for table, label, outcome in self.results
            if outcome not in ("database", "models")
        ]

    def assert_all_refused(self) -> None:
        assert self.results, "no attempt was made"
        failures = self.failures()
        assert not failures, "\n".join(failures)


def raw(sql: str, params=()):
    """A write through Django's connection, as a shell or a careless migration would make it."""

    def write():
        with connection.cursor() as cursor:
            cursor.execute(sql, list(params))
            # a statement that matched no row proves nothing: the attempt itself is wrong
            assert cursor.rowcount >= 1, f"no row matched: {sql}"

    return write


def past_the_model(instance):
    """``save()`` as if the model's own guard were not there (Django's ``Model.save``)."""
    return lambda: Model.save(instance)


def delete_past_the_model(instance):
    return lambda: Model.delete(instance)


def try_every_path(
    attempts: Attempts,
    model,
    pk,
    *,
    changes: dict,
    bulk_field: str | None = None,
    raw_set: str,
    raw_params=(),
    raw_table: str | None = None,
    raw_key: str = "id",
    delete: bool = True,
):
    """The write paths every protected table meets: save, past-the-model save, querysets, bulk, raw."""
    table = model._meta.db_table
    first = next(iter(changes))

    def fresh():
        return model._base_manager.get(pk=pk)

    def changed_instance():
        instance = fresh()
        for name, new in changes.items():
            setattr(instance, name, new)
        return instance

    attempts(table, "save() after changing a field", lambda: changed_instance().save(), through_model=True)
    attempts(table, "Model.save past the model's guard", lambda: Model.save(changed_instance()))
    attempts(
        table,
        "objects.filter().update()",
        lambda: model.objects.filter(pk=pk).update(**changes),
        through_model=True,
    )
    attempts(table, "_base_manager.update()", lambda: model._base_manager.filter(pk=pk).update(**changes))
    attempts(
        table,
        "bulk_update()",
        lambda: model._base_manager.bulk_update([changed_instance()], [bulk_field or first]),
    )
    attempts(
        raw_table or table,
        "raw UPDATE",
        raw(f"UPDATE {raw_table or table} SET {raw_set} WHERE {raw_key} = %s", [*raw_params, pk]),
    )
    if not delete:
        return
    attempts(table, "delete()", lambda: fresh().delete(), through_model=True)
    attempts(table, "Model.delete past the model's guard", lambda: Model.delete(fresh()), through_model=True)
    attempts(
        table, "objects.filter().delete()", lambda: model.objects.filter(pk=pk).delete(), through_model=True
    )
    attempts(
        table,
        "_base_manager.delete()",
        lambda: model._base_manager.filter(pk=pk).delete(),
        through_model=True,  # Django's collector refuses first when a protected row points here
    )
    attempts(
        raw_table or table,
        "raw DELETE",
        raw(f"DELETE FROM {raw_table or table} WHERE {raw_key} = %s", [pk]),
    )
