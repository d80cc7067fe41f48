"""A writer for the concurrency test: waits for GO on stdin, then makes N one-entry actions
as fast as it can and prints one JSON line: its commit times and the errors a user would see.

    python append_writer.py URL WRITER_ID N
"""

from __future__ import annotations

import json
import sys
import time

from custody.context import AppContext
from custody.errors import CustodyError


def main(url: str, writer: str, count: int) -> None:
    ctx = AppContext(url, workstation=f"ws-{writer}", migrate=False)
    print("READY", flush=True)
    sys.stdin.readline()
    times, errors = [], []
    for i in range(count):
        started = time.perf_counter()
        try:
            ctx.perform(
                "append", lambda w, i=i: w.record("test.append", f"writer:{writer}", {"i": i})
            )
        except CustodyError as error:  # what a user would be shown
            errors.append(str(error))
            continue
        times.append(time.perf_counter() - started)
    ctx.close()
    print(json.dumps({"writer": writer, "times": times, "errors": errors}), flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
