"""A phone's state as the participant page keeps it, for tests that read pushes."""

from __future__ import annotations

from typing import Any


def applied(state: dict[str, Any], message: dict[str, Any]) -> dict[str, Any]:
    """A phone's state after a pushed message, applied as the page (app.js) applies it:
    a whole state replaces it; an ``ideas`` patch changes its cards."""
    if message["type"] == "state":
        return message
    assert message["type"] == "ideas" and message["base"] == state["version"], message
    gone = set(message["remove"])
    board = [i for i in state["ideas"] if i["status"] != "pending" and i["id"] not in gone]
    waiting = [i for i in state["ideas"] if i["status"] == "pending"]
    where = {card["id"]: n for n, card in enumerate(board)}
    for card in message["upsert"]:
        if card["id"] in where:
            board[where[card["id"]]] = card
        else:
            where[card["id"]] = len(board)
            board.append(card)
    if "order" in message:
        position = {idea_id: n for n, idea_id in enumerate(message["order"])}
        board.sort(key=lambda card: position[card["id"]])
    return {**state, "version": message["version"], "ideas": board + waiting}
