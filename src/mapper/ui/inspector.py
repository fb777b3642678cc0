"""The inspector edits whatever is selected: a card, a stage, a lane, a flow, or (with
nothing selected) the map itself. Every edit is an undoable command; typing in one field
merges into one undo step."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QLayout, QScrollArea, QVBoxLayout, QWidget

from mapper.document import Document
from mapper.edits import Change, EditRefused, Update, intents
from mapper.edits.wording import field_edit
from mapper.layout.theme import CREATOR_LABELS
from mapper.model import (
    METRIC_RANGES,
    METRICS,
    BuyingPhase,
    CardKind,
    Creator,
    Entity,
    JourneyMap,
    LaneKind,
    ModelError,
    ModelEvent,
)
from mapper.model.vocabulary import STAGE_WIDTH_MAX, STAGE_WIDTH_MIN
from mapper.ui.channel_field import ChannelField
from mapper.ui.evidence_field import EvidenceField
from mapper.ui.form_fields import (
    CheckField,
    ChoiceField,
    ColorField,
    LineField,
    NumberField,
    ScoreField,
    TextField,
    add_row,
    join_list,
    number_within,
    show_optional_number,
    split_lines,
    split_list,
)
from mapper.ui.hints import hint
from mapper.ui.kept_focus import KeptFocus
from mapper.ui.opportunity_fields import PainPointPicker, PriorityLabel, rating_field
from mapper.ui.votes_label import VotesLabel

WIDTH = 340  # what the panel asks for, in pixels
Getter = Callable[[Any], Any]
ToChanges = Callable[[Any, Any], dict[str, Any]]


@dataclass
class FieldSpec:
    label: str
    make: Callable[[], Any]
    get: Getter
    to_changes: ToChanges
    key: str = ""  # the field's name for its placeholder hint (mapper.ui.hints)
    # an intent that builds the whole step itself (journey, item id, value), instead
    # of ``to_changes`` merged with the typing in that field
    command: Callable[[JourneyMap, str, Any], Change | None] | None = None


def plain(name: str, label: str, make: Callable[[], Any]) -> FieldSpec:
    return FieldSpec(label, make, lambda e: getattr(e, name), lambda v, e: {name: v}, name)


def _sensitive_box() -> CheckField:
    """Short enough for a narrow inspector; the tooltip says why a card would be hidden."""
    box = CheckField("Hide when presenting")
    box.setToolTip("Sensitive: the card is left out when the map is presented to a room")
    return box


def _title(text: str) -> str:
    return text.replace("_", " ").capitalize()


def _field_words(label: str) -> str:
    """A form label as the Edit menu says it: 'Conversion rate' -> 'conversion rate';
    acronyms (CSAT, URL) and names after a colon keep their capitals."""
    label = label.replace("_", " ").strip()
    if len(label) > 1 and label[1].islower():
        label = label[0].lower() + label[1:]
    return label


def _enum_choices(enum, none_label: str | None = None, labels=None) -> Callable[[], ChoiceField]:
    choices = [(none_label, None)] if none_label else []
    choices += [((labels or {}).get(v, _title(v.value)), v) for v in enum]
    return lambda: ChoiceField(choices)


METRIC_LABELS = {name: info.label for name, info in METRICS.items()}


def metric_specs() -> list[FieldSpec]:
    return [_metric_spec(name, label) for name, label in METRIC_LABELS.items()]


def _metric_spec(name: str, label: str) -> FieldSpec:
    def make() -> LineField:
        return LineField(number_within(label, *METRIC_RANGES[name]), show_optional_number)

    def read(entity: Any) -> Any:
        return getattr(entity.metrics, name)

    def write(value: Any, entity: Any) -> dict[str, Any]:
        return {"metrics": replace(entity.metrics, **{name: value})}

    return FieldSpec(label, make, read, write)


def _score_spec(persona_id: str, label: str) -> FieldSpec:
    def read(card: Any) -> Any:
        return card.emotions.get(persona_id)

    def write(value: Any, card: Any) -> dict[str, Any]:
        return {"emotions": _set_score(card.emotions, persona_id, value)}

    return FieldSpec(label, ScoreField, read, write)


def card_specs(document: Document, kind: CardKind) -> list[FieldSpec]:
    """The card's fields; the touchpoint classification and metrics only for touchpoints."""
    journey = document.journey
    touchpoint = kind is CardKind.TOUCHPOINT
    opportunity = kind is CardKind.OPPORTUNITY
    specs = [
        plain("title", "Title", LineField),
        plain("kind", "Kind", _enum_choices(CardKind)),
        plain("description", "Description", TextField),
    ]
    if opportunity:
        specs += opportunity_specs(journey)
    if touchpoint:
        specs += [
            plain("channel", "Channel", lambda: ChannelField(document)),
            plain("creator", "Creator", _enum_choices(Creator, "(not set)", CREATOR_LABELS)),
            plain("buying_phase", "Buying phase", _enum_choices(BuyingPhase, "From the stage")),
        ]
    specs.append(plain("moment_of_truth", "", lambda: CheckField("Moment of truth")))
    specs.append(plain("sensitive", "", _sensitive_box))
    for persona in journey.personas:
        specs.append(_score_spec(persona.id, f"Emotion: {persona.name}"))
    specs += [
        *([] if opportunity else [plain("owner", "Owner", LineField)]),
        *(metric_specs() if touchpoint else []),
        plain("evidence", "Evidence", EvidenceField),
        plain("url", "URL", LineField),
        FieldSpec("Tags", lambda: LineField(split_list, join_list), lambda e: e.tags,
                  lambda v, e: {"tags": v}),
        plain("notes", "Notes", TextField),
        FieldSpec("Votes", VotesLabel, lambda e: e, _no_changes),
    ]  # fmt: skip
    return specs


def opportunity_specs(journey: JourneyMap) -> list[FieldSpec]:
    """Impact and effort, the quadrant they make, the owner and the pain points addressed."""

    def rated(field: str, label: str) -> FieldSpec:
        def command(journey: JourneyMap, card_id: str, value: Any) -> Change | None:
            return intents.rate(journey, card_id, field, value)

        return FieldSpec(
            label, rating_field, lambda e: getattr(e, field), _no_changes, command=command
        )

    def address(journey: JourneyMap, card_id: str, value: Any) -> Change | None:
        pain_id, addressed = value
        return intents.address(journey, card_id, pain_id, addressed)

    return [
        rated("impact", "Impact"),
        rated("effort", "Effort"),
        FieldSpec("Priority", PriorityLabel, lambda e: e, _no_changes),
        plain("owner", "Owner", LineField),
        FieldSpec(
            "Addresses", lambda: PainPointPicker(journey), lambda e: e, _no_changes, command=address
        ),
    ]


def _no_changes(value: Any, entity: Any) -> dict[str, Any]:
    raise ValueError("this field is not edited directly")


def _set_score(emotions: dict[str, int], persona_id: str, score: int | None) -> dict[str, int]:
    result = {k: v for k, v in emotions.items() if k != persona_id}
    if score is not None:
        result[persona_id] = score
    return result


def stage_specs() -> list[FieldSpec]:
    return [
        plain("name", "Name", LineField),
        plain("description", "Description", TextField),
        plain("color", "Colour", ColorField),
        plain("width", "Width", lambda: NumberField(STAGE_WIDTH_MIN, STAGE_WIDTH_MAX)),
        plain("buying_phase", "Buying phase", _enum_choices(BuyingPhase, "Guess from the name")),
        plain("notes", "Speaker notes", lambda: TextField(5)),
        plain("prompt", "Prompt for the room", lambda: TextField(2)),
        *metric_specs(),
    ]


def lane_specs() -> list[FieldSpec]:
    return [
        plain("name", "Name", LineField),
        FieldSpec(
            "Kind",
            _enum_choices(LaneKind),
            lambda e: e.kind,
            _no_changes,
            "kind",
            command=intents.set_lane_kind,
        ),
        plain("description", "Description", TextField),
        plain("collapsed", "", lambda: CheckField("Collapsed")),
        plain("hidden", "", lambda: CheckField("Hidden")),
    ]


def flow_specs() -> list[FieldSpec]:
    return [plain("label", "Label", LineField)]


def map_specs() -> list[FieldSpec]:
    scenario = lambda name: lambda v, e: {"scenario": replace(e.scenario, **{name: v})}  # noqa: E731
    return [
        plain("title", "Title", LineField),
        plain("description", "Description", TextField),
        plain("author", "Author", LineField),
        plain("version", "Version", LineField),
        FieldSpec("Scenario", LineField, lambda e: e.scenario.title, scenario("title"), "scenario"),
        FieldSpec("Goal", TextField, lambda e: e.scenario.goal, scenario("goal"), "goal"),
        FieldSpec("Expectations", TextField, lambda e: "\n".join(e.scenario.expectations),
                  lambda v, e: {"scenario": replace(e.scenario, expectations=split_lines(v))},
                  "expectations"),
        plain("notes", "Notes", lambda: TextField(5)),
    ]  # fmt: skip


class Inspector(QScrollArea):
    def __init__(self, document: Document, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.setWidgetResizable(True)
        # never sideways: long labels are elided and the panel is never narrower than its
        # fields' minimum (see _show_page)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.kind: Entity | None = None
        self.item_id: str | None = None
        self._fields: list[tuple[FieldSpec, Any]] = []
        self._unsubscribe = document.journey.events.subscribe(self._on_model_events)
        self.show_target(None, None)

    def detach(self) -> None:
        self._unsubscribe()

    def sizeHint(self) -> QSize:
        """One width whatever is shown: the panel (and the canvas beside it) never jumps
        when another form or a block of evidence comes in."""
        return QSize(WIDTH, super().sizeHint().height())

    def _entity(self) -> Any:
        if self.kind is None or self.item_id is None:
            return self.document.journey.info
        return self.document.journey.get(self.kind, self.item_id)

    def show_target(self, kind: Entity | None, item_id: str | None) -> None:
        """Show the form for one thing (``kind=None``: the map's properties)."""
        kept = KeptFocus(self, self._fields)
        if kind is not None:
            try:
                self.document.journey.get(kind, item_id or "")
            except ModelError:  # gone already (undone, deleted): show the map instead
                kind, item_id = None, None
        self.kind, self.item_id = kind, item_id
        specs = {
            None: map_specs,
            Entity.CARD: lambda: card_specs(self.document, self._entity().kind),
            Entity.STAGE: stage_specs,
            Entity.LANE: lane_specs,
            Entity.FLOW: flow_specs,
        }[kind]()
        page = QWidget()
        outer = QVBoxLayout(page)
        heading = QLabel(f"<b>{'Map' if kind is None else _title(kind.value)}</b>")
        outer.addWidget(heading)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        outer.addLayout(form)
        outer.addStretch(1)  # the room left over goes below the form, not between its rows
        self._fields = []
        entity = "map" if kind is None else kind.value
        for spec in specs:
            editor = spec.make()
            text = hint(self.document, entity, spec.key, item_id) if spec.key else ""
            if text and hasattr(editor, "setPlaceholderText"):
                editor.setPlaceholderText(text)  # grey in an empty field, never a value
            editor.edited.connect(lambda value, s=spec: self._commit(s, value))
            add_row(form, spec.label, editor)
            self._fields.append((spec, editor))
        self._show_page(page)
        self.refresh()
        kept.restore(self._fields, page)

    def _show_page(self, page: QWidget) -> None:
        # the page's minimum follows what is added later (evidence): it grows and scrolls
        # instead of squeezing its rows over each other
        layout = page.layout()
        if layout is not None:
            layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        old = self.takeWidget()
        if old is not None:
            # not deleted now, as setWidget would: the form is rebuilt from inside one of
            # its own fields' signals (a card's kind picked with a key or the wheel)
            old.hide()
            old.setParent(self)
            old.deleteLater()
        self.setWidget(page)
        bar = self.verticalScrollBar().sizeHint().width()
        self.setMinimumWidth(page.minimumSizeHint().width() + bar + 2 * self.frameWidth())

    def refresh(self) -> None:
        try:
            entity = self._entity()
        except ModelError:
            self.show_target(None, None)  # what we showed was deleted
            return
        for spec, editor in self._fields:
            editor.set_value(spec.get(entity))

    def _commit(self, spec: FieldSpec, value: Any) -> None:
        if spec.command is not None:
            self._run(spec.command, value)
            return
        try:
            changes = spec.to_changes(value, self._entity())
        except (ModelError, ValueError) as exc:
            self.document.refused.emit(str(exc))
            self.refresh()
            return
        merge = spec.label or True  # typing in one field is one step, the next field another
        words = _field_words(spec.label or next(iter(changes), ""))
        journey = self.document.journey
        text = field_edit(journey, self.kind, self.item_id, changes, words)
        command = Update(journey, self.kind, self.item_id, changes, text, merge)
        if not self.document.try_push(command):
            self.refresh()  # show the model's value again

    def _run(self, intent: Callable[[JourneyMap, str, Any], Change | None], value: Any) -> None:
        """One step built by an intent (a rating, a tick): refused in words, never raised."""
        assert self.item_id is not None
        try:
            change = intent(self.document.journey, self.item_id, value)
        except (EditRefused, ModelError) as exc:
            self.document.refused.emit(str(exc))
            change = None
        if change is None or not self.document.try_push(change):
            self.refresh()  # show the model's value again

    def _on_model_events(self, events: Sequence[ModelEvent]) -> None:
        if self.kind is Entity.CARD and any(
            e.entity is Entity.PERSONA or (e.id == self.item_id and "kind" in e.fields)
            for e in events
        ):
            self.show_target(self.kind, self.item_id)  # the form follows personas and kind
        else:
            for _, editor in self._fields:
                if hasattr(editor, "model_changed"):
                    editor.model_changed(events)
            self.refresh()

    def show_many(self, count: int) -> None:
        """Several things selected: say so rather than showing the map's fields."""
        kept = KeptFocus(self, self._fields)  # (kept in the panel: no field to give it)
        self.kind, self.item_id, self._fields = None, None, []
        label = QLabel(f"<b>{count} items selected</b><br>Select one to edit it here.")
        label.setWordWrap(True)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(label)
        layout.addStretch()
        self._show_page(page)
        kept.restore(self._fields, page)
