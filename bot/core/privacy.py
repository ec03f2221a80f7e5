"""The contract every repository holding member data signs, so export and deletion never miss a table."""

from __future__ import annotations

from typing import Any, Protocol

__all__ = ["MemberData"]


class MemberData(Protocol):
    """A store of things about members. ``section`` names it in an export."""

    section: str

    async def export_member(self, community_id: str, member_id: str) -> Any:
        """Everything kept about the member in this community, as JSON-ready values."""
        ...

    async def delete_member(self, community_id: str, member_id: str) -> int:
        """Remove it all; returns how many records went."""
        ...
