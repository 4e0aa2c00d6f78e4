"""The command line. ``workshop-app`` with no command opens the GUI; with ``--db`` the
provincial server's URL, the provincial view (read-only), which ``list`` also reads.

Every command prints one clear line and exits non-zero on bad input, changing nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sqlite3
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from workshop_app import __version__
from workshop_app.db.database import Database, open_database, storage_error
from workshop_app.errors import UserError
from workshop_app.export.files import remove_abandoned_parts
from workshop_app.services import (
    demo,
    idea_import,
    invitation_import,
    vote_report,
    voting,
    workshops,
)
from workshop_app.services.invitation_import import DuplicateChoice
from workshop_app.services.table_import import ImportChoice
from workshop_app.services.workshops import WorkshopSummary
from workshop_app.sync.labels import table_label
from workshop_app.sync.merge import MergeResult

if TYPE_CHECKING:  # the provincial services are imported only when a server is named
    from workshop_app.services.province import ProvinceWorkshop

EXIT_USER_ERROR = 2


def default_db_path() -> Path:
    return Path(platformdirs.user_data_dir("workshop-app", appauthor=False)) / "workshops.sqlite"


# --db names a laptop's file, or the provincial server: the provincial view (read-only).
SERVER_PREFIXES = ("postgresql://", "postgresql+")


def database_argument(text: str) -> Path | str:
    """--db: a database file (a Path, as before), or the provincial server's URL (a str)."""
    if text.lower().startswith(SERVER_PREFIXES):
        return server_address(text)
    return Path(text)


def server_address(url: str) -> str:
    """A plain ``postgresql://`` URL with the driver the app ships (psycopg 3) named."""
    scheme, _sep, rest = url.partition("://")
    return f"postgresql+psycopg://{rest}" if scheme.lower() == "postgresql" else url


def _common_options(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--db",
        type=database_argument,
        default=default,
        help=f"database file (default: {default_db_path()}), or the provincial server "
        "(postgresql+psycopg://user@host/db): its workshops, read-only, in the GUI or `list`",
    )
    parser.add_argument(
        "--lang",
        choices=("th", "en"),
        default=default,
        help="language of messages and the GUI (default: th)",
    )


def _column_choice(text: str) -> tuple[str, str]:
    field, equals, header = text.partition("=")
    if not equals or not field.strip() or not header.strip():
        raise argparse.ArgumentTypeError(f"expected FIELD=HEADER, got {text!r}")
    return field.strip(), header.strip()


def _import_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--sheet", help="read this sheet (default: the one whose header fits best)")
    parser.add_argument(
        "--column",
        type=_column_choice,
        action="append",
        default=[],
        metavar="FIELD=HEADER",
        help="the column headed HEADER (or lettered, e.g. C) holds FIELD, e.g. phone=มือถือ; "
        "repeatable",
    )


def _import_choice(args: argparse.Namespace) -> ImportChoice:
    return ImportChoice(sheet=args.sheet, columns=dict(args.column))


def _parser() -> argparse.ArgumentParser:
    # --db and --lang may stand before or after the command. The copies on the commands
    # default to SUPPRESS so that they never overwrite a value given before the command.
    common = argparse.ArgumentParser(add_help=False)
    _common_options(common, argparse.SUPPRESS)
    parser = argparse.ArgumentParser(
        prog="workshop-app",
        description="Thai provincial planning workshops: registration, brainstorm, votes, "
        "minutes, action plan. Without a command, opens the GUI.",
    )
    _common_options(parser, None)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation offscreen (fonts, Thai, database, window, PDF, "
        "workbook): one line per check, exit status 1 if any fails",
    )
    parser.add_argument(
        "--screenshot", type=Path, help="with --self-test: save the main window as this PNG"
    )
    parser.add_argument("--workshop", help="GUI: open this workshop (id or its first characters)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = commands.add_parser("demo", parents=[common], help="create a demo workshop")
    demo.add_argument("--size", choices=("small", "large"), default="small")
    demo.add_argument(
        "--if-missing",
        action="store_true",
        help="do nothing when the database already holds a workshop",
    )
    commands.add_parser("list", parents=[common], help="list the workshops in the database")
    importer = commands.add_parser(
        "import-attendees", parents=[common], help="import an invitation list (.xlsx or .csv)"
    )
    importer.add_argument("--workshop", required=True, help="workshop id (or its first characters)")
    importer.add_argument(
        "--skip-duplicates",
        action="store_true",
        help="keep the first row of a person listed more than once in the file, and leave "
        "out people who look already registered (same name and organisation)",
    )
    _import_options(importer)
    importer.add_argument("file", type=Path)

    ideas = commands.add_parser(
        "import-ideas",
        parents=[common],
        help="import brainstorm ideas or hearing comments (.xlsx, .csv or .txt: issue, idea, "
        "and optionally kind, sector, group)",
    )
    ideas.add_argument("--workshop", required=True, help="workshop id (or its first characters)")
    _import_options(ideas)
    ideas.add_argument("file", type=Path)

    results = commands.add_parser(
        "results", parents=[common], help="print the results of vote rounds"
    )
    results.add_argument("--workshop", required=True, help="workshop id (or its first characters)")
    results.add_argument(
        "--round", help="round number or id (or its first characters); default: every round"
    )
    results.add_argument("--format", choices=("text", "csv", "json"), default="text")
    results.add_argument(
        "--balanced",
        action="store_true",
        help="text: rank with each sector's votes scaled to equal weight",
    )
    export = commands.add_parser(
        "export",
        parents=[common],
        help="write a document: minutes (PDF or DOCX), signin (the sign-in sheet, PDF), "
        "action-plan (the annual action plan workbook, .xlsx), template (a blank "
        "project template for agencies, .xlsx) or phone-cards (each attendee's QR code "
        "for the participant page, PDF)",
    )
    export.add_argument(
        "document",
        choices=("minutes", "signin", "hearing", "action-plan", "template", "phone-cards"),
    )
    export.add_argument("--workshop", required=True, help="workshop id (or its first characters)")
    export.add_argument(
        "--out",
        required=True,
        type=Path,
        help="the file to write: .pdf, or .docx for minutes, .xlsx for action-plan and template",
    )
    export.add_argument(
        "--with-projects",
        action="store_true",
        help="template: fill it with the workshop's projects (to update them and import back)",
    )
    export.add_argument(
        "--order",
        choices=("sector", "name"),
        default="sector",
        help="signin: grouped by sector (default) or all in Thai name order",
    )
    digits = export.add_mutually_exclusive_group()
    digits.add_argument(
        "--thai-digits",
        dest="thai_digits",
        action="store_const",
        const=True,
        help="numbers and dates in Thai digits (the default for minutes)",
    )
    digits.add_argument(
        "--arabic-digits",
        dest="thai_digits",
        action="store_const",
        const=False,
        help="numbers and dates in Arabic digits (the default for the sign-in sheet)",
    )
    export.add_argument(
        "--phone-links",
        action="store_true",
        help="signin: print on each row the QR code of the person's phone link (the same "
        "as on their phone card)",
    )
    export.add_argument(
        "--base-url",
        help="phone-cards, signin --phone-links: the address phones open, e.g. "
        "http://192.168.1.10:8765 (default: this computer's network address and the "
        "server's default port)",
    )
    export.add_argument(
        "--no-appendix",
        action="store_true",
        help="minutes: leave out the appendix that lists every idea",
    )
    plan = commands.add_parser(
        "import-plan",
        parents=[common],
        help="import projects from a filled action-plan template (.xlsx); all rows or none",
    )
    plan.add_argument("--workshop", required=True, help="workshop id (or its first characters)")
    plan.add_argument("file", type=Path)
    _sync_parsers(commands, common)
    return parser


def _sync_parsers(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
) -> None:
    key_help = (
        "province key file: exports are signed and encrypted (AES-GCM), imports must carry "
        "its signature (default: the file named by WORKSHOP_APP_PROVINCE_KEY, if set)"
    )
    bundle = commands.add_parser(
        "bundle", help="bundle files for a USB stick (sync between laptops)"
    )
    actions = bundle.add_subparsers(dest="bundle_action", metavar="ACTION", required=True)
    out = actions.add_parser(
        "export", parents=[common], help="write every row (of a workshop) to a bundle file"
    )
    out.add_argument("--workshop", help="only this workshop (id or its first characters)")
    out.add_argument("--out", type=Path, required=True)
    out.add_argument("--key", type=Path, help=key_help)
    out.add_argument(
        "--without-contacts",
        action="store_true",
        help="leave the attendees' phone, e-mail and diet or access needs out of the bundle",
    )
    into = actions.add_parser(
        "import", parents=[common], help="merge a bundle file into the database; all or nothing"
    )
    into.add_argument("file", type=Path)
    into.add_argument("--key", type=Path, help=key_help)
    server = commands.add_parser(
        "sync",
        parents=[common],
        help="push to and pull from the provincial PostgreSQL server",
    )
    server.add_argument(
        "--server",
        required=True,
        help="SQLAlchemy URL, e.g. postgresql+psycopg://user@host/db; the password may be in "
        "the URL, in PGPASSWORD or in ~/.pgpass and is never stored",
    )
    server.add_argument(
        "--timeout",
        type=float,
        default=60.0,
        help="seconds the server may take to answer before the sync stops (default 60)",
    )

    serve = commands.add_parser(
        "serve",
        parents=[common],
        help="serve the participants' page to phones on the local network until Ctrl+C",
    )
    serve.add_argument("--workshop", required=True, help="workshop id (or its first characters)")
    serve.add_argument(
        "--host",
        default="0.0.0.0",
        help="the address to listen on (default 0.0.0.0: every network of this computer; "
        "give the laptop's address on the venue network to listen there only)",
    )
    serve.add_argument("--port", type=int, default=8765, help="the port (default 8765)")
    serve.add_argument(
        "--issue", type=int, help="open this strategic issue (its number) to ideas from phones"
    )


# Commands that never write the database file.
READ_ONLY_COMMANDS = ("list", "results", "export")

# The file each document is written as.
DOCUMENT_FORMATS = {
    "minutes": (".pdf", ".docx"),
    "signin": (".pdf",),
    "hearing": (".pdf",),
    "action-plan": (".xlsx",),
    "template": (".xlsx",),
    "phone-cards": (".pdf",),
}


def _export(session: Session, workshop_id: str, args: argparse.Namespace, db_path: Path) -> None:
    """Write the document ``args`` ask for; the format follows the file's extension.
    The writers are imported here: ReportLab adds a quarter of a second to every other
    command."""
    out: Path = args.out
    suffix = out.suffix.lower()
    formats = DOCUMENT_FORMATS[args.document]
    if suffix not in formats:
        raise UserError(
            f"เขียนเป็น {' หรือ '.join(formats)} เท่านั้น: {out.name}",
            f"this document is written as {' or '.join(formats)} only: {out.name}",
        )
    if args.document == "action-plan":
        from workshop_app.export.xlsx_action_plan import write_action_plan
        from workshop_app.services.action_plan import gather_action_plan

        write_action_plan(gather_action_plan(session, workshop_id), out)
        return
    if args.document == "template":
        from workshop_app.export.xlsx_template import write_plan_template
        from workshop_app.services.plan_template import gather_plan_template

        content = gather_plan_template(session, workshop_id, with_projects=args.with_projects)
        write_plan_template(content, out)
        return
    # The minutes and the sign-in sheet go through the scripting API, as a script would.
    from workshop_app import api

    try:
        if args.document == "hearing":
            api.export_hearing_summary(
                db_path, workshop_id, out, thai_digits=args.thai_digits is not False
            )
            return
        if args.document == "phone-cards":
            api.export_phone_cards(db_path, workshop_id, out, base_url=args.base_url)
            return
        if args.document == "signin":
            api.export_signin_sheet(
                db_path,
                workshop_id,
                out,
                order=args.order,
                thai_digits=bool(args.thai_digits),
                phone_links=args.phone_links,
                base_url=args.base_url,
            )
            return
        api.export_minutes(
            db_path,
            workshop_id,
            out,
            thai_digits=args.thai_digits is not False,
            with_appendix=not args.no_appendix,
        )
    finally:
        api.close(db_path)


def _say(language: str, thai: str, english: str) -> None:
    print(thai if language == "th" else english)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    remove_abandoned_parts()  # of exports killed before they finished (export.files)
    if args.self_test:
        from workshop_app.ui.self_test import run_self_test  # Qt, as for the GUI

        return run_self_test(args.screenshot)
    chosen: str | None = args.lang or os.environ.get("WORKSHOP_APP_LANG")
    database: Path | str = args.db or default_db_path()
    if isinstance(database, str):
        return _run_on_server(args, database, chosen)
    db_path = database
    if args.command is None:
        from workshop_app.ui.app import run_gui  # the CLI touches Qt only to launch it

        # Without --lang the GUI uses the language last chosen in its View menu.
        return run_gui(db_path, workshop=args.workshop, language=chosen)
    language = chosen or "th"
    try:
        return _run_command(args, db_path, language)
    except UserError as exc:
        print(exc.message(language), file=sys.stderr)
        return EXIT_USER_ERROR
    except (DBAPIError, sqlite3.Error, OSError) as exc:
        # The disk or the file failed (full, read-only, locked): one line, no traceback
        # (SQLAlchemy's text of it would print the statement's values).
        print(storage_error(exc, db_path.expanduser()).message(language), file=sys.stderr)
        return EXIT_USER_ERROR
    except Exception as exc:  # a bug: one line naming where, never the data in the message
        print(_unexpected(exc, language), file=sys.stderr)
        return EXIT_USER_ERROR


def _unexpected(exc: BaseException, language: str) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    where = f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "?"
    kind = type(exc).__name__
    if language == "th":
        return f"เกิดข้อผิดพลาดภายในโปรแกรม ({kind} ที่ {where}) กรุณาแจ้งผู้พัฒนา"
    return f"internal error ({kind} at {where}); please report it"


def _run_on_server(args: argparse.Namespace, url: str, chosen: str | None) -> int:
    """--db is the provincial server: the provincial view, or `list`; nothing else (the
    server is written only by sync, from the laptops)."""
    if args.command is None:
        from workshop_app.ui.app import run_provincial_view  # launching it, as run_gui

        return run_provincial_view(url, language=chosen)
    language = chosen or "th"
    try:
        if args.command != "list":
            raise UserError(
                "เซิร์ฟเวอร์ของจังหวัดเปิดดูได้อย่างเดียว (เปิดโปรแกรมหรือคำสั่ง list) "
                "ส่งข้อมูลขึ้นเซิร์ฟเวอร์ด้วยคำสั่ง sync --db แฟ้มงานประชุม --server ที่อยู่เซิร์ฟเวอร์",
                "the provincial server is only viewed (the GUI or the list command); "
                "send data to it with sync --db FILE --server URL",
            )
        _list_province(url)
    except UserError as exc:
        print(exc.message(language), file=sys.stderr)
        return EXIT_USER_ERROR
    return 0


def _list_province(url: str) -> None:
    """One line per workshop on the server, as `list` prints a file's."""
    from workshop_app.services.province import province_workshops
    from workshop_app.sync.server import SyncError, connect_server, failure_reason, server_label

    engine = connect_server(url)
    try:
        with Session(engine) as session:
            summaries = province_workshops(session)
    except DBAPIError as exc:
        reason = failure_reason(exc)
        raise SyncError(
            f"อ่านจากเซิร์ฟเวอร์ {server_label(url)} ไม่สำเร็จ: {reason}",
            f"cannot read from {server_label(url)}: {reason}",
        ) from None
    finally:
        engine.dispose()
    _print_workshops(summaries)


def _print_workshops(summaries: Sequence[WorkshopSummary | ProvinceWorkshop]) -> None:
    """One tab-separated line per workshop: id, date, invited, present, title."""
    for summary in summaries:
        day = summary.start_date.isoformat() if summary.start_date else "-"
        print(f"{summary.id}\t{day}\t{summary.invited}\t{summary.present}\t{summary.title}")


def _run_command(args: argparse.Namespace, db_path: Path, language: str) -> int:

    # Checked before opening: a typo in a file name must not create a database.
    if (
        args.command in ("import-attendees", "import-ideas", "import-plan")
        or getattr(args, "bundle_action", None) == "import"
    ) and not args.file.is_file():
        raise UserError(f"ไม่พบแฟ้ม {args.file}", f"file not found: {args.file}")
    # A new file may be made by a demo, or filled from a bundle or from the server.
    creates = args.command in ("demo", "sync") or getattr(args, "bundle_action", "") == "import"
    if not creates and not db_path.exists():
        raise UserError(
            f"ไม่พบแฟ้มฐานข้อมูล {db_path} (สร้างได้ด้วยคำสั่ง demo หรือเปิดโปรแกรม)",
            f"database not found: {db_path} (create one with the demo command or the GUI)",
        )
    # Commands that only read may run beside the GUI (SQLite's WAL lets them read while
    # it writes); every command that writes takes the file's writer lock, and is refused
    # (not made to wait) while another program holds it: the GUI holds it for hours.
    reads_only = args.command in READ_ONLY_COMMANDS or (
        args.command == "bundle" and args.bundle_action == "export"
    )
    database = open_database(db_path, read_only=reads_only)
    try:
        if args.command == "serve":
            with database.session() as session:
                workshop_id = workshops.find_workshop_id(session, args.workshop)
            _serve(database, workshop_id, args, language)
        elif args.command == "demo":
            with database.transaction() as session:
                if args.if_missing and workshops.list_workshops(session):
                    return 0
                workshop_id = demo.create_demo_workshop(session, args.size)
            _say(
                language,
                f"สร้างงานประชุมตัวอย่าง {workshop_id} ใน {database.path}",
                f"created demo workshop {workshop_id} in {database.path}",
            )
        elif args.command == "list":
            with database.session() as session:
                _print_workshops(workshops.list_workshops(session))
        elif args.command == "import-attendees":
            with database.transaction() as session:
                workshop_id = workshops.find_workshop_id(session, args.workshop)
                plan = invitation_import.read_invitation_list(
                    session, workshop_id, args.file, _import_choice(args)
                )
                added = invitation_import.apply_invitation_plan(
                    session,
                    plan,
                    skip_likely_duplicates=args.skip_duplicates,
                    file_duplicates=DuplicateChoice.KEEP_FIRST
                    if args.skip_duplicates
                    else DuplicateChoice.REFUSE,
                )
            _report_import(language, args.file.name, added, plan, args.skip_duplicates)
        elif args.command == "import-ideas":
            with database.transaction() as session:
                workshop_id = workshops.find_workshop_id(session, args.workshop)
                idea_plan = idea_import.read_idea_file(
                    session, workshop_id, args.file, _import_choice(args)
                )
                count = idea_import.apply_idea_plan(session, idea_plan)
            _say(
                language,
                f"นำเข้า {count} ความคิดเห็นจาก {args.file.name}",
                f"imported {count} ideas from {args.file.name}",
            )
        elif args.command == "import-plan":
            from workshop_app.services import plan_import

            with database.transaction() as session:
                workshop_id = workshops.find_workshop_id(session, args.workshop)
                imported = plan_import.import_plan(session, workshop_id, args.file)
            _say(
                language,
                f"นำเข้าจาก {args.file.name}: โครงการใหม่ {imported.created} "
                f"ปรับปรุง {imported.updated} ไม่เปลี่ยนแปลง {imported.unchanged} โครงการ",
                f"imported from {args.file.name}: {imported.created} new, "
                f"{imported.updated} updated, {imported.unchanged} unchanged projects",
            )
        elif args.command == "export":
            with database.session() as session:
                workshop_id = workshops.find_workshop_id(session, args.workshop)
                _export(session, workshop_id, args, db_path)
            _say(language, f"เขียน {args.out} แล้ว", f"wrote {args.out}")
        elif args.command == "results":
            with database.session() as session:
                workshop_id = workshops.find_workshop_id(session, args.workshop)
                _print_results(session, workshop_id, args, language)
        elif args.command == "bundle":
            _bundle(database, args, language)
        elif args.command == "sync":
            from workshop_app.sync.server import server_label, sync

            result = sync(database, args.server, timeout=args.timeout)
            if result.fresh_start:
                _say(
                    language,
                    "เซิร์ฟเวอร์นี้ใหม่หรือถูกกู้คืนจากสำรอง: ส่งข้อมูลทั้งหมดในแฟ้มนี้อีกครั้งและรับใหม่ตั้งแต่ต้น",
                    "this server is new or was restored from a backup: everything in this "
                    "file was sent again and the server's data received from the start",
                )
            _say(
                language,
                f"ซิงก์กับ {server_label(args.server)} แล้ว: ส่ง {result.pushed_rows} แถว "
                f"รับ {result.pulled_rows} แถว",
                f"synced with {server_label(args.server)}: sent {result.pushed_rows} rows, "
                f"received {result.pulled_rows} rows",
            )
            _print_merge(language, result.pulled)
    finally:
        database.close()
    return 0


def _serve(database: Database, workshop_id: str, args: argparse.Namespace, language: str) -> None:
    """Run the participant server until Ctrl+C (or SIGTERM), holding the file's writer
    lock as any writing command does."""
    import signal
    import time

    from workshop_app import api
    from workshop_app.services import phones

    if not 0 <= args.port <= 65535:
        raise UserError(f"พอร์ต {args.port} ไม่ถูกต้อง (0-65535)", f"port {args.port} is not valid")
    server = api.start_phone_server(
        database.path, workshop_id, host=args.host, port=args.port, issue_number=args.issue
    )
    # SIGTERM (a service manager, a closed terminal) stops it as Ctrl+C does.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        # From the moment the server runs, Ctrl+C stops it cleanly: also while the address
        # is printed, before the wait has begun (a Ctrl+C there once ended the command
        # with the interrupt instead).
        with contextlib.suppress(KeyboardInterrupt):
            with database.transaction() as session:
                code = phones.walk_in_code(session, workshop_id)
                issue = phones.phone_issue(session, workshop_id)
            _say(
                language,
                f"โทรศัพท์ของผู้เข้าร่วมเปิดได้ที่ {server.url}  (รหัสผู้ไม่มีบัตร {code})",
                f"participants' phones open {server.url}  (walk-in code {code})",
            )
            if issue is None:
                _say(
                    language,
                    "ยังไม่ได้เปิดประเด็นให้ส่งความคิดเห็น (ใช้ --issue หมายเลขประเด็น)",
                    "no issue is open to ideas from phones (use --issue NUMBER)",
                )
            _say(language, "กด Ctrl+C เพื่อหยุด", "press Ctrl+C to stop")
            sys.stdout.flush()
            while server.running:
                time.sleep(0.5)  # a sleep, not a wait: Ctrl+C interrupts it on Windows too
    finally:
        server.stop()
        api.close(database.path)
    _say(language, "หยุดให้บริการโทรศัพท์แล้ว", "stopped serving phones")


def _bundle(database: Database, args: argparse.Namespace, language: str) -> None:
    from workshop_app.sync import bundle

    key_path = args.key or os.environ.get("WORKSHOP_APP_PROVINCE_KEY")
    key = bundle.read_key_file(Path(key_path)) if key_path else None
    if args.bundle_action == "export":
        selected = None
        if args.workshop:
            with database.session() as session:
                selected = [workshops.find_workshop_id(session, args.workshop)]
        info = bundle.export_bundle(
            database, args.out, selected, key, contacts=not args.without_contacts
        )
        rows = sum(info.rows.values())
        signed_th, signed_en = (
            (" (ลงลายมือชื่อและเข้ารหัสแล้ว)", " (signed, encrypted)") if key else ("", "")
        )
        if not info.contacts:
            signed_th += " ไม่รวมข้อมูลติดต่อ"
            signed_en += ", without contact fields"
        _say(
            language,
            f"เขียน {args.out} แล้ว: {len(info.workshops)} งานประชุม {rows} แถว{signed_th}",
            f"wrote {args.out}: {len(info.workshops)} workshops, {rows} rows{signed_en}",
        )
        return
    imported = bundle.import_bundle(database, args.file, key)
    _say(
        language,
        f"นำเข้า {args.file.name} จากเครื่อง {imported.info.device_id[:8]} แล้ว",
        f"imported {args.file.name} from device {imported.info.device_id[:8]}",
    )
    _print_merge(language, imported.merge)


def _print_merge(language: str, merge: MergeResult) -> None:
    """One line per table that changed: new, updated, conflicts kept for review."""
    for table, counts in merge.tables.items():
        if counts.new or counts.updated or counts.conflicts:
            thai, english = table_label(table, "th"), table_label(table, "en")
            _say(
                language,
                f"  {thai}: ใหม่ {counts.new} ปรับปรุง {counts.updated} ขัดแย้ง {counts.conflicts}",
                f"  {english}: {counts.new} new, {counts.updated} updated, "
                f"{counts.conflicts} conflicts",
            )
    for change in merge.renumbered:
        _say(
            language,
            f"  เลขทะเบียน {change.old_code} ซ้ำกับอีกคน: {change.name} ได้เลขใหม่ {change.new_code}",
            f"  number {change.old_code} was held twice: {change.name} is now {change.new_code}",
        )
    if merge.changed == 0 and merge.conflicts == 0:
        _say(language, "  ไม่มีอะไรเปลี่ยนแปลง", "  nothing changed")


def _print_results(
    session: Session, workshop_id: str, args: argparse.Namespace, language: str
) -> None:
    rounds = voting.list_rounds(session, workshop_id)
    if args.round:
        wanted = args.round.strip()
        if wanted.isdigit():
            rounds = [r for r in rounds if str(r.number) == wanted]
        else:
            rounds = [r for r in rounds if r.id.startswith(wanted)]
        if len(rounds) != 1:
            raise UserError(
                f"ไม่พบรอบการลงคะแนน {wanted}" if not rounds else f"{wanted} ตรงกับหลายรอบ",
                f"no vote round {wanted}" if not rounds else f"{wanted} matches several rounds",
            )
    if not rounds:
        raise UserError("งานประชุมนี้ยังไม่มีรอบการลงคะแนน", "this workshop has no vote rounds")
    all_results = [voting.round_results(session, r.id) for r in rounds]
    if args.format == "json":
        if len(all_results) == 1:
            sys.stdout.write(vote_report.as_json(all_results[0]))
        else:
            sys.stdout.write(
                "[\n" + ",\n".join(vote_report.as_json(r).rstrip() for r in all_results) + "\n]\n"
            )
    elif args.format == "csv":
        for number, results in enumerate(all_results):
            if number:
                sys.stdout.write("\n")
            sys.stdout.write(vote_report.as_csv(results, language))
    else:
        sys.stdout.write(
            "\n".join(vote_report.as_text(r, language, balanced=args.balanced) for r in all_results)
        )


def _report_import(
    language: str,
    file_name: str,
    added: int,
    plan: invitation_import.InvitationPlan,
    skipped_duplicates: bool,
) -> None:
    thai, english = f"นำเข้า {added} คนจาก {file_name}", f"imported {added} people from {file_name}"
    twice = sum(len(rows) - 1 for rows in plan.file_duplicates)
    if twice:
        thai += f" (ข้ามแถวที่ซ้ำในแฟ้ม {twice} แถว เก็บแถวแรกไว้)"
        english += f" ({twice} repeated row(s) in the file left out, the first kept)"
    if plan.members:
        thai += f" (กรรมการ {plan.members} คน ตามลำดับในแฟ้ม)"
        english += f" ({plan.members} members of the body, in the order of the file)"
    if plan.new_roles:
        roles = ", ".join(plan.new_roles)
        thai += f" (เพิ่มตำแหน่งในคณะ: {roles})"
        english += f" (roles added to the body's list: {roles})"
    if plan.inferred:
        thai += f" (ภาคส่วนของ {plan.inferred} คนอนุมานจากชื่อหน่วยงาน โปรดตรวจสอบ)"
        english += f" (sector inferred from the organisation for {plan.inferred}: check them)"
    _say(language, thai, english)
    if not plan.likely_duplicates:
        return
    count = len(plan.likely_duplicates)
    _say(
        language,
        f"{count} คนน่าจะมีชื่ออยู่แล้ว (ชื่อและหน่วยงานเดียวกัน): "
        + ("ข้ามไป" if skipped_duplicates else "นำเข้าด้วย ตรวจสอบและลบรายชื่อที่ซ้ำได้"),
        f"{count} look already registered (same name and organisation): "
        + ("skipped" if skipped_duplicates else "imported too; check and remove real duplicates"),
    )
    for invitee, existing in plan.likely_duplicates:
        who = f"{existing.full_name} ({existing.organisation})"
        _say(
            language,
            f"  แถว {invitee.source_row}: อาจซ้ำกับ {who}",
            f"  row {invitee.source_row}: may be {who}",
        )
