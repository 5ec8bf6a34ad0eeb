"""A list of choices read as words, one per line: several ("coché") or one ("sélectionné"),
with groups that expand and collapse ("Achats : 2 métiers choisis sur 9, replié")."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from rich.cells import cell_len
from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets.option_list import Option

from pass_tui.i18n import _
from pass_tui.widgets.line_list import LineList
from pass_tui.widgets.text import fit

__all__ = ["Choice", "ChoiceList"]

INDENT = "  "
"""Before a group's members: a space is not read aloud, and shows the nesting."""


@dataclass(frozen=True)
class Choice:
    """One row of a :class:`ChoiceList`.

    Attributes:
        value: What the list reports when this row is chosen (unique in the list).
        label: What the row says (plain text, never markup).
        children: The members of a group (a group row expands to show them).
        selectable: Whether a group row can itself be chosen (a region, yes; a domain
            that only gathers métiers, no). Rows without children are always selectable.
    """

    value: str
    label: str
    children: tuple[Choice, ...] = field(default=())
    selectable: bool = True

    @property
    def is_group(self) -> bool:
        return bool(self.children)


GroupSummary = Callable[[int, int], str]
"""(chosen members, all members) → "2 métiers choisis sur 9"."""


def _default_summary(chosen: int, total: int) -> str:
    return _("{chosen} choisis sur {total}", chosen=chosen, total=total)


class ChoiceList(LineList):
    """Choices on their own lines, their state in words.

    With ``multiple`` each row reads "label : coché" or "label : non coché" and Space
    ticks it; without, the list behaves as radio buttons: "label : sélectionné", Space or
    Enter selects the highlighted row and unselects the others. Group rows read their
    label, how many members are chosen and whether they are "replié" or "déplié"; Enter
    (or Space, for a group that cannot be chosen itself), Right and Left expand and
    collapse them; Left on a member goes back to its group.

    When focus arrives the terminal cursor first sits on :attr:`heading` (the field's
    label, read by a screen reader), and the first arrow key moves it onto the
    highlighted row (as :class:`~pass_tui.widgets.criteria_list.CriteriaList` does).
    """

    BINDINGS = [
        Binding("space", "toggle", "Cocher ou choisir", show=False, id="choices.toggle"),
        Binding("enter", "activate", "Choisir ou déplier", show=False, id="choices.enter"),
        Binding("right", "expand", "Déplier le groupe", show=False, id="choices.expand"),
        Binding("left", "collapse", "Replier le groupe", show=False, id="choices.collapse"),
    ]

    class Changed(Message):
        """The chosen values changed."""

        def __init__(self, choice_list: ChoiceList) -> None:
            super().__init__()
            self.choice_list = choice_list

        @property
        def control(self) -> ChoiceList:
            return self.choice_list

    def __init__(
        self,
        choices: Iterable[Choice],
        *,
        multiple: bool = True,
        selected: Iterable[str] = (),
        group_summary: GroupSummary | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.choices: tuple[Choice, ...] = tuple(choices)
        self.multiple = multiple
        self.group_summary = group_summary or _default_summary
        self._order = [c.value for c in self._walk()]
        self._by_value = {c.value: c for c in self._walk()}
        self._group_of = {m.value: c for c in self.choices for m in c.children}
        self._selected: set[str] = set()
        self._expanded: set[str] = set()
        self._rows: list[Choice] = []
        self._room = 0
        self._set_selected(selected)
        self._rebuild()

    def _walk(self) -> Iterable[Choice]:
        for choice in self.choices:
            yield choice
            yield from choice.children

    # -- the chosen values ----------------------------------------------------------------------
    @property
    def selected(self) -> list[str]:
        """The chosen values, in the list's order."""
        return [value for value in self._order if value in self._selected]

    @property
    def value(self) -> str | None:
        """The chosen value of a one-choice list (None when nothing is chosen)."""
        chosen = self.selected
        return chosen[0] if chosen else None

    def set_selected(self, values: Iterable[str]) -> None:
        """Choose exactly ``values`` (unknown values are ignored); posts no message."""
        self._set_selected(values)
        self._refresh_prompts()

    def _set_selected(self, values: Iterable[str]) -> None:
        known = [v for v in values if v in self._by_value and self._choosable(self._by_value[v])]
        self._selected = set(known if self.multiple else known[:1])

    @staticmethod
    def _choosable(choice: Choice) -> bool:
        return choice.selectable or not choice.is_group

    def toggle(self, value: str) -> None:
        """Tick or untick ``value`` (select it, in a one-choice list)."""
        if self.multiple:
            self._selected ^= {value}
        else:
            self._selected = {value}
        self._refresh_prompts()
        self.post_message(self.Changed(self))

    # -- groups -----------------------------------------------------------------------------------
    @property
    def expanded(self) -> set[str]:
        """The groups now showing their members."""
        return set(self._expanded)

    def expand(self, value: str) -> None:
        if value not in self._expanded and self._by_value[value].is_group:
            self._expanded.add(value)
            self._rebuild()

    def collapse(self, value: str) -> None:
        if value in self._expanded:
            self._expanded.discard(value)
            self._rebuild()

    # -- rows -----------------------------------------------------------------------------------
    def _rebuild(self) -> None:
        """Lay the rows out again (after a group opened or closed), keeping the highlight."""
        current = self.highlighted_choice
        rows: list[Choice] = []
        for choice in self.choices:
            rows.append(choice)
            if choice.value in self._expanded:
                rows.extend(choice.children)
        self._rows = rows
        self.clear_options()
        self.add_options(Option(self._prompt(row)) for row in rows)
        if current is not None and current in rows:
            self.highlighted = rows.index(current)
        elif rows and self.has_focus:
            self.highlighted = 0

    @property
    def highlighted_choice(self) -> Choice | None:
        index = self.highlighted
        if index is None or not 0 <= index < len(self._rows):
            return None
        return self._rows[index]

    def _state(self, choice: Choice) -> str:
        if self.multiple:
            return _("coché") if choice.value in self._selected else _("non coché")
        return _("sélectionné") if choice.value in self._selected else _("non sélectionné")

    def _prompt(self, choice: Choice) -> Content:
        if choice.is_group:
            members = choice.children
            chosen = sum(1 for m in members if m.value in self._selected)
            parts = [self.group_summary(chosen, len(members))]
            parts.append(_("déplié") if choice.value in self._expanded else _("replié"))
            if choice.selectable:
                parts.insert(0, self._state(choice))
            tail = _(" : {state}", state=", ".join(parts))
            indent = ""
        else:
            tail = _(" : {state}", state=self._state(choice))
            indent = INDENT if choice.value in self._group_of else ""
        # The label gives way, never the state: cut at a word, the state stays.
        room = self._room - cell_len(indent) - cell_len(tail) if self._room else 0
        label = fit(choice.label, room) if room > 0 else choice.label
        style = "bold" if choice.value in self._selected else ""
        return Content.assemble(indent, (label, style), tail)

    def _refresh_prompts(self) -> None:
        """Redraw the rows whose text changed (and only those: a screen reader reads every
        line that changes)."""
        for index, row in enumerate(self._rows):
            prompt = self._prompt(row)
            if str(prompt) != str(self.get_option_at_index(index).prompt):
                self.replace_option_prompt_at_index(index, prompt)

    def on_resize(self, event: events.Resize) -> None:
        room = self.scrollable_content_region.width - 2  # the option's padding
        if room != self._room:
            self._room = room
            self._refresh_prompts()

    # -- keys -----------------------------------------------------------------------------------
    def action_toggle(self) -> None:
        """Space: tick the row (select it, in a one-choice list); on a group that cannot
        be chosen, expand or collapse it."""
        self._on_heading = False
        choice = self.highlighted_choice
        if choice is None:
            return
        if self._choosable(choice):
            if self.multiple or choice.value not in self._selected:
                self.toggle(choice.value)
        else:
            self._flip(choice)
        self.reader_cursor_moved()

    def action_activate(self) -> None:
        """Enter: expand or collapse a group; choose a member."""
        self._on_heading = False
        choice = self.highlighted_choice
        if choice is None:
            return
        if choice.is_group:
            self._flip(choice)
        else:
            self.action_toggle()
        self.reader_cursor_moved()

    def _flip(self, group: Choice) -> None:
        if group.value in self._expanded:
            self.collapse(group.value)
        else:
            self.expand(group.value)

    def action_expand(self) -> None:
        self._on_heading = False
        choice = self.highlighted_choice
        if choice is not None and choice.is_group:
            self.expand(choice.value)
        self.reader_cursor_moved()

    def action_collapse(self) -> None:
        self._on_heading = False
        choice = self.highlighted_choice
        if choice is None:
            return
        if choice.is_group:
            self.collapse(choice.value)
        elif (parent := self._group_of.get(choice.value)) is not None:
            self.highlighted = self._rows.index(parent)
        self.reader_cursor_moved()

    def action_select(self) -> None:
        # A click selects through OptionList: the same as Enter.
        self.action_activate()

    @property
    def rows(self) -> Sequence[str]:
        """Every row as shown (for tests and the recap)."""
        return [str(self.get_option_at_index(i).prompt) for i in range(self.option_count)]
