"""The catalog: frameworks looked up by id, bundled or the user's own, loaded lazily and cached."""

from __future__ import annotations

import functools
import os
import warnings
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from ._bundled import BundledCatalog, bundled_catalog, bundled_documents, bundled_sources
from ._endorsement import Endorsement, Relation
from ._ids import framework_id_of, is_framework_id
from ._mapping import CrosswalkDocument
from ._model import Framework, Principle, Theme, correspondence_problems
from ._pretty import PrettyAsRepr
from ._suggest import first_or_none
from ._validate import parse_enum, unknown_id
from .exceptions import Problem, ValidationError

if TYPE_CHECKING:
    from .crosswalk import Crosswalk
    from .io._catalog_files import CatalogFiles

__all__ = ["Catalog", "catalog_of_files", "load_catalog"]


def _to_tuple(frameworks: Iterable[Framework]) -> tuple[Framework, ...]:
    return tuple(frameworks)


def _to_endorsements(endorsements: Iterable[Endorsement]) -> tuple[Endorsement, ...]:
    return tuple(endorsements)


def _documents_tuple(documents: Iterable[CrosswalkDocument]) -> tuple[CrosswalkDocument, ...]:
    return tuple(documents)


def _names_tuple(names: Iterable[str | None]) -> tuple[str | None, ...]:
    return tuple(names)


#: How many framework ids the repr of a :class:`Catalog` shows.
_REPR_IDS = 5


@attrs.frozen
class Catalog:
    r"""An immutable collection of frameworks with lookups by id.

    Build one with :func:`load_catalog` (the bundled frameworks) or :func:`policeframeworks.io.read_catalog`
    (your own files, with or without the bundled ones).

    Attributes:
        frameworks: the frameworks, in display order.
        sources: for each framework id, the file it was read from (empty for objects built in code).
        data_version: the version of the bundled catalog index, or None for a catalog built otherwise.
        endorsements: who endorsed, adopted, built on or answered which framework; every target and
            ``via`` must be a framework or principle of this catalog.

    A principle's ``corresponds_to`` is checked here too: when the named version is in the catalog, the
    principle must exist there and both frameworks must share a family.

    Example:
        >>> from policeframeworks import load_catalog
        >>> cat = load_catalog()
        >>> [fw.id for fw in cat.frameworks][:5]
        ['uscm-2020', '8cantwait-2020', 'ilacp-naacp-2018', 'policylink-2014', 'policylink-pledge']
        >>> cat.framework("8cantwait-2020").short_title
        "8 Can't Wait"
        >>> cat.framework("uscm")
        Traceback (most recent call last):
        ...
        policeframeworks.exceptions.UnknownIdError: unknown framework id 'uscm' (did you mean 'uscm-2020'?)
    """

    frameworks: tuple[Framework, ...] = attrs.field(converter=_to_tuple)
    sources: Mapping[str, str] = attrs.field(factory=dict, eq=False, repr=False)
    data_version: str | None = attrs.field(default=None, eq=False)
    endorsements: tuple[Endorsement, ...] = attrs.field(
        default=(), converter=_to_endorsements, kw_only=True, repr=False
    )
    crosswalk_documents: tuple[CrosswalkDocument, ...] = attrs.field(
        default=(), converter=_documents_tuple, eq=False, repr=False, kw_only=True
    )
    crosswalk_sources: tuple[str | None, ...] = attrs.field(
        default=(), converter=_names_tuple, eq=False, repr=False, kw_only=True
    )
    bundled_crosswalks: bool = attrs.field(default=True, eq=False, repr=False, kw_only=True)

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        by_id: dict[str, Framework] = {}
        for i, fw in enumerate(self.frameworks):
            if not isinstance(fw, Framework):
                problems.append(
                    Problem(f"frameworks[{i}]", f"expected a Framework, got {type(fw).__name__}", code="type")
                )
            elif fw.id in by_id:
                where = [self.sources.get(fw.id)] if self.sources.get(fw.id) else []
                problems.append(
                    Problem(
                        f"frameworks[{i}].id",
                        f"duplicate framework id {fw.id!r}" + (f" (also in {where[0]})" if where else ""),
                        code="duplicate_id",
                    )
                )
            else:
                by_id[fw.id] = fw
        if problems:
            raise ValidationError(problems)
        problems += correspondence_problems(self.frameworks, by_id)
        from ._endorsement import Endorsement

        for i, e in enumerate(self.endorsements):
            if not isinstance(e, Endorsement):
                problems.append(
                    Problem(
                        f"endorsements[{i}]", f"expected an Endorsement, got {type(e).__name__}", code="type"
                    )
                )
            else:
                problems += [p.within(f"endorsements[{i}]") for p in self._reference_problems(e)]
        if problems:
            raise ValidationError(problems)

    def _reference_problems(self, e: Endorsement) -> list[Problem]:
        """Problems with an endorsement's target and via: each must be in this catalog."""
        problems = []
        for field in ("target", "via"):
            ref = getattr(e, field)
            if ref is not None and ref not in self:
                if is_framework_id(ref):
                    candidates: list[str] = list(self._by_id)
                else:
                    candidates = [p for f in self.frameworks for p in f.by_id]
                problems.append(
                    Problem(
                        field, f"{ref!r} is not in the catalog", suggestion=first_or_none(ref, candidates)
                    )
                )
        return problems

    def __repr__(self) -> str:
        """A short summary: the number of frameworks and the first ids (never the frameworks themselves).

        Example:
            >>> from policeframeworks import Catalog, load_catalog
            >>> frameworks = load_catalog().frameworks
            >>> Catalog(frameworks[:2])
            Catalog(2 frameworks: uscm-2020, 8cantwait-2020)
            >>> Catalog(frameworks[:7])  # doctest: +ELLIPSIS
            Catalog(7 frameworks: uscm-2020, 8cantwait-2020, ..., and 2 more)
            >>> Catalog([])
            Catalog(0 frameworks)
        """
        ids = [fw.id for fw in self.frameworks]
        noun = "framework" if len(ids) == 1 else "frameworks"
        if not ids:
            return f"Catalog(0 {noun})"
        shown = ids if len(ids) <= _REPR_IDS + 1 else [*ids[:_REPR_IDS], f"and {len(ids) - _REPR_IDS} more"]
        return f"Catalog({len(ids)} {noun}: {', '.join(shown)})"

    # The same short summary for IPython's and Hypothesis' pretty printers (instances only: see _pretty).
    _repr_pretty_ = PrettyAsRepr()

    @functools.cached_property
    def _by_id(self) -> dict[str, Framework]:
        return {fw.id: fw for fw in self.frameworks}

    def __iter__(self) -> Iterator[Framework]:
        return iter(self.frameworks)

    def __len__(self) -> int:
        return len(self.frameworks)

    def __contains__(self, id: object) -> bool:
        if not isinstance(id, str):
            return False
        if id in self._by_id:
            return True
        fw = self._by_id.get(framework_id_of(id))
        return fw is not None and id in fw

    @property
    def crosswalk(self) -> Crosswalk:
        """The crosswalk over this catalog, built on first use and cached.

        It holds the bundled crosswalk documents (``crosswalks`` in ``data/catalog.toml``) whose
        frameworks are all in this catalog, unless the catalog was made with ``bundled_crosswalks=False``,
        then the user's crosswalk documents (``crosswalk_documents``, e.g. files given to
        :func:`policeframeworks.io.read_catalog`), in order.

        Example:
            >>> from policeframeworks import load_catalog
            >>> cat = load_catalog()
            >>> cat.crosswalk is cat.crosswalk, cat.crosswalk.catalog is cat
            (True, True)

        Raises:
            ValidationError: a mapping names an id that is not in this catalog.
        """
        return self._crosswalk  # type: ignore[no-any-return]

    # A cached property typed Any: attrs lists a cached property's annotation among the class's, and the
    # converter resolves them all, where Crosswalk (a lower layer) is not importable.
    @functools.cached_property
    def _crosswalk(self) -> Any:
        # The one documented lazy import up the layers: the crosswalk layer sits below the catalog's.
        from .crosswalk import Crosswalk

        docs: list[CrosswalkDocument] = []
        names: list[str | None] = []
        if self.bundled_crosswalks:
            for doc, name in zip(bundled_documents(), bundled_sources(), strict=True):
                if all(f in self._by_id for f in doc.frameworks):
                    docs.append(doc)
                    names.append(name)
        docs += self.crosswalk_documents
        names += self.crosswalk_sources
        return Crosswalk.from_documents(docs, catalog=self, sources=names)

    @property
    def framework_ids(self) -> tuple[str, ...]:
        """The framework ids, in display order."""
        return tuple(self._by_id)

    def framework(self, framework_id: str) -> Framework:
        """The framework with this id.

        Raises:
            UnknownIdError: no such framework; the closest ids are suggested.
        """
        try:
            return self._by_id[framework_id]
        except (KeyError, TypeError):
            raise unknown_id(str(framework_id), "framework", self._by_id) from None

    def principle(self, principle_id: str) -> Principle:
        """The principle (or framing statement) with this id, in any framework, at any depth.

        Example:
            >>> from policeframeworks import load_catalog
            >>> load_catalog().principle("uscm-2020:sanctity-of-life").title
            'Sanctity of Life'

        Raises:
            UnknownIdError: no such principle; the closest ids are suggested.
        """
        fw = self._by_id.get(framework_id_of(principle_id))
        if fw is None:
            everything = [p for f in self.frameworks for p in f.by_id]
            raise unknown_id(principle_id, "principle", everything)
        return fw.principle(principle_id)

    def incomplete(self) -> tuple[Framework, ...]:
        """The frameworks the catalog holds only in part (``complete = false``), in display order.

        Reports and coverage figures over these must say so; each one's ``missing`` says what is absent.

        Example:
            >>> from policeframeworks import load_catalog
            >>> for fw in load_catalog().incomplete():
            ...     print(fw.id)
            21cp-2015
            campaignzero-2015
            perf-2016
        """
        return tuple(fw for fw in self.frameworks if not fw.complete)

    def family(self, family: str) -> tuple[Framework, ...]:
        """The frameworks of one family (the versions of one framework), oldest first by date.

        Example:
            >>> from policeframeworks import load_catalog
            >>> [fw.id for fw in load_catalog().family("campaign-zero-eight")]
            ['useofforce-2016', '8cantwait-2020']

        Raises:
            UnknownIdError: no framework of the catalog has this family; the closest are suggested.
        """
        found = [fw for fw in self.frameworks if fw.family == family]
        if not found:
            raise unknown_id(str(family), "family", sorted({fw.family for fw in self.frameworks}))
        return tuple(sorted(found, key=lambda fw: fw.date))

    def endorsements_of(self, id: str, *, relation: Relation | str | None = None) -> tuple[Endorsement, ...]:
        """The endorsements of a framework (including those of any of its principles) or of one principle.

        Given a framework id, every endorsement whose target is that framework or one of its principles;
        given a principle id, those whose target is exactly that principle. ``relation`` keeps only one
        kind (``answers`` is not support: filter on ``relation.is_support`` to leave it out). In the
        catalog's order.

        Example:
            >>> from policeframeworks import load_catalog
            >>> for e in load_catalog().endorsements_of("21cp-2015"):
            ...     print(e.relation.value, "|", e.endorser)
            endorsed | Illinois Association of Chiefs of Police and NAACP Illinois State Conference
            builds-on | The United States Conference of Mayors
            integrates | Campaign Zero

        Raises:
            UnknownIdError: the id is not in the catalog.
            ValidationError: ``relation`` is not a relation word.
        """
        wanted = _relation_or_none(relation)
        if is_framework_id(id):
            self.framework(id)
            hits = [e for e in self.endorsements if e.target_framework == id]
        else:
            self.principle(id)
            hits = [e for e in self.endorsements if e.target == id]
        return tuple(e for e in hits if wanted is None or e.relation is wanted)

    @property
    def endorsers(self) -> tuple[str, ...]:
        """The names of the bodies with at least one endorsement, in order of first appearance."""
        return tuple(dict.fromkeys(e.endorser for e in self.endorsements))

    def endorsed_by(self, name: str, *, relation: Relation | str | None = None) -> tuple[Endorsement, ...]:
        """What one body endorsed, adopted, built on or answered. ``name`` is matched ignoring case.

        Example:
            >>> from policeframeworks import load_catalog
            >>> [e.target for e in load_catalog().endorsed_by("the united states conference of mayors",
            ...                                               relation="builds-on")]
            ['21cp-2015', 'perf-2016', 'peel-principles']
            >>> load_catalog().endorsed_by("Illinois Municipal Leage")
            Traceback (most recent call last):
            ...
            policeframeworks.exceptions.UnknownIdError: unknown endorser id ... 'Illinois Municipal League'?)

        Raises:
            UnknownIdError: no endorsement by that name; the closest names are suggested.
            ValidationError: ``relation`` is not a relation word.
        """
        wanted = _relation_or_none(relation)
        key = name.casefold() if isinstance(name, str) else None
        hits = [e for e in self.endorsements if e.endorser.casefold() == key]
        if not hits:
            raise unknown_id(str(name), "endorser", self.endorsers)
        return tuple(e for e in hits if wanted is None or e.relation is wanted)

    def framework_of(self, principle_id: str) -> Framework:
        """The framework a principle belongs to."""
        return self.framework(self.principle(principle_id).framework_id)

    def iter_principles(self) -> Iterator[Principle]:
        """Every principle of every framework, in display order (framing statements excluded)."""
        for fw in self.frameworks:
            yield from fw.iter_principles()

    def search(self, text: str | None = None, theme: Theme | str | None = None) -> tuple[Principle, ...]:
        """Principles whose title, text or aliases contain every word of ``text``, with ``theme`` if given.

        Matching ignores case. With neither argument, every principle is returned.

        Example:
            >>> from policeframeworks import load_catalog
            >>> for p in load_catalog().search("chokehold"):
            ...     print(p.id)
            uscm-2020:sanctity-of-life
            uscm-2020:sanctity-of-life/chokehold-ban
            8cantwait-2020:ban-chokeholds-and-strangleholds
            useofforce-2016:ban-chokeholds-and-strangleholds
            >>> len(load_catalog().search(theme="duty-to-intervene")) >= 2
            True

        Raises:
            ValidationError: ``theme`` is not a theme word (the closest one is suggested).
        """
        wanted = None if theme is None else parse_enum("theme", theme, Theme)
        terms = text.casefold().split() if text else []
        found = []
        for p in self.iter_principles():
            if wanted is not None and wanted not in p.themes:
                continue
            hay = " ".join([p.title, p.text, *p.aliases]).casefold()
            if all(term in hay for term in terms):
                found.append(p)
        return tuple(found)

    @classmethod
    def from_paths(
        cls,
        *paths: str | os.PathLike[str],
        include_bundled: bool = True,
        bundled_crosswalks: bool | None = None,
    ) -> Catalog:
        """Deprecated: use :func:`policeframeworks.io.read_catalog` (pass ``include_bundled=True``).

        Reads framework, endorsement and crosswalk files beside (``include_bundled``, the default here) or
        instead of the bundled ones; warns with a :class:`DeprecationWarning`.
        """
        warnings.warn(
            "Catalog.from_paths() is deprecated; use policeframeworks.io.read_catalog"
            f"(*paths, include_bundled={include_bundled}) instead",
            DeprecationWarning,
            stacklevel=2,
        )
        # The files are read by an io module that does not import this one (so no import cycle).
        from .io._catalog_files import read_catalog_files

        bundled = bundled_catalog() if include_bundled else None
        found = read_catalog_files(paths, taken=bundled.sources if bundled else {})
        return catalog_of_files(found, bundled, bundled_crosswalks=bundled_crosswalks)


def catalog_of_files(
    found: CatalogFiles, bundled: BundledCatalog | None, *, bundled_crosswalks: bool | None = None
) -> Catalog:
    """The catalog of what the user's files hold, beside the bundled catalog's parts if given.

    What was read (:func:`policeframeworks.io.read_catalog` reads it) is checked here: endorsement targets
    and crosswalk ids against the new catalog. ``bundled_crosswalks`` defaults to whether ``bundled`` is
    given.

    Raises:
        ValidationError: every problem found while reading, then every reference that does not resolve.
    """
    if found.problems:
        raise ValidationError(found.problems)
    frameworks = [*(bundled.frameworks if bundled else ()), *(fw for fw, _ in found.frameworks)]
    sources = {**(bundled.sources if bundled else {}), **{fw.id: name for fw, name in found.frameworks}}
    bare = Catalog(frameworks, sources=sources)
    problems = [
        p.within(f"endorsements[{i}]", name)
        for name, i, e in found.endorsements
        for p in bare._reference_problems(e)
    ]
    if problems:
        raise ValidationError(problems)
    own = [e for _, _, e in found.endorsements]
    catalog = Catalog(
        frameworks,
        sources=sources,
        endorsements=[*(bundled.endorsements.endorsements if bundled and bundled.endorsements else ()), *own],
        crosswalk_documents=[doc for doc, _ in found.documents],
        crosswalk_sources=[name for _, name in found.documents],
        bundled_crosswalks=bundled is not None if bundled_crosswalks is None else bundled_crosswalks,
    )
    if found.documents:
        catalog.crosswalk  # noqa: B018 - check the crosswalk's ids now, while the files are named
    return catalog


def _relation_or_none(relation: Relation | str | None) -> Relation | None:
    return None if relation is None else parse_enum("relation", relation, Relation)


@functools.cache
def load_catalog() -> Catalog:
    """The bundled catalog, read on first call and cached (the same object every time).

    Example:
        >>> from policeframeworks import load_catalog
        >>> load_catalog() is load_catalog()
        True
        >>> len(load_catalog().framework("uscm-2020").principles)
        6
    """
    bundled = bundled_catalog()
    return Catalog(
        bundled.frameworks,
        sources=bundled.sources,
        data_version=bundled.data_version,
        endorsements=bundled.endorsements.endorsements if bundled.endorsements else (),
    )


def bundled_framework_or_none(framework_id: str) -> Framework | None:
    """The bundled framework with this id, or None (the bundled catalog is read once, then cached)."""
    catalog = load_catalog()
    return catalog.framework(framework_id) if framework_id in catalog.framework_ids else None


def bundled_framework(framework_id: str) -> Framework:
    """The bundled framework with this id.

    Raises:
        UnknownIdError: no bundled framework has this id (the closest are suggested).
    """
    return load_catalog().framework(framework_id)
