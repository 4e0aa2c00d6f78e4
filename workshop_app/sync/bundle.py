"""Bundle files: a workshop database (or some of its workshops) on a USB stick.

A bundle is a zip holding ``manifest.json``, one JSON Lines file per table under
``tables/`` and, when a province key is set, ``manifest.sig`` (HMAC-SHA256 of the
manifest's bytes). The format is described in docs/bundle-format.md, with a JSON
Schema in docs/bundle-manifest.schema.json.

With a province key the zip is also encrypted, whole, with AES-256-GCM (authenticated:
a changed byte or another key is refused): the file is ``ENCRYPTED_MAGIC``, a 16-byte
salt, a 12-byte nonce and the ciphertext; the AES key is derived from the province key
and the salt with scrypt. Without the key nothing in it can be read, not even the names.
An export may leave the contact fields (phone, e-mail, diet or access needs) out.

Bundles are cumulative: each holds every row (of the chosen workshops), so any bundle
can be imported at any time, in any order, any number of times, and gives the same
result. An import checks the whole file first and writes nothing unless all is well.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import io
import json
import lzma
import math
import os
import re
import time
import uuid
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from sqlalchemy import Connection, select

import workshop_app
from workshop_app.db.database import Database, data_revision, is_known_revision
from workshop_app.errors import UserError
from workshop_app.export.files import written_whole
from workshop_app.sync.admission import MAX_CLOCK_SKEW_MS, AdmissionError, check_rows
from workshop_app.sync.merge import MergeResult, Source, begin_merge, fetch_rows, merge_rows
from workshop_app.sync.tables import (
    SYNCED_TABLES,
    TABLES_BY_NAME,
    Row,
    RowError,
    dangling_references,
    decode_row,
    row_json,
    rows_query,
)

FORMAT = "workshop-app-bundle"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
PART_NAME = re.compile(r"tables/([a-z_]{1,64})\.jsonl")
# A hybrid-logical-clock stamp (workshop_app/db/hlc.py): wall ms, counter, device.
ENCRYPTED = 0x1  # zip general purpose flag: the member needs a password
ENCRYPTED_MAGIC = b"WORKSHOP-BUNDLE-AES256GCM-1\n"
SALT_BYTES = 16
NONCE_BYTES = 12
# The attendees' fields an export without contacts leaves empty (PDPA: a bundle on a
# USB stick carries only what its reader needs).
CONTACT_FIELDS = ("phone", "email", "special_needs")

# Limits a genuine bundle stays far below (the large demo is about 20 MB unpacked).
MAX_BUNDLE_BYTES = 512 * 1024 * 1024
MAX_UNPACKED_BYTES = 2 * 1024 * 1024 * 1024
MAX_PART_BYTES = 1024 * 1024 * 1024
MAX_MANIFEST_BYTES = 1024 * 1024
MAX_LINE_BYTES = 1024 * 1024  # one row: a 5,000-character brief is about 15 KB
MAX_COMPRESSION_RATIO = 100

Progress = Callable[[int, int], None]


class BundleError(UserError):
    """A bundle that cannot be written or read; nothing was changed."""


@dataclass
class BundleInfo:
    """What a bundle says about itself."""

    device_id: str
    app_version: str
    created_utc: str
    workshops: list[dict[str, str]]
    rows: dict[str, int]
    signed: bool
    contacts: bool = True  # False: made without the contact fields
    encrypted: bool = False


@dataclass
class ImportResult:
    info: BundleInfo
    merge: MergeResult = field(default_factory=MergeResult)


# ---------------------------------------------------------------------------- export


def export_bundle(
    database: Database,
    out: Path,
    workshop_ids: list[str] | None = None,
    key: bytes | None = None,
    progress: Progress | None = None,
    contacts: bool = True,
) -> BundleInfo:
    """Write every row (of these workshops) to a bundle at ``out``, whole or not at all;
    signed and encrypted with the province ``key`` if given; without the contact fields
    unless ``contacts``."""
    out = Path(out)
    with database.engine.connect() as connection:
        workshops = _workshop_titles(connection, workshop_ids)
        if workshop_ids is not None and len(workshops) != len(set(workshop_ids)):
            missing = sorted(set(workshop_ids) - {w["id"] for w in workshops})
            raise BundleError(
                f"ไม่พบการประชุมรหัส {', '.join(missing)}",
                f"no workshop with id {', '.join(missing)}",
            )
        with written_whole(out) as temporary:
            manifest = _write_zip(
                connection,
                database.device_id,
                temporary,
                workshops,
                workshop_ids,
                key,
                contacts,
                progress,
            )
            if key is not None:
                temporary.write_bytes(encrypt(temporary.read_bytes(), key))
    if progress:
        progress(len(SYNCED_TABLES), len(SYNCED_TABLES))
    return _info(manifest, signed=key is not None, encrypted=key is not None)


def _write_zip(
    connection: Connection,
    device_id: str,
    out: Path,
    workshops: list[dict[str, str]],
    workshop_ids: list[str] | None,
    key: bytes | None,
    contacts: bool,
    progress: Progress | None,
) -> dict[str, Any]:
    """The bundle's zip (parts, manifest, signature); returns the manifest."""
    parts: list[dict[str, Any]] = []
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for number, table in enumerate(SYNCED_TABLES):
            if progress:
                progress(number, len(SYNCED_TABLES))
            query = rows_query(table, workshop_ids)
            left_out = CONTACT_FIELDS if table.name == "attendees" and not contacts else ()
            blank = dict.fromkeys(left_out, "")
            lines = [row_json({**row, **blank}) for row in connection.execute(query).mappings()]
            if not lines:
                continue
            data = ("\n".join(lines) + "\n").encode("utf-8")
            path = f"tables/{table.name}.jsonl"
            zf.writestr(path, data)
            parts.append(
                {
                    "path": path,
                    "table": table.name,
                    "rows": len(lines),
                    "bytes": len(data),
                    "sha256": hashlib.sha256(data).hexdigest(),
                }
            )
        manifest: dict[str, Any] = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "schema": data_revision(),
            "app_version": workshop_app.__version__,
            "device_id": device_id,
            "created_utc": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "workshops": workshops,
            "parts": parts,
        }
        if not contacts:
            manifest["contacts"] = False
        manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
        zf.writestr(MANIFEST, manifest_bytes)
        if key is not None:
            zf.writestr(SIGNATURE, sign(manifest_bytes, key))
    return manifest


def _aes_key(key: bytes, salt: bytes) -> bytes:
    """A 256-bit AES key from the province key (a file's bytes, perhaps a passphrase)."""
    return Scrypt(salt=salt, length=32, n=2**14, r=8, p=1).derive(key)


def encrypt(data: bytes, key: bytes) -> bytes:
    salt, nonce = os.urandom(SALT_BYTES), os.urandom(NONCE_BYTES)
    header = ENCRYPTED_MAGIC + salt + nonce
    return header + AESGCM(_aes_key(key, salt)).encrypt(nonce, data, header)


def decrypt(path: Path, key: bytes) -> bytes:
    """The zip inside an encrypted bundle (BundleError if the key does not open it)."""
    return _decrypt(Path(path), key, Path(path).name)


def is_encrypted(path: Path) -> bool:
    with Path(path).open("rb") as stream:
        return stream.read(len(ENCRYPTED_MAGIC)) == ENCRYPTED_MAGIC


def _decrypt(path: Path, key: bytes | None, name: str) -> bytes:
    """The zip inside an encrypted bundle."""
    data = path.read_bytes()
    if key is None:
        raise _refused(
            name,
            "ถูกเข้ารหัสด้วยกุญแจจังหวัด แต่เครื่องนี้ยังไม่ได้ตั้งกุญแจจังหวัด",
            "is encrypted with a province key, and no province key is set here",
        )
    start = len(ENCRYPTED_MAGIC)
    salt = data[start : start + SALT_BYTES]
    nonce = data[start + SALT_BYTES : start + SALT_BYTES + NONCE_BYTES]
    header = data[: start + SALT_BYTES + NONCE_BYTES]
    try:
        return AESGCM(_aes_key(key, salt)).decrypt(nonce, data[len(header) :], header)
    except (InvalidTag, ValueError):
        raise _refused(
            name,
            "ถอดรหัสไม่ได้ (เข้ารหัสด้วยกุญแจจังหวัดอื่น หรือแฟ้มถูกแก้ไขหรือเสียหาย)",
            "cannot be decrypted (another province key, or the file was altered or damaged)",
        ) from None


def _workshop_titles(connection: Connection, ids: list[str] | None) -> list[dict[str, str]]:
    workshops = TABLES_BY_NAME["workshops"]
    query = select(workshops.c.id, workshops.c.title).order_by(workshops.c.id)
    if ids is not None:
        query = query.where(workshops.c.id.in_(ids))
    return [{"id": row.id, "title": row.title} for row in connection.execute(query)]


def sign(manifest: bytes, key: bytes) -> str:
    return hmac.new(key, manifest, hashlib.sha256).hexdigest()


def read_key_file(path: Path) -> bytes:
    """The province key: the bytes of a small file the provincial office hands out."""
    try:
        key = Path(path).read_bytes().strip()
    except OSError as exc:
        raise BundleError(
            f"อ่านแฟ้มกุญแจจังหวัด {path} ไม่ได้: {exc.strerror}",
            f"cannot read the province key file {path}: {exc.strerror}",
        ) from exc
    if len(key) < 16:
        raise BundleError(
            f"แฟ้มกุญแจจังหวัด {path} สั้นเกินไป (อย่างน้อย 16 ตัวอักษร)",
            f"the province key file {path} is too short (at least 16 characters)",
        )
    return key


# ---------------------------------------------------------------------------- import


def import_bundle(
    database: Database,
    path: Path,
    key: bytes | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Merge a bundle into the database: all of it, or (on any problem) nothing."""
    info, rows = read_bundle(Path(path), key, progress)
    name = Path(path).name
    # Checked in the merge's own transaction: what was checked is what is merged into.
    with database.engine.connect() as connection, connection.begin():
        begin_merge(connection)
        _check_references(connection, rows, name)
        try:
            check_rows(connection, rows, time.time_ns() // 1_000_000)
        except AdmissionError as exc:
            raise BundleError(
                f"ไม่นำเข้าแฟ้มชุดข้อมูล {name}: {exc.thai} ฐานข้อมูลไม่ได้ถูกแก้ไข",
                f"bundle {name} not imported: {exc.english}. The database was not changed.",
            ) from None
        _check_exporter(info, rows, name)
        if not info.contacts:
            _keep_contacts(connection, rows)
        merge = merge_rows(connection, rows, database.clock, Source.BUNDLE)
        database.remember_clock(connection)
    return ImportResult(info, merge)


def _keep_contacts(connection: Connection, rows: dict[str, list[Row]]) -> None:
    """A bundle made without contact fields must not blank them here: the attendees it
    carries keep the contact fields this database holds (empty for a new attendee)."""
    incoming = rows.get("attendees", [])
    stored = fetch_rows(connection, TABLES_BY_NAME["attendees"], (r["id"] for r in incoming))
    for row in incoming:
        if row["id"] in stored:
            row.update({name: stored[row["id"]][name] for name in CONTACT_FIELDS})


def read_bundle(
    path: Path, key: bytes | None = None, progress: Progress | None = None
) -> tuple[BundleInfo, dict[str, list[Row]]]:
    """Read and check a whole bundle; raises BundleError naming the first problem."""
    name = path.name
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise BundleError(
            f"เปิดแฟ้ม {path} ไม่ได้: {exc.strerror}", f"cannot open {path}: {exc.strerror}"
        ) from exc
    if size > MAX_BUNDLE_BYTES:
        raise _refused(name, "ใหญ่เกินกว่าแฟ้มชุดข้อมูลปกติ", "is larger than any real bundle")
    try:
        encrypted = is_encrypted(path)
        source: Path | io.BytesIO = io.BytesIO(_decrypt(path, key, name)) if encrypted else path
        with zipfile.ZipFile(source) as archive:
            members = _check_members(archive, name)
            manifest_bytes = _read_member(archive, members[MANIFEST], MAX_MANIFEST_BYTES, name)
            _check_signature(archive, members, manifest_bytes, key, name)
            manifest = _parse_manifest(manifest_bytes, name)
            parts = {part["path"]: part for part in manifest["parts"]}
            unlisted = sorted(set(members) - set(parts) - {MANIFEST, SIGNATURE})
            if unlisted:
                raise _refused(
                    name,
                    f"มีแฟ้ม {unlisted[0]} ที่ไม่อยู่ในรายการ",
                    f"holds {unlisted[0]}, which the manifest does not list",
                )
            rows: dict[str, list[Row]] = {}
            for number, (part_path, part) in enumerate(sorted(parts.items())):
                if progress:
                    progress(number, len(parts) + 1)
                if part_path not in members:
                    raise _refused(
                        name,
                        f"ขาดแฟ้ม {part_path} ที่ระบุไว้ในรายการ (ข้อมูลขาดหาย)",
                        f"lacks {part_path}, which the manifest lists (a gap)",
                    )
                data = _read_member(archive, members[part_path], MAX_PART_BYTES, name)
                rows[part["table"]] = _parse_part(data, part, name)
    except (zipfile.BadZipFile, zlib.error, lzma.LZMAError, UnicodeDecodeError) as exc:
        # zlib/lzma: damaged compressed data; UnicodeDecodeError: a member name flagged
        # UTF-8 that is not.
        raise _refused(
            name, f"ไม่ใช่แฟ้ม zip หรือแฟ้มเสียหาย ({exc})", f"is damaged or not a zip ({exc})"
        ) from None
    except (zipfile.LargeZipFile, NotImplementedError, EOFError, OSError) as exc:
        raise _refused(name, f"อ่านไม่ได้ ({exc})", f"cannot be read ({exc})") from exc
    return _info(manifest, signed=SIGNATURE in members, encrypted=encrypted), rows


def _refused(name: str, thai: str, english: str) -> BundleError:
    return BundleError(
        f"ไม่นำเข้าแฟ้มชุดข้อมูล {name}: {thai} ฐานข้อมูลไม่ได้ถูกแก้ไข",
        f"bundle {name} not imported: it {english}. The database was not changed.",
    )


def _check_members(archive: zipfile.ZipFile, name: str) -> dict[str, zipfile.ZipInfo]:
    members: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in archive.infolist():
        allowed = info.filename in (MANIFEST, SIGNATURE) or (
            PART_NAME.fullmatch(info.filename) is not None
            and PART_NAME.fullmatch(info.filename).group(1) in TABLES_BY_NAME  # type: ignore[union-attr]
        )
        if not allowed:
            raise _refused(
                name,
                f"มีชื่อแฟ้มที่ไม่รู้จัก {info.filename!r}",
                f"holds an unexpected name {info.filename!r}",
            )
        if info.filename in members:
            raise _refused(name, f"มีแฟ้ม {info.filename} ซ้ำ", f"holds {info.filename} twice")
        if info.flag_bits & ENCRYPTED:
            raise _refused(
                name,
                f"ส่วน {info.filename} ถูกเข้ารหัสด้วยรหัสผ่าน",
                f"has a password-protected part {info.filename}",
            )
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > MAX_PART_BYTES or total > MAX_UNPACKED_BYTES:
            raise _refused(
                name, f"ส่วน {info.filename} ใหญ่เกินกำหนด", f"has an over-size part {info.filename}"
            )
        if ratio > MAX_COMPRESSION_RATIO:
            raise _refused(
                name,
                f"ส่วน {info.filename} ขยายตัวผิดปกติ (อาจเป็นแฟ้มอันตราย)",
                f"has a part {info.filename} that inflates abnormally (possibly malicious)",
            )
        members[info.filename] = info
    if MANIFEST not in members:
        raise _refused(name, "ไม่มี manifest.json (อาจไม่ใช่แฟ้มชุดข้อมูล)", "has no manifest.json")
    return members


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, name: str) -> bytes:
    """Read one part, stopping at the limit whatever its header claims."""
    buffer = io.BytesIO()
    with archive.open(info) as stream:
        while chunk := stream.read(1024 * 1024):
            buffer.write(chunk)
            if buffer.tell() > min(limit, info.file_size):
                raise _refused(
                    name,
                    f"ส่วน {info.filename} ใหญ่เกินกำหนด",
                    f"has an over-size part {info.filename}",
                )
    return buffer.getvalue()


def _check_signature(
    archive: zipfile.ZipFile,
    members: dict[str, zipfile.ZipInfo],
    manifest: bytes,
    key: bytes | None,
    name: str,
) -> None:
    if key is None:
        return  # no province key set here: signatures cannot be checked, nor required
    if SIGNATURE not in members:
        raise _refused(
            name,
            "ไม่มีลายมือชื่อ แต่เครื่องนี้ตั้งกุญแจจังหวัดไว้",
            "is not signed, and this computer requires the province key",
        )
    # Compared as bytes: compare_digest refuses str with non-ASCII characters.
    given = _read_member(archive, members[SIGNATURE], 1024, name).strip()
    if not hmac.compare_digest(given, sign(manifest, key).encode()):
        raise _refused(
            name,
            "ลายมือชื่อไม่ถูกต้อง (ลงด้วยกุญแจอื่น หรือแฟ้มถูกแก้ไข)",
            "has a wrong signature (another key, or the file was altered)",
        )


def _parse_manifest(data: bytes, name: str) -> dict[str, Any]:
    try:
        manifest = _json(data.decode("utf-8"))
    except (ValueError, RecursionError) as exc:
        raise _refused(
            name, f"manifest.json อ่านไม่ได้ ({exc})", f"has an unreadable manifest.json ({exc})"
        ) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise _refused(name, "ไม่ใช่แฟ้มชุดข้อมูลของโปรแกรมนี้", "is not a workshop-app bundle")
    version = manifest.get("format_version")
    if isinstance(version, bool) or version != FORMAT_VERSION:
        raise _refused(
            name,
            f"เป็นรูปแบบรุ่น {version!r} ซึ่งโปรแกรมนี้ไม่รู้จัก (รู้จักรุ่น {FORMAT_VERSION}) กรุณาปรับปรุงโปรแกรม",
            f"has format version {version!r}; this app reads version {FORMAT_VERSION}. "
            "Update the app",
        )
    schema = manifest.get("schema")
    if schema != data_revision():
        older = isinstance(schema, str) and is_known_revision(schema)
        raise _refused(
            name,
            f"ทำจากโปรแกรมรุ่นที่{'เก่า' if older else 'ใหม่'}กว่า (โครงสร้างข้อมูล {schema!r} "
            f"เครื่องนี้ {data_revision()}) กรุณาปรับปรุงโปรแกรม"
            f"{'ที่เครื่องที่ทำแฟ้มแล้วส่งออกใหม่' if older else 'ที่เครื่องนี้'}",
            f"was made by {'an older' if older else 'a newer'} version of the app (data "
            f"schema {schema!r}, this app {data_revision()}); update the app "
            f"{'on the computer that made it and export again' if older else 'here'}",
        )
    try:
        for key_name, kind in (
            ("app_version", str),
            ("device_id", str),
            ("created_utc", str),
            ("workshops", list),
            ("parts", list),
        ):
            if not isinstance(manifest[key_name], kind):
                raise ValueError(key_name)
        if not isinstance(manifest.get("contacts", True), bool):
            raise ValueError("contacts")
        if not _is_device_id(manifest["device_id"]):
            raise ValueError("device_id")
        try:
            created = dt.datetime.fromisoformat(manifest["created_utc"])
        except ValueError:
            created = None
        if created is None or created.tzinfo is None:
            raise ValueError("created_utc")
        for workshop in manifest["workshops"]:
            if not (isinstance(workshop.get("id"), str) and isinstance(workshop.get("title"), str)):
                raise ValueError("workshops")
        seen: set[str] = set()
        for part in manifest["parts"]:
            match = PART_NAME.fullmatch(str(part["path"]))
            if (
                match is None
                or match.group(1) != part["table"]
                or part["table"] not in TABLES_BY_NAME
                or part["path"] in seen
                or not _is_count(part["rows"])
                or not _is_count(part["bytes"])
                or not re.fullmatch(r"[0-9a-f]{64}", str(part["sha256"]))
            ):
                raise ValueError(f"parts: {part.get('path')!r}")
            seen.add(part["path"])
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise _refused(
            name,
            f"manifest.json ไม่ครบหรือผิดรูปแบบ ({exc})",
            f"has an incomplete or malformed manifest.json ({exc})",
        ) from None
    return manifest


def _is_device_id(value: str) -> bool:
    try:
        return str(uuid.UUID(value)) == value
    except ValueError:
        return False


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _json(text: str | bytes) -> Any:
    """Strict JSON: no NaN or Infinity, no number too large for a float (1e999)."""
    return json.loads(text, parse_constant=_not_a_number, parse_float=_finite)


def _not_a_number(text: str) -> Any:
    raise ValueError(f"{text} is not a JSON number")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text} is out of range")
    return value


def _parse_part(data: bytes, part: dict[str, Any], name: str) -> list[Row]:
    path = part["path"]
    if len(data) != part["bytes"] or hashlib.sha256(data).hexdigest() != part["sha256"]:
        raise _refused(
            name,
            f"ส่วน {path} ไม่ตรงกับค่าตรวจสอบ SHA-256 (แฟ้มเสียหรือถูกแก้ไข)",
            f"has a part {path} that fails its SHA-256 check (damaged or altered)",
        )
    table = TABLES_BY_NAME[part["table"]]
    rows: list[Row] = []
    for number, line in enumerate(_lines(data), start=1):
        where_th = f"{name} ส่วน {path} บรรทัด {number}"
        if len(line) > MAX_LINE_BYTES:
            raise _refused(
                name,
                f"{path} บรรทัด {number} ยาวเกินกำหนด",
                f"has an over-long line {number} in {path}",
            )
        try:
            data_row = _json(line)
        except (ValueError, RecursionError):
            # ValueError: JSONDecodeError, UnicodeDecodeError, an integer of more than
            # 4,300 digits; RecursionError: arrays nested too deep.
            raise _refused(
                name,
                f"{path} บรรทัด {number} ไม่ใช่ JSON",
                f"has a line {number} in {path} that is not JSON",
            ) from None
        try:
            row = decode_row(table, data_row, f"{path}:{number}")
        except RowError as exc:
            raise BundleError(
                f"ไม่นำเข้าแฟ้มชุดข้อมูล {where_th}: {exc.thai} ฐานข้อมูลไม่ได้ถูกแก้ไข",
                f"bundle {name} not imported: {exc.english}. The database was not changed.",
            ) from None
        rows.append(row)
    if len(rows) != part["rows"]:
        raise _refused(
            name,
            f"ส่วน {path} มี {len(rows)} แถว แต่รายการระบุ {part['rows']} แถว",
            f"has {len(rows)} rows in {path} where the manifest says {part['rows']}",
        )
    return rows


def _lines(data: bytes) -> Iterator[bytes]:
    for line in data.split(b"\n"):
        if line.strip():
            yield line


def _check_references(connection: Connection, rows: dict[str, list[Row]], bundle: str) -> None:
    """Refuse a bundle whose rows point at rows that are neither in it nor here (a gap)."""
    for parent, ids in dangling_references(rows).items():
        found = fetch_rows(connection, TABLES_BY_NAME[parent], ids)
        missing = sorted(ids - found.keys())
        if missing:
            raise BundleError(
                f"ไม่นำเข้าแฟ้มชุดข้อมูล {bundle}: มีข้อมูลอ้างถึง {parent} รหัส {missing[0]} "
                "ซึ่งไม่มีทั้งในแฟ้มและในฐานข้อมูลนี้ (ข้อมูลขาดหาย) ฐานข้อมูลไม่ได้ถูกแก้ไข",
                f"bundle {bundle} not imported: rows refer to {parent} {missing[0]}, which is "
                "neither in the bundle nor in this database (a gap). The database was not changed.",
            )


def _check_exporter(info: BundleInfo, rows: dict[str, list[Row]], bundle: str) -> None:
    """The device the manifest names made the bundle: none of its own rows can be stamped
    later than the moment the manifest says the bundle was made (its clock allowed to run
    ahead of its wall time by what it observed, within the admitted skew)."""
    made = dt.datetime.fromisoformat(info.created_utc)  # with a time zone (manifest check)
    latest = int(made.timestamp() * 1000) + MAX_CLOCK_SKEW_MS
    for table, table_rows in rows.items():
        for row in table_rows:
            if row["device_id"] == info.device_id and int(row["updated_hlc"][:15]) > latest:
                raise _refused(
                    bundle,
                    f"รายการระบุว่าทำโดยเครื่อง {info.device_id} เมื่อ {info.created_utc} แต่ {table} "
                    f"{row['id']} ของเครื่องนั้นเขียนหลังจากนั้น (รายการไม่ตรงกับข้อมูล)",
                    f"says device {info.device_id} made it at {info.created_utc}, but that "
                    f"device wrote {table} {row['id']} later (the manifest does not match "
                    "the rows)",
                )


def _info(manifest: dict[str, Any], signed: bool, encrypted: bool = False) -> BundleInfo:
    return BundleInfo(
        device_id=manifest["device_id"],
        app_version=manifest["app_version"],
        created_utc=manifest["created_utc"],
        workshops=manifest["workshops"],
        rows={part["table"]: part["rows"] for part in manifest["parts"]},
        signed=signed,
        contacts=manifest.get("contacts", True),
        encrypted=encrypted,
    )
