"""custody-cli: the command-line twin of the desktop app, over the same services.

Exit status: 0 done; 1 refused (the message says why; `verify`: the journal or the records
were tampered with); 2 the command could not run (usage, missing or unusable database, no
password); 3 an internal error (a bug: the traceback is printed).
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Sequence

from custody import __version__
from custody.cli import (
    admin,
    audit,
    bundle_cmds,
    consignee_cmds,
    custody_cmds,
    import_cmds,
    intake,
    keys_cmds,
    lab_cmds,
    labels_cmd,
    manifest_cmd,
    report_cmds,
    shipment_cmds,
)
from custody.cli.common import Session, UsageError, add_db_option, add_user_option, err
from custody.errors import Refusal, StorageError

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as a shell reports it


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="custody-cli",
        description="Chain of custody for seized drug samples.",
        epilog="Passwords: $CUSTODY_PASSWORD (you), $CUSTODY_TO_PASSWORD (the receiver of a "
        "hand-over), $CUSTODY_SIGN_PASSWORD (re-entered to sign an approval or a dispatch), "
        "$CUSTODY_WITNESS_PASSWORD, $CUSTODY_NEW_PASSWORD (user add); "
        "otherwise they are asked for at the terminal.",
    )
    parser.add_argument("--version", action="version", version=f"custody-cli {__version__}")
    add_db_option(parser, top=True)
    add_user_option(parser, top=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in (
        admin,
        intake,
        custody_cmds,
        labels_cmd,
        lab_cmds,
        keys_cmds,
        consignee_cmds,
        shipment_cmds,
        manifest_cmd,
        bundle_cmds,
        import_cmds,
        report_cmds,
        audit,
    ):
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help, --version, usage errors
        return stop.code if isinstance(stop.code, int) else EXIT_USAGE
    session = Session(args)
    try:
        return int(args.run(args, session))
    except UsageError as error:
        err(f"custody-cli: {error}")
        return EXIT_USAGE
    except Refusal as refusal:
        err(f"refused: {refusal.message}")
        return int(getattr(args, "refusal_exit", EXIT_REFUSED))
    except StorageError as error:
        err(f"custody-cli: {error}")
        return EXIT_USAGE
    except BrokenPipeError:  # the reader went away (`| head`): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        err("interrupted: nothing more was done")
        return 130
    except Exception:
        err("internal error: this is a bug in Custody; please report it with this text:")
        err(traceback.format_exc().rstrip())
        return EXIT_INTERNAL
    finally:
        session.close()
