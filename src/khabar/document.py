"""The document model: the original text, never modified, and frozen spans that point into it.

Every span carries ``start``/``end`` (Python code points into :attr:`Document.text`, end exclusive) and the
``text`` they cover, so ``doc.text[span.start:span.end] == span.text`` holds for every span of every layer, and
the JSON form (:meth:`Document.to_dict`) is the ``khabar/1`` contract of SCHEMA.md.

Layers are immutable tuples that pipeline stages set once they have computed them (``doc.set_layer``); the
normalised view of the text is computed on demand and cached (:meth:`Document.normalised`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime
from functools import cache
from typing import Any, ClassVar, overload

from khabar.errors import InputError, SchemaError
from khabar.text.normalise import DEFAULT, NormalisedText, NormaliseOptions, OffsetMap
from khabar.text.normalise import normalise as _normalise

SCHEMA_VERSION = "khabar/1"
ENTITY_TYPES = ("PER", "ORG", "LOC", "MISC")
TIME_TYPES = ("DATE", "TIME", "DURATION", "SET")
QUOTE_KINDS = ("direct", "indirect")
MODALITIES = ("asserted", "negated", "future", "hypothetical")


# --------------------------------------------------------------------------------------------------- spans


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the original text."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return _to_dict(self)


@dataclass(frozen=True, slots=True)
class Sentence(Span):
    """A sentence, trimmed of surrounding white space."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Clitic(Span):
    """A clitic inside a token: ``text`` as written, ``form`` as a dictionary would write it.

    ``role`` is one of ``conj`` (و ف), ``prep`` (ب ل ك), ``fut`` (س), ``det`` (ال) or ``pron`` (pronoun
    suffixes). In للبيان the article's written form is the second ل, and its ``form`` is ال.
    """

    form: str
    role: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Token(Span):
    """A surface token with its clitic analysis: proclitics, stem and pronoun suffix, all spans of the text."""

    kind: str = "word"
    proclitics: tuple[Clitic, ...] = ()
    stem: Span | None = None
    enclitic: Clitic | None = None

    @property
    def base(self) -> Span:
        """The stem, or the whole token when it has no clitics."""
        return self.stem if self.stem is not None else Span(self.start, self.end, self.text)


@dataclass(frozen=True, slots=True, kw_only=True)
class Mention(Span):
    """A name in the text (``type`` PER, ORG, LOC or MISC) and the entity it refers to.

    ``subtype`` says when the mention is not a name: ``title`` (الأمين العام for the person holding it),
    ``demonym`` (العراقي for Iraq), ``capital`` (العاصمة الفرنسية for Paris), ``institution`` (الخارجية العراقية),
    ``anaphor`` (الحلف) or ``group`` (الجانبان), whose ``refers`` lists the entities it stands for.
    """

    id: str
    type: str
    entity: str | None = None
    subtype: str | None = None
    refers: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Time(Span):
    """A temporal expression with its TIMEX3-style ``value`` and resolved interval ``[begin, until)``."""

    id: str
    type: str
    value: str | None = None
    begin: str | None = None
    until: str | None = None
    calendar: str | None = None
    mod: str | None = None
    flag: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Quantity(Span):
    """A number written in digits or words, with its value and unit."""

    id: str
    value: int | float | None = None
    unit: str | None = None
    ordinal: bool = False
    kind: str | None = None
    currency: str | None = None
    mod: str | None = None
    flag: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Quote(Span):
    """A direct or indirect statement, its speaker (an entity id or None) and its cue (the speech verb).

    ``speakers`` lists every speaker of a joint statement (the first is ``speaker``); ``speaker_mention`` is the
    mention that names the speaker in this statement's sentence, when there is one.
    """

    id: str
    kind: str
    speaker: str | None = None
    cue: Span | None = None
    speakers: tuple[str, ...] = ()
    speaker_mention: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Source(Span):
    """What a story cites for its information: a dateline agency (``kind`` dateline) or an attribution
    (وفقاً لبيان الخارجية العراقية, ``kind`` attribution), with the entity it names and the attribution cue."""

    kind: str
    entity: str | None = None
    cue: Span | None = None


@dataclass(frozen=True, slots=True)
class Role:
    """An office an entity holds: ``title`` (Arabic), ``title_en``, ``of`` (an entity id or None)."""

    title: str
    title_en: str | None = None
    of: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return _to_dict(self)


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world thing, with the ids of the mentions that refer to it.

    ``key`` is the same for this thing in every article (a knowledge-base id such as ``org:nato``, else the
    type and the skeleton of the name), so that a corpus can count and link it.
    """

    id: str
    type: str
    name: str
    name_latn: str | None = None
    mentions: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    country: str | None = None
    sector: str | None = None
    key: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return _to_dict(self)


@dataclass(frozen=True, slots=True)
class Event:
    """A PLOVER event with its participants (entity ids), date, place, modality and proof.

    ``evidence`` is the sentence of its first report; ``evidences`` every sentence that reports it (one event per
    real happening: a phone call reported three times is one event with three evidences). ``background`` is true
    when every report only mentions the event as the cause, topic or setting of what its sentence tells (ندد
    بالهجوم، بعد الهجوم، المدينة التي شهدت هجوما): it happened, but an event count leaves it out.
    """

    id: str
    type: str
    trigger: Span
    evidence: Span
    mode: str | None = None
    actors: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    time: str | None = None
    date: str | None = None
    location: str | None = None
    modality: str = "asserted"
    evidences: tuple[Span, ...] = ()
    background: bool = False

    def to_dict(self) -> dict[str, Any]:
        return _to_dict(self)


_OPTIONAL_WHEN_DEFAULT = frozenset(
    {
        "subtype",
        "ordinal",
        "calendar",
        "mod",
        "flag",
        "currency",
        "refers",
        "key",
        "speakers",
        "speaker_mention",
        "evidences",
        "background",
    }
)
# Fields that are left out only on the classes named here (Quote.kind is always written).
_OPTIONAL_WHEN_DEFAULT_FOR: dict[str, frozenset[str]] = {"Quantity": frozenset({"kind"})}


_SCALARS = frozenset({str, int, float, bool, type(None)})  # written as they are


@cache
def _fields_to_write(cls: type) -> tuple[tuple[str, bool], ...]:
    """Per field of ``cls``: its name, and whether it is left out when empty."""
    optional = _OPTIONAL_WHEN_DEFAULT_FOR.get(cls.__name__, frozenset())
    return tuple((f.name, f.name in _OPTIONAL_WHEN_DEFAULT or f.name in optional) for f in fields(cls))


def _json_value(value: Any) -> Any:
    if type(value) in _SCALARS:
        return value
    if isinstance(value, Span | Role | Entity):
        return value.to_dict()
    if isinstance(value, tuple):
        return [_json_value(v) for v in value]
    return value


def _to_dict(obj: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, left_out_when_empty in _fields_to_write(type(obj)):
        value = getattr(obj, name)
        if left_out_when_empty and not value:
            continue
        out[name] = value if type(value) in _SCALARS else _json_value(value)
    return out


# ------------------------------------------------------------------------------------------------ tokens


class TokenTable(Sequence[Token]):
    """The tokens of a document, stored compactly; :class:`Token` objects are made when asked for.

    ``spans[i]`` is the ``(start, end)`` of token ``i``, ``analyses[i]`` the analysis shared by every token with
    the same surface form (see :mod:`khabar.stages.tokenise`): its kind and the relative offsets of its clitics.
    """

    __slots__ = ("_analyses", "_spans", "_text")

    def __init__(self, text: str, spans: list[tuple[int, int]], analyses: list[Any]) -> None:
        self._text = text
        self._spans = spans
        self._analyses = analyses

    def __len__(self) -> int:
        return len(self._spans)

    @overload
    def __getitem__(self, index: int) -> Token: ...
    @overload
    def __getitem__(self, index: slice) -> list[Token]: ...
    def __getitem__(self, index: int | slice) -> Token | list[Token]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        start, end = self._spans[index]
        return self._analyses[index].token(self._text, start, end)

    def __iter__(self) -> Iterator[Token]:
        text = self._text
        for (start, end), analysis in zip(self._spans, self._analyses, strict=True):
            yield analysis.token(text, start, end)

    @property
    def spans(self) -> Sequence[tuple[int, int]]:
        """``(start, end)`` of every token, without making token objects."""
        return self._spans

    @property
    def analyses(self) -> Sequence[Any]:
        """The shared analysis of every token (``kind``, clitic offsets), without making token objects."""
        return self._analyses

    def to_list(self) -> list[dict[str, Any]]:
        return [token_to_dict(t) for t in self]


def token_to_dict(token: Token) -> dict[str, Any]:
    """JSON of a token: kind always, the clitic analysis only where there is one."""
    out: dict[str, Any] = {"start": token.start, "end": token.end, "text": token.text, "kind": token.kind}
    if token.proclitics:
        out["proclitics"] = [c.to_dict() for c in token.proclitics]
    if token.stem is not None:
        out["stem"] = token.stem.to_dict()
    if token.enclitic is not None:
        out["enclitic"] = token.enclitic.to_dict()
    return out


# ----------------------------------------------------------------------------------------------- document

# Layers in the order of the JSON form; every layer of SCHEMA.md is always written, empty when not computed.
SCHEMA_LAYERS = ("sentences", "mentions", "entities", "times", "quantities", "quotes", "events")
# Layers khabar adds to the contract; written only when they have been computed.
EXTRA_LAYERS = ("paragraphs", "tokens", "sources")
LAYER_TYPES: dict[str, type] = {
    "sentences": Sentence,
    "paragraphs": Span,
    "tokens": Token,
    "mentions": Mention,
    "entities": Entity,
    "times": Time,
    "quantities": Quantity,
    "quotes": Quote,
    "events": Event,
    "sources": Source,
}
METADATA_KEYS = ("title", "source", "url")


def parse_published(value: str | date | None, *, field_name: str = "published") -> date | datetime | None:
    """A publication date from an ISO date or datetime (with or without offset); InputError otherwise."""
    if value is None or isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise InputError(f"{field_name} must be an ISO date string, got {type(value).__name__}")
    text = value.strip()
    if not text:
        return None
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        return datetime.fromisoformat(text)
    except ValueError:
        raise InputError(
            f"{field_name} {value!r} is not an ISO date or datetime (e.g. 2021-03-10 or 2021-03-10T09:00:00+03:00)"
        ) from None


class Document:
    """An article: its original text, metadata, and the layers the pipeline has computed."""

    __slots__ = ("_layers", "_offsets", "_text", "_views", "id", "meta", "published")

    SPAN_LAYERS: ClassVar[frozenset[str]] = frozenset(
        {"sentences", "paragraphs", "tokens", "mentions", "times", "quantities", "quotes", "sources"}
    )

    def __init__(
        self,
        text: str,
        *,
        id: str | None = None,
        published: str | date | None = None,
        meta: Mapping[str, Any] | None = None,
    ) -> None:
        if not isinstance(text, str):
            raise InputError(f"text must be a str, got {type(text).__name__}")
        self._text = text
        self.id = id
        self.published = parse_published(published)
        self.meta: dict[str, Any] = dict(meta or {})
        self._layers: dict[str, Sequence[Any]] = {}
        self._offsets: OffsetMap | None = None
        self._views: dict[NormaliseOptions, NormalisedText] = {}

    # --- the text and its views

    @property
    def text(self) -> str:
        """The original text, exactly as given."""
        return self._text

    def normalised(self, options: NormaliseOptions = DEFAULT) -> NormalisedText:
        """The normalised view of the text under ``options`` (cached)."""
        view = self._views.get(options)
        if view is None:
            view = _normalise(self._text, options, self._offsets)
            self._offsets = view.offsets
            self._views[options] = view
        return view

    def span(self, start: int, end: int) -> Span:
        """A plain span of the text; IndexError when out of range."""
        if not 0 <= start <= end <= len(self._text):
            raise IndexError(f"span [{start}, {end}) is outside the text (length {len(self._text)})")
        return Span(start, end, self._text[start:end])

    @property
    def published_iso(self) -> str | None:
        return None if self.published is None else self.published.isoformat()

    # --- layers

    def has_layer(self, name: str) -> bool:
        return name in self._layers

    def layer(self, name: str) -> Sequence[Any]:
        """The items of layer ``name`` (empty when it has not been computed)."""
        if name not in LAYER_TYPES:
            raise SchemaError(f"unknown layer {name!r}; known layers: {', '.join(LAYER_TYPES)}")
        return self._layers.get(name, ())

    def set_layer(self, name: str, items: Iterable[Any], *, check: bool = True) -> None:
        """Set layer ``name``; with ``check``, every span's offsets and text are verified against the text."""
        if name not in LAYER_TYPES:
            raise SchemaError(f"unknown layer {name!r}; known layers: {', '.join(LAYER_TYPES)}")
        stored = items if isinstance(items, TokenTable) else tuple(items)
        if check and name in self.SPAN_LAYERS and not isinstance(stored, TokenTable):
            for item in stored:
                self._check_span(name, item)
        self._layers[name] = stored

    def _check_span(self, layer: str, span: Span) -> None:
        text = self._text
        if not (0 <= span.start <= span.end <= len(text)) or text[span.start : span.end] != span.text:
            raise SchemaError(
                f"{layer}: span [{span.start}, {span.end}) {span.text!r} does not match the document text"
                f" {text[span.start : span.end]!r}"
            )

    @property
    def sentences(self) -> Sequence[Sentence]:
        return self._layers.get("sentences", ())

    @property
    def paragraphs(self) -> Sequence[Span]:
        return self._layers.get("paragraphs", ())

    @property
    def tokens(self) -> Sequence[Token]:
        return self._layers.get("tokens", ())

    @property
    def mentions(self) -> Sequence[Mention]:
        return self._layers.get("mentions", ())

    @property
    def entities(self) -> Sequence[Entity]:
        return self._layers.get("entities", ())

    @property
    def times(self) -> Sequence[Time]:
        return self._layers.get("times", ())

    @property
    def quantities(self) -> Sequence[Quantity]:
        return self._layers.get("quantities", ())

    @property
    def quotes(self) -> Sequence[Quote]:
        return self._layers.get("quotes", ())

    @property
    def events(self) -> Sequence[Event]:
        return self._layers.get("events", ())

    @property
    def sources(self) -> Sequence[Source]:
        return self._layers.get("sources", ())

    # --- serialisation

    def to_dict(self, *, tokens: bool = False) -> dict[str, Any]:
        """The ``khabar/1`` JSON object; ``tokens=True`` adds the token layer with its clitic analyses."""
        out: dict[str, Any] = {"schema": SCHEMA_VERSION, "id": self.id, "published": self.published_iso}
        out["text"] = self._text
        for key in METADATA_KEYS:
            if self.meta.get(key) is not None:
                out[key] = self.meta[key]
        for name in SCHEMA_LAYERS:
            if name == "sentences":
                out[name] = [{"start": s.start, "end": s.end} for s in self.sentences]
            else:
                out[name] = [item.to_dict() for item in self._layers.get(name, ())]
        if tokens and "tokens" in self._layers:
            tokens_layer = self._layers["tokens"]
            out["tokens"] = (
                tokens_layer.to_list()
                if isinstance(tokens_layer, TokenTable)
                else [token_to_dict(t) for t in tokens_layer]
            )
        if "paragraphs" in self._layers:
            out["paragraphs"] = [{"start": p.start, "end": p.end} for p in self.paragraphs]
        if "sources" in self._layers:
            out["sources"] = [item.to_dict() for item in self._layers["sources"]]
        return out

    def to_json(self, *, tokens: bool = False) -> str:
        """One line of JSON (UTF-8 text, Arabic unescaped)."""
        return json.dumps(self.to_dict(tokens=tokens), ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Document:
        """Rebuild a document from its ``khabar/1`` JSON object, checking every span against the text."""
        if not isinstance(data, Mapping):
            raise SchemaError(f"a khabar/1 document is a JSON object, got {type(data).__name__}")
        schema = data.get("schema")
        if schema != SCHEMA_VERSION:
            raise SchemaError(f"schema is {schema!r}, expected {SCHEMA_VERSION!r}")
        text = data.get("text")
        if not isinstance(text, str):
            raise SchemaError("field 'text' is missing or not a string")
        meta = {key: data[key] for key in METADATA_KEYS if data.get(key) is not None}
        doc = cls(text, id=data.get("id"), published=data.get("published"), meta=meta)
        try:
            for name in (*SCHEMA_LAYERS, *EXTRA_LAYERS):
                if name not in data:
                    continue
                items = data[name]
                if name in ("sentences", "paragraphs"):
                    span_type = LAYER_TYPES[name]
                    doc.set_layer(name, [span_type(s["start"], s["end"], text[s["start"] : s["end"]]) for s in items])
                else:
                    doc.set_layer(name, [_from_dict(LAYER_TYPES[name], item, text) for item in items])
        except (KeyError, TypeError) as error:
            raise SchemaError(f"layer {name!r}: malformed item ({error})") from None
        return doc

    def __repr__(self) -> str:
        preview = self._text[:40] + ("…" if len(self._text) > 40 else "")
        layers = ", ".join(f"{k}={len(v)}" for k, v in self._layers.items())
        return f"Document(id={self.id!r}, text={preview!r}, {layers})"


def _from_dict(cls: type, item: Mapping[str, Any], text: str) -> Any:
    if cls is Token:
        return Token(
            item["start"],
            item["end"],
            item["text"],
            kind=item.get("kind", "word"),
            proclitics=tuple(_from_dict(Clitic, c, text) for c in item.get("proclitics", ())),
            stem=_from_dict(Span, item["stem"], text) if item.get("stem") else None,
            enclitic=_from_dict(Clitic, item["enclitic"], text) if item.get("enclitic") else None,
        )
    kwargs: dict[str, Any] = {}
    for f in fields(cls):
        if f.name not in item:
            continue
        value = item[f.name]
        if f.name in ("cue", "trigger", "evidence") and value is not None:
            value = Span(value["start"], value["end"], text[value["start"] : value["end"]])
        elif f.name == "evidences":
            value = tuple(Span(v["start"], v["end"], text[v["start"] : v["end"]]) for v in value)
        elif f.name == "roles":
            value = tuple(Role(**r) for r in value)
        elif isinstance(value, list):
            value = tuple(value)
        kwargs[f.name] = value
    return cls(**kwargs)


__all__ = [
    "SCHEMA_VERSION",
    "Clitic",
    "Document",
    "Entity",
    "Event",
    "Mention",
    "Quantity",
    "Quote",
    "Role",
    "Sentence",
    "Source",
    "Span",
    "Time",
    "Token",
    "TokenTable",
]
