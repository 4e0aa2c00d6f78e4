"""Bundle fuzzing: every damaged, forged or hostile bundle is refused whole, with a
message (Thai and English) that names the file and, where it can, the part and line,
and the database it was imported into is left exactly as it was.

The valid bundles are made once per module; each case rewrites one of them a little.
The target database holds another demo workshop, so "unchanged" means something.
"""

from __future__ import annotations

import hashlib
import json
import random
import shutil
import struct
import warnings
import zipfile
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from tests.sync.replicas import outbox_size, snapshot
from workshop_app.db.database import Database, open_database
from workshop_app.services.demo import create_demo_workshop
from workshop_app.sync.bundle import (
    MANIFEST,
    SIGNATURE,
    BundleError,
    BundleInfo,
    decrypt,
    export_bundle,
    import_bundle,
    read_bundle,
    sign,
)
from workshop_app.sync.tables import Row

KEY = b"songkhla-province-key-0123456789"
IDEAS = "tables/ideas.jsonl"

State = tuple[dict[str, dict[str, dict[str, Any]]], int]


def state(database: Database) -> State:
    """Every synced row, and how many changes wait for the server."""
    return snapshot(database), outbox_size(database)


@dataclass
class Bundles:
    folder: Path
    valid: Path  # unsigned, members deflated as export_bundle writes them
    signed: Path  # signed with KEY, not encrypted (as before bundles were encrypted)
    target_template: Path  # a database file holding another demo workshop
    target_state: State  # what it holds
    info: BundleInfo
    rows: dict[str, list[Row]]

    def member(self, name: str) -> bytes:
        return read_member(self.valid, name)

    def manifest(self) -> dict[str, Any]:
        manifest: dict[str, Any] = json.loads(self.member(MANIFEST))
        return manifest

    def part(self, table: str) -> dict[str, Any]:
        parts: list[dict[str, Any]] = self.manifest()["parts"]
        [part] = [p for p in parts if p["table"] == table]
        return part

    def line(self, table: str, number: int) -> bytes:
        return self.member(f"tables/{table}.jsonl").splitlines()[number - 1]


@pytest.fixture(scope="module")
def bundles(tmp_path_factory: pytest.TempPathFactory) -> Bundles:
    folder = tmp_path_factory.mktemp("bundles")
    source = open_database(folder / "source.sqlite")
    target = open_database(folder / "target.sqlite")
    try:
        for database in (source, target):
            with database.transaction() as session:
                create_demo_workshop(session, "small")
        export_bundle(source, folder / "valid.bundle")
        export_bundle(source, folder / "encrypted.bundle", key=KEY)
        # The zip inside: what a province key gave before encryption, still accepted.
        (folder / "signed.bundle").write_bytes(decrypt(folder / "encrypted.bundle", KEY))
        target_state = state(target)
    finally:
        source.close()
        target.close()
    info, rows = read_bundle(folder / "valid.bundle")
    return Bundles(
        folder=folder,
        valid=folder / "valid.bundle",
        signed=folder / "signed.bundle",
        target_template=folder / "target.sqlite",
        target_state=target_state,
        info=info,
        rows=rows,
    )


@dataclass
class Target:
    database: Database
    before: State  # taken once, from the template: a copy holds the same


def _copy_of_target(bundles: Bundles, path: Path) -> Target:
    shutil.copyfile(bundles.target_template, path)
    return Target(open_database(path), bundles.target_state)


@pytest.fixture
def target(bundles: Bundles, tmp_path: Path) -> Iterator[Target]:
    """A fresh copy of the target database for each case: a case that wrongly writes
    cannot spoil the next."""
    copy = _copy_of_target(bundles, tmp_path / "target.sqlite")
    yield copy
    copy.database.close()


@pytest.fixture(scope="module")
def shared_target(bundles: Bundles) -> Iterator[Target]:
    """One target for every example of a hypothesis test (function fixtures are not
    reset between examples); each example checks it is unchanged."""
    copy = _copy_of_target(bundles, bundles.folder / "shared-target.sqlite")
    yield copy
    copy.database.close()


# ---------------------------------------------------------------------------- checks


def check_message(error: BundleError, path: Path, mentions: Sequence[str]) -> None:
    assert error.thai.strip() and error.english.strip()
    assert path.name in error.english and path.name in error.thai
    for text in mentions:
        assert text in error.english, f"{text!r} not in {error.english!r}"


def assert_refused(
    target: Target, path: Path, *mentions: str, key: bytes | None = None
) -> BundleError:
    """Import must raise a BundleError naming the file (and ``mentions``) and leave the
    database as it was: every synced row, and nothing queued for the server."""
    with pytest.raises(BundleError) as caught:
        import_bundle(target.database, path, key)
    check_message(caught.value, path, mentions)
    assert state(target.database) == target.before
    return caught.value


# ---------------------------------------------------------------------------- rewriting


def rewrite(
    source: Path,
    out: Path,
    members: Mapping[str, bytes | None] | None = None,
    manifest: Callable[[dict[str, Any]], object] | None = None,
    extra: Sequence[tuple[str, bytes]] = (),
    fix_checksums: bool = True,
) -> Path:
    """Copy a bundle, replacing ``members`` (None: leave out), editing the manifest and
    appending ``extra`` members (a name may repeat). With ``fix_checksums`` the manifest
    is made to match the replaced parts, so only the damage meant is left. The manifest
    keeps its exact bytes unless changed (a signature stays valid). Members are stored
    uncompressed: no case trips the compression-ratio check by accident."""
    members = dict(members or {})
    with zipfile.ZipFile(source) as original:
        contents = {info.filename: original.read(info) for info in original.infolist()}
    new_parts = {
        name: data
        for name, data in members.items()
        if name.startswith("tables/") and data is not None
    }
    if manifest is not None or (fix_checksums and new_parts):
        edited = json.loads(contents[MANIFEST])
        for part in edited["parts"] if fix_checksums else []:
            if (data := new_parts.get(part["path"])) is not None:
                part["rows"] = sum(1 for line in data.split(b"\n") if line.strip())
                part["bytes"] = len(data)
                part["sha256"] = hashlib.sha256(data).hexdigest()
        if manifest is not None:
            manifest(edited)
        contents[MANIFEST] = json.dumps(edited, ensure_ascii=False, indent=1).encode()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # zipfile: "Duplicate name"
        with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
            for name, content in contents.items():
                replaced = members.get(name, content)
                if replaced is not None:
                    archive.writestr(name, replaced)
            for name, content in extra:
                archive.writestr(name, content)
    return out


def read_member(bundle: Path, name: str) -> bytes:
    with zipfile.ZipFile(bundle) as archive:
        return archive.read(name)


def with_line(bundles: Bundles, out: Path, table: str, number: int, line: bytes) -> Path:
    """The valid bundle with one line of a part replaced (checksums made to match)."""
    path = f"tables/{table}.jsonl"
    lines = bundles.member(path).split(b"\n")
    lines[number - 1] = line
    return rewrite(bundles.valid, out, {path: b"\n".join(lines)})


def with_row(
    bundles: Bundles, out: Path, table: str, number: int, change: Callable[[Row], object]
) -> Path:
    row = json.loads(bundles.line(table, number))
    change(row)
    return with_line(bundles, out, table, number, json.dumps(row).encode())


# Offsets inside the zip headers (APPNOTE 4.3.7 and 4.3.12): (format, central, local).
FIELDS = {
    "flags": ("<H", 8, 6),
    "method": ("<H", 10, 8),
    "crc": ("<I", 16, 14),
    "size": ("<I", 24, 22),
}


def header_offsets(data: bytes) -> dict[str, tuple[int, int]]:
    """Member name -> (offset of its central directory entry, of its local header)."""
    (entries,) = struct.unpack_from("<H", data, len(data) - 12)  # end record, no comment
    (offset,) = struct.unpack_from("<I", data, len(data) - 6)
    found: dict[str, tuple[int, int]] = {}
    for _ in range(entries):
        name_length, extra_length, comment_length = struct.unpack_from("<HHH", data, offset + 28)
        (local,) = struct.unpack_from("<I", data, offset + 42)
        name = data[offset + 46 : offset + 46 + name_length].decode()
        found[name] = (offset, local)
        offset += 46 + name_length + extra_length + comment_length
    return found


def data_offset(data: bytes, local: int) -> int:
    name_length, extra_length = struct.unpack_from("<HH", data, local + 26)
    return int(local + 30 + name_length + extra_length)


def patch_headers(source: Path, out: Path, member: str, **values: int) -> Path:
    """Set fields of a member's central directory entry and local header alike."""
    data = bytearray(source.read_bytes())
    central, local = header_offsets(bytes(data))[member]
    for field, value in values.items():
        fmt, in_central, in_local = FIELDS[field]
        struct.pack_into(fmt, data, central + in_central, value)
        struct.pack_into(fmt, data, local + in_local, value)
    out.write_bytes(data)
    return out


# ---------------------------------------------------------------------------- the file


@pytest.mark.parametrize("signed", [False, True], ids=["unsigned", "signed"])
def test_a_bundle_rewritten_without_damage_is_accepted(
    bundles: Bundles, target: Target, tmp_path: Path, signed: bool
) -> None:
    """The baseline: the helpers damage nothing by themselves (a rewritten part keeps
    the manifest right, a signed manifest keeps its bytes), so each refusal below is
    caused by the one change its case makes."""
    if signed:
        same = {SIGNATURE: read_member(bundles.signed, SIGNATURE)}
        copy = rewrite(bundles.signed, tmp_path / "copy.bundle", same)
    else:
        copy = rewrite(bundles.valid, tmp_path / "copy.bundle", {IDEAS: bundles.member(IDEAS)})
    result = import_bundle(target.database, copy, KEY if signed else None)
    assert result.merge.counts("ideas").new == 60 and result.info.signed == signed


@pytest.mark.parametrize(
    "where",
    ["header", "first part", "ideas part", "manifest", "central directory"],
)
@pytest.mark.parametrize("into", [1, 30])
def test_a_truncated_file_is_refused(
    bundles: Bundles, target: Target, tmp_path: Path, where: str, into: int
) -> None:
    # A copy to a USB stick pulled out too early: the file just stops somewhere.
    data = bundles.valid.read_bytes()
    offsets = header_offsets(data)
    start = {
        "header": 0,
        "first part": data_offset(data, offsets["tables/workshops.jsonl"][1]),
        "ideas part": data_offset(data, offsets[IDEAS][1]),
        "manifest": data_offset(data, offsets[MANIFEST][1]),
        "central directory": min(central for central, _ in offsets.values()),
    }[where]
    path = tmp_path / "cut.bundle"
    path.write_bytes(data[: start + into])
    assert_refused(target, path, "damaged or not a zip")


@pytest.mark.parametrize("cut", [1, 2, 21, 22, 23])
def test_a_file_cut_at_the_end_is_refused(
    bundles: Bundles, target: Target, tmp_path: Path, cut: int
) -> None:
    # Inside and just before the 22-byte end record, where zipfile searches for it.
    path = tmp_path / "cut.bundle"
    path.write_bytes(bundles.valid.read_bytes()[:-cut])
    assert_refused(target, path, "damaged or not a zip")


def test_an_empty_file_is_refused(target: Target, tmp_path: Path) -> None:
    path = tmp_path / "empty.bundle"
    path.write_bytes(b"")
    assert_refused(target, path, "damaged or not a zip")


@pytest.mark.parametrize(
    ("seed", "size", "prefix"),
    [
        (1, 1, b""),
        (2, 4096, b""),
        (3, 100_000, b""),
        (4, 4096, b"PK\x03\x04"),
        (5, 0, b"PK\x05\x06"),
    ],
)
def test_random_bytes_are_refused(
    target: Target, tmp_path: Path, seed: int, size: int, prefix: bytes
) -> None:
    # Including bytes that begin like a zip, and a lone end-record signature.
    path = tmp_path / "noise.bundle"
    path.write_bytes(prefix + random.Random(seed).randbytes(size))
    assert_refused(target, path, "damaged or not a zip")


def test_a_directory_is_refused(target: Target, tmp_path: Path) -> None:
    folder = tmp_path / "folder.bundle"
    folder.mkdir()
    assert_refused(target, folder, "cannot be read")


def test_a_missing_file_is_refused(target: Target, tmp_path: Path) -> None:
    assert_refused(target, tmp_path / "nowhere.bundle", "cannot open", "nowhere.bundle")


def test_a_zip_that_is_not_a_bundle_is_refused(target: Target, tmp_path: Path) -> None:
    path = tmp_path / "photos.bundle"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(IDEAS, b"")
    assert_refused(target, path, "has no manifest.json")


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(data=st.data())
def test_flipped_bits_are_refused_or_change_nothing_read(
    bundles: Bundles, shared_target: Target, data: st.DataObject
) -> None:
    """Bits flipped anywhere, headers favoured (most of the file is compressed data,
    which the CRC and the SHA-256 catch). Either the import is refused cleanly, or only
    bytes no reader uses were hit (a time stamp, file attributes) and the bundle reads
    exactly as the original: never an exception of another type, never other rows."""
    original = bundles.valid.read_bytes()
    offsets = header_offsets(original)
    headers = [
        offset
        for name, (central, local) in offsets.items()
        for offset in [
            *range(central, central + 46 + len(name)),
            *range(local, local + 30 + len(name)),
        ]
    ] + list(range(len(original) - 22, len(original)))
    where = st.one_of(st.integers(0, len(original) - 1), st.sampled_from(headers))
    flips = data.draw(st.lists(st.tuples(where, st.integers(0, 7)), min_size=1, max_size=3))
    damaged = bytearray(original)
    for offset, bit in flips:
        damaged[offset] ^= 1 << bit
    path = bundles.folder / "flipped.bundle"
    path.write_bytes(damaged)
    try:
        info, rows = read_bundle(path)
    except BundleError:
        event("refused")
        assert_refused(shared_target, path)
    else:
        event("read as the original")
        assert rows == bundles.rows and info == bundles.info


# ---------------------------------------------------------------------------- zip tricks


@pytest.mark.parametrize(
    ("method", "mention"),
    [
        (9, "cannot be read"),  # deflate64: zipfile cannot
        (12, "cannot be read"),  # bzip2 over deflate data
        (14, "damaged"),  # LZMA over deflate data
        (99, "cannot be read"),  # AES, unknown to zipfile
    ],
)
def test_a_wrong_compression_method_is_refused(
    bundles: Bundles, target: Target, tmp_path: Path, method: int, mention: str
) -> None:
    path = patch_headers(bundles.valid, tmp_path / "method.bundle", IDEAS, method=method)
    assert_refused(target, path, mention)


def test_damaged_compressed_data_is_refused(
    bundles: Bundles, target: Target, tmp_path: Path
) -> None:
    # 0xFF starts a deflate block of the reserved type 3: zlib.error, not BadZipFile.
    data = bytearray(bundles.valid.read_bytes())
    data[data_offset(bytes(data), header_offsets(bytes(data))[IDEAS][1])] = 0xFF
    path = tmp_path / "inflate.bundle"
    path.write_bytes(data)
    assert_refused(target, path, "damaged", "invalid block type")


def test_a_password_protected_member_is_refused(
    bundles: Bundles, target: Target, tmp_path: Path
) -> None:
    # zipfile raises RuntimeError ("password required") for the encryption flag.
    path = patch_headers(bundles.valid, tmp_path / "locked.bundle", IDEAS, flags=0x1)
    assert_refused(target, path, "password-protected", IDEAS)


def test_a_member_name_flagged_utf8_that_is_not_is_refused(
    bundles: Bundles, target: Target, tmp_path: Path
) -> None:
    # zipfile decodes such a name with UnicodeDecodeError while opening the archive.
    data = bytearray(bundles.valid.read_bytes())
    central, _ = header_offsets(bytes(data))[IDEAS]
    struct.pack_into("<H", data, central + 8, 0x800)
    data[central + 46] = 0xFF
    path = tmp_path / "name.bundle"
    path.write_bytes(data)
    assert_refused(target, path, "damaged")


@pytest.mark.parametrize("filler", [b"\0", b" "])
def test_a_zip_bomb_is_refused_before_it_inflates(
    bundles: Bundles, target: Target, tmp_path: Path, filler: bytes
) -> None:
    # 16 MB of zeros or spaces deflate to about 16 KB (1000:1): refused from the
    # header, before a byte is inflated. The manifest even vouches for it.
    bomb = filler * (16 * 1024 * 1024)

    def vouch(manifest: dict[str, Any]) -> None:
        [entry] = [p for p in manifest["parts"] if p["path"] == IDEAS]
        entry.update(bytes=len(bomb), sha256=hashlib.sha256(bomb).hexdigest())

    path = rewrite(bundles.valid, tmp_path / "bomb.bundle", {IDEAS: None}, manifest=vouch)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(IDEAS, bomb)
    assert_refused(target, path, "inflates abnormally", IDEAS)


def test_a_member_larger_than_its_header_says_is_cut_at_the_claimed_size(
    bundles: Bundles, target: Target, tmp_path: Path
) -> None:
    # The size in the header is what the ratio check sees (here 1,000 bytes from 16 KB:
    # no bomb at all); zipfile stops inflating at that size, even with a CRC forged to
    # match, so the 16 MB never arrive and the part fails its checksum.
    large = b"\0" * (16 * 1024 * 1024)
    path = rewrite(bundles.valid, tmp_path / "big.bundle", {IDEAS: None}, fix_checksums=False)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(IDEAS, large)
    path = patch_headers(
        path, tmp_path / "claims-small.bundle", IDEAS, size=1000, crc=zlib.crc32(large[:1000])
    )
    assert_refused(target, path, IDEAS, "SHA-256")


def test_a_member_whose_header_claims_a_huge_size_is_refused(
    bundles: Bundles, target: Target, tmp_path: Path
) -> None:
    path = patch_headers(bundles.valid, tmp_path / "claims-huge.bundle", IDEAS, size=2**31)
    assert_refused(target, path, "over-size part", IDEAS)


def test_an_over_size_manifest_is_refused(bundles: Bundles, target: Target, tmp_path: Path) -> None:
    path = rewrite(
        bundles.valid,
        tmp_path / "fat.bundle",
        manifest=lambda m: m.update(app_version="1" * (1024 * 1024 + 1)),
    )
    assert_refused(target, path, "over-size part", MANIFEST)


# ---------------------------------------------------------------------------- manifest


def _drop(key: str) -> Callable[[dict[str, Any]], object]:
    return lambda manifest: manifest.pop(key)


def _first_part(**values: object) -> Callable[[dict[str, Any]], object]:
    return lambda manifest: manifest["parts"][0].update(values)


MANIFEST_EDITS: list[tuple[str, Callable[[dict[str, Any]], object], str]] = [
    ("version 2", lambda m: m.update(format_version=2), "format version 2;"),
    ("version 0", lambda m: m.update(format_version=0), "format version 0;"),
    ("version text", lambda m: m.update(format_version="1"), "format version '1';"),
    ("version true", lambda m: m.update(format_version=True), "format version True;"),
    ("version missing", _drop("format_version"), "format version None;"),
    # Another schema revision means other columns: say which app to update.
    ("older schema", lambda m: m.update(schema="0005_action_plan"), "an older version"),
    ("newer schema", lambda m: m.update(schema="0099_future"), "a newer version"),
    ("no schema", _drop("schema"), "a newer version of the app (data schema None"),
    ("format missing", _drop("format"), "is not a workshop-app bundle"),
    ("format other", lambda m: m.update(format="zip-of-photos"), "is not a workshop-app bundle"),
    ("no app_version", _drop("app_version"), "malformed manifest.json ('app_version')"),
    ("no device_id", _drop("device_id"), "malformed manifest.json ('device_id')"),
    ("no created_utc", _drop("created_utc"), "malformed manifest.json ('created_utc')"),
    ("no workshops", _drop("workshops"), "malformed manifest.json ('workshops')"),
    ("no parts", _drop("parts"), "malformed manifest.json ('parts')"),
    ("device_id number", lambda m: m.update(device_id=7), "malformed manifest.json (device_id)"),
    ("parts object", lambda m: m.update(parts={}), "malformed manifest.json (parts)"),
    ("workshops text", lambda m: m.update(workshops="all"), "malformed manifest.json (workshops)"),
    (
        "workshop untitled",
        lambda m: m["workshops"][0].pop("title"),
        "malformed manifest.json (workshops)",
    ),
    ("part a string", lambda m: m["parts"].append(IDEAS), "malformed manifest.json"),
    ("part no sha256", lambda m: m["parts"][0].pop("sha256"), "malformed manifest.json ('sha256')"),
    ("rows text", _first_part(rows="12"), "tables/workshops.jsonl"),
    ("rows true", _first_part(rows=True), "tables/workshops.jsonl"),
    ("bytes negative", _first_part(bytes=-1), "tables/workshops.jsonl"),
    ("bytes float", _first_part(bytes=3236.5), "tables/workshops.jsonl"),
    ("sha256 not hex", _first_part(sha256="z" * 64), "tables/workshops.jsonl"),
    ("table mismatch", _first_part(table="ideas"), "tables/workshops.jsonl"),
    ("part twice", lambda m: m["parts"].append(m["parts"][0]), "tables/workshops.jsonl"),
    # Names only the manifest gives: refused as malformed, never looked up.
    ("path traversal", _first_part(path="../workshops.jsonl"), "'../workshops.jsonl'"),
    ("path absolute", _first_part(path="/etc/passwd"), "'/etc/passwd'"),
    ("unknown table", _first_part(path="tables/evil.jsonl", table="evil"), "tables/evil.jsonl"),
]


@pytest.mark.parametrize(
    ("edit", "mention"),
    [pytest.param(edit, mention, id=case) for case, edit, mention in MANIFEST_EDITS],
)
def test_a_bad_manifest_is_refused(
    bundles: Bundles,
    target: Target,
    tmp_path: Path,
    edit: Callable[[dict[str, Any]], object],
    mention: str,
) -> None:
    path = rewrite(bundles.valid, tmp_path / "manifest.bundle", manifest=edit)
    assert_refused(target, path, mention)


@pytest.mark.parametrize(
    ("manifest", "mention"),
    [
        (b'{"format": "workshop-app-bundle",', "unreadable manifest.json"),
        (b"", "unreadable manifest.json"),
        (b'{"format": "workshop-app-bundle\xff"}', "unreadable manifest.json"),  # not UTF-8
        (b"[" * 100_000 + b"]" * 100_000, "unreadable manifest.json"),  # RecursionError
        (b'{"format_version": 1' + b"0" * 5000 + b"}", "unreadable manifest.json"),  # > 4300 digits
        (b'{"format_version": NaN}', "unreadable manifest.json"),
        (b"[]", "is not a workshop-app bundle"),
        (b'"workshop-app-bundle"', "is not a workshop-app bundle"),
        (b"null", "is not a workshop-app bundle"),
    ],
    ids=["cut", "empty", "not utf-8", "nested", "huge int", "NaN", "list", "string", "null"],
)
def test_a_manifest_that_is_not_a_json_object_is_refused(
    bundles: Bundles, target: Target, tmp_path: Path, manifest: bytes, mention: str
) -> None:
    path = rewrite(bundles.valid, tmp_path / "manifest.bundle", {MANIFEST: manifest})
    assert_refused(target, path, mention)


# ---------------------------------------------------------------------------- checksums


def test_a_part_changed_after_the_manifest_is_refused(
    bundles: Bundles, target: Target, tmp_path: Path
) -> None:
    # Same length, one character different: only the SHA-256 tells.
    changed = bundles.member(IDEAS).replace(b"proposal", b"proposaL", 1)
    assert len(changed) == len(bundles.member(IDEAS)) and changed != bundles.member(IDEAS)
    path = rewrite(
        bundles.valid, tmp_path / "changed.bundle", {IDEAS: changed}, fix_checksums=False
    )
    assert_refused(target, path, IDEAS, "SHA-256")


@pytest.mark.parametrize(
    "lie",
    [
        {"bytes": 1},
        {"bytes": -1},
        {"sha256": hashlib.sha256(b"something else").hexdigest()},
    ],
    ids=["bytes +1", "bytes -1", "sha256 of other data"],
)
def test_a_manifest_whose_size_or_hash_lies_is_refused(
    bundles: Bundles, target: Target, tmp_path: Path, lie: dict[str, Any]
) -> None:
    part = bundles.part("ideas")
    values = {k: (part[k] + v if k == "bytes" else v) for k, v in lie.items()}

    def edit(manifest: dict[str, Any]) -> None:
        [entry] = [p for p in manifest["parts"] if p["path"] == IDEAS]
        entry.update(values)

    path = rewrite(bundles.valid, tmp_path / "lie.bundle", manifest=edit)
    assert_refused(target, path, IDEAS, "SHA-256")


@pytest.mark.parametrize("delta", [1, -1])
def test_a_manifest_whose_row_count_lies_is_refused(
    bundles: Bundles, target: Target, tmp_path: Path, delta: int
) -> None:
    rows = bundles.part("ideas")["rows"]

    def edit(manifest: dict[str, Any]) -> None:
        [entry] = [p for p in manifest["parts"] if p["path"] == IDEAS]
        entry["rows"] = rows + delta

    path = rewrite(bundles.valid, tmp_path / "count.bundle", manifest=edit)
    assert_refused(
        target, path, f"has {rows} rows in {IDEAS} where the manifest says {rows + delta}"
    )


# ---------------------------------------------------------------------------- names


@pytest.mark.parametrize(
    "name",
    [
        "../evil.jsonl",
        "/etc/passwd",
        "tables/../x.jsonl",
        "tables/ideas.jsonl/../../x",
        "tables\\ideas.jsonl",
        "..\\..\\evil.jsonl",
        "C:/evil.jsonl",
        "tables/",
        "tables/Ideas.jsonl",
        "tables/evil.jsonl",  # the right shape, but no such table
        "tables/ideas.json",
        "manifest.json.bak",
    ],
)
def test_an_unexpected_member_name_is_refused(
    bundles: Bundles, target: Target, tmp_path: Path, name: str
) -> None:
    # Nothing is ever extracted to disk, but a name outside the format is a forgery.
    path = rewrite(bundles.valid, tmp_path / "names.bundle", extra=[(name, b"{}\n")])
    assert_refused(target, path, "unexpected name", repr(name))


@pytest.mark.parametrize("name", [IDEAS, MANIFEST])
def test_a_duplicate_member_is_refused(
    bundles: Bundles, target: Target, tmp_path: Path, name: str
) -> None:
    # zipfile reads the last of two same-named members; a checker might have read the
    # first (a signed manifest, say). Two of one name are refused outright.
    other = b'{"format": "workshop-app-bundle"}' if name == MANIFEST else b"{}\n"
    path = rewrite(bundles.valid, tmp_path / "twice.bundle", extra=[(name, other)])
    assert_refused(target, path, f"holds {name} twice")


def test_a_part_the_manifest_lists_but_the_zip_lacks_is_refused(
    bundles: Bundles, target: Target, tmp_path: Path
) -> None:
    path = rewrite(bundles.valid, tmp_path / "gap.bundle", {IDEAS: None}, fix_checksums=False)
    assert_refused(target, path, f"lacks {IDEAS}", "gap")


def test_a_member_the_manifest_does_not_list_is_refused(
    bundles: Bundles, target: Target, tmp_path: Path
) -> None:
    # A real table name, and a real row even: still not what the manifest vouches for.
    row = bundles.line("workshops", 1)
    path = rewrite(
        bundles.valid, tmp_path / "extra.bundle", extra=[("tables/reference_items.jsonl", row)]
    )
    assert_refused(target, path, "tables/reference_items.jsonl, which the manifest does not list")


def test_rows_that_point_at_rows_in_neither_place_are_refused(
    bundles: Bundles, target: Target, tmp_path: Path
) -> None:
    # Well-formed, but the strategic issues the ideas point at are left out: a gap.
    path = rewrite(
        bundles.valid,
        tmp_path / "orphans.bundle",
        {"tables/strategic_issues.jsonl": None},
        manifest=lambda m: m.update(
            parts=[p for p in m["parts"] if p["table"] != "strategic_issues"]
        ),
    )
    assert_refused(target, path, "rows refer to strategic_issues", "gap")


# ---------------------------------------------------------------------------- lines and rows


def _big_line(bundles: Bundles) -> bytes:
    row = json.loads(bundles.line("ideas", 3))
    row["text"] = "ถนน" * 120_000  # 1.08 MB of UTF-8 in one line
    return json.dumps(row, ensure_ascii=False).encode()


def _with_position(bundles: Bundles, number: bytes) -> bytes:
    """Line 3 of the ideas with a raw JSON number as position (a Float column)."""
    row = json.loads(bundles.line("ideas", 3))
    row["position"] = 4242.25
    return json.dumps(row).encode().replace(b"4242.25", number)


LINES: list[tuple[str, Callable[[Bundles], bytes], Sequence[str]]] = [
    ("over 1 MB", _big_line, ["over-long line 3 in tables/ideas.jsonl"]),
    ("not JSON", lambda b: b"{this is not json", ["line 3 in tables/ideas.jsonl", "not JSON"]),
    ("cut short", lambda b: b.line("ideas", 3)[:-10], ["line 3 in tables/ideas.jsonl"]),
    ("not UTF-8", lambda b: b'{"text": "\xff\xfe"}', ["line 3 in tables/ideas.jsonl"]),
    ("nested deep", lambda b: b"[" * 100_000 + b"]" * 100_000, ["line 3 in tables/ideas.jsonl"]),
    ("NaN", lambda b: _with_position(b, b"NaN"), ["line 3 in tables/ideas.jsonl"]),
    ("Infinity", lambda b: _with_position(b, b"-Infinity"), ["line 3 in tables/ideas.jsonl"]),
    ("1e999", lambda b: _with_position(b, b"1e999"), ["line 3 in tables/ideas.jsonl"]),
    ("5000 digits", lambda b: _with_position(b, b"9" * 5000), ["line 3 in tables/ideas.jsonl"]),
    ("a list", lambda b: b"[1, 2, 3]", ["tables/ideas.jsonl:3: not a row object"]),
    ("a string", lambda b: '"ถนน"'.encode(), ["tables/ideas.jsonl:3: not a row object"]),
    (
        "another table's row",
        lambda b: b.line("agenda_items", 1),
        ["tables/ideas.jsonl:3: columns do not match table ideas"],
    ),
]


@pytest.mark.parametrize(
    ("line", "mentions"),
    [pytest.param(line, mentions, id=case) for case, line, mentions in LINES],
)
def test_a_bad_line_is_refused(
    bundles: Bundles,
    target: Target,
    tmp_path: Path,
    line: Callable[[Bundles], bytes],
    mentions: Sequence[str],
) -> None:
    path = with_line(bundles, tmp_path / "line.bundle", "ideas", 3, line(bundles))
    assert_refused(target, path, *mentions)


def _set(**values: object) -> Callable[[Row], object]:
    return lambda row: row.update(values)


def _row(
    case: str, table: str, number: int, change: Callable[[Row], object], *mentions: str
) -> object:
    return pytest.param(table, number, change, mentions, id=case)


ROWS = [
    _row("missing column", "ideas", 3, lambda r: r.pop("text"), "missing: text"),
    _row("extra column", "ideas", 3, _set(evil=1), "unknown: evil"),
    _row("text in integer", "agenda_items", 2, _set(number="2"), "column number"),
    _row("bool in integer", "agenda_items", 2, _set(number=True), "column number"),
    _row("float in integer", "agenda_items", 2, _set(number=2.5), "column number"),
    _row("integer too big", "agenda_items", 2, _set(number=2**63), "column number"),
    _row("text in fiscal_year", "workshops", 1, _set(fiscal_year="2567"), "column fiscal_year"),
    _row("amount 12.345", "project_budgets", 1, _set(amount="12.345"), "column amount"),
    _row("amount a number", "project_budgets", 1, _set(amount=12.5), "column amount"),
    _row("amount NaN", "project_budgets", 1, _set(amount="NaN"), "column amount"),
    _row("date 2567-13-40", "workshops", 1, _set(start_date="2567-13-40"), "column start_date"),
    _row("time 25:00", "workshops", 1, _set(start_time="25:00"), "column start_time"),
    _row("naive time", "vote_round_events", 1, _set(at="2024-01-01T10:00:00"), "time zone"),
    _row("NUL in text", "ideas", 3, _set(text="ถนน\x00ชำรุด"), "column text", "NUL"),
    _row("id of 37", "ideas", 3, _set(id="x" * 37), "column id", "longer than 36"),
    _row("null reference", "ideas", 3, _set(workshop_id=None), "column workshop_id"),
    _row("text in boolean", "ideas", 3, _set(deleted="false"), "column deleted"),
    # The merge reads the stamps and version vectors: they must be ones it can read.
    _row("bad stamp", "ideas", 3, _set(updated_hlc="garbage"), "column updated_hlc"),
    _row("empty stamp", "ideas", 3, _set(created_hlc=""), "column created_hlc"),
    _row("bad vector", "ideas", 3, _set(versions="a b"), "column versions"),
    _row("amount 1e30", "project_budgets", 1, _set(amount="1e30"), "column amount"),
    _row(
        "amount beyond 2**63 satang",
        *("project_budgets", 1, _set(amount="99999999999999999999.00"), "column amount"),
    ),
    _row(
        "time before year 1 in UTC",
        *("vote_round_events", 1, _set(at="0001-01-01T00:00:00+07:00"), "column at"),
    ),
]


@pytest.mark.parametrize(("table", "number", "change", "mentions"), ROWS)
def test_a_bad_row_is_refused(
    bundles: Bundles,
    target: Target,
    tmp_path: Path,
    table: str,
    number: int,
    change: Callable[[Row], object],
    mentions: Sequence[str],
) -> None:
    path = with_row(bundles, tmp_path / "row.bundle", table, number, change)
    assert_refused(target, path, f"tables/{table}.jsonl:{number}: ", *mentions)


# ---------------------------------------------------------------------------- signing


def test_an_unsigned_bundle_is_refused_where_a_key_is_set(bundles: Bundles, target: Target) -> None:
    assert_refused(target, bundles.valid, "is not signed", key=KEY)


@pytest.mark.parametrize(
    "signature",
    [
        b"",
        b"0" * 64,
        sign(b"another manifest", KEY).encode(),
        hashlib.sha256(b"x").hexdigest().upper().encode(),
        "ลายมือชื่อ".encode(),  # not ASCII: compare_digest refuses such str
        b"\xff" * 64,
    ],
    ids=["empty", "zeros", "of another manifest", "other hex", "Thai", "binary"],
)
def test_a_wrong_signature_is_refused(
    bundles: Bundles, target: Target, tmp_path: Path, signature: bytes
) -> None:
    path = rewrite(bundles.signed, tmp_path / "forged.bundle", {SIGNATURE: signature})
    assert_refused(target, path, "wrong signature", key=KEY)


def test_a_bundle_signed_with_another_key_is_refused(bundles: Bundles, target: Target) -> None:
    assert_refused(target, bundles.signed, "wrong signature", key=b"another province's key!")


def test_a_manifest_changed_after_signing_is_refused(
    bundles: Bundles, target: Target, tmp_path: Path
) -> None:
    # The signature was right for the manifest it came with: a changed manifest (here
    # one part taken out, its gap hidden) keeps a signature of a different manifest.
    def edit(manifest: dict[str, Any]) -> None:
        manifest["parts"] = [p for p in manifest["parts"] if p["path"] != IDEAS]

    path = rewrite(bundles.signed, tmp_path / "edited.bundle", {IDEAS: None}, manifest=edit)
    assert_refused(target, path, "wrong signature", key=KEY)


def test_a_valid_signature_of_another_bundle_is_refused(
    bundles: Bundles, target: Target, tmp_path: Path
) -> None:
    # A genuine signature, moved from another signed bundle onto this one.
    other = rewrite(
        bundles.signed, tmp_path / "other.bundle", manifest=lambda m: m.update(app_version="9")
    )
    signature = sign(read_member(other, MANIFEST), KEY).encode()
    path = rewrite(bundles.signed, tmp_path / "moved.bundle", {SIGNATURE: signature})
    assert_refused(target, path, "wrong signature", key=KEY)
