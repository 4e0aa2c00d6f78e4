"""The participant server: the web page and the HTTP/WebSocket API that participants'
phones use on the venue network (docs/participant-api.md). No Qt here: the GUI and the
``serve`` command both run ``ParticipantServer`` and give it their database sessions."""

from workshop_app.participation.server import Limits, ParticipantServer, self_check

__all__ = ["Limits", "ParticipantServer", "self_check"]
