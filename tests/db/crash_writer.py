"""A writer for the kill -9 test: registers samples one action at a time and prints
`ACK <seq>` only after each commit returned. Run as a script by tests/db/test_crash_durability.py:

    python crash_writer.py SQLITE_URL EXHIBIT_ID
"""

from __future__ import annotations

import sys

from argon2 import PasswordHasher
from argon2.profiles import CHEAPEST

from custody.context import AppContext
from custody.services import intake
from custody.services.intake import NewSample

PASSWORD = "correct horse battery staple"


def main(url: str, exhibit_id: int) -> None:
    ctx = AppContext(url, workstation="crash-ws", hasher=PasswordHasher.from_parameters(CHEAPEST))
    ctx.sign_in("tomas", PASSWORD)
    print("READY", flush=True)
    while True:
        view = ctx.perform(
            "register",
            lambda w: intake.register_sample(w, exhibit_id, NewSample("powder", "1.25", "B-1")),
        )
        print(f"ACK {view.code}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
