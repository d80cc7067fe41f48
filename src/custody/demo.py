"""A realistic demo database: the AICM seizures of August, Manzanillo and Lázaro Cárdenas."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import partial
from typing import Any

from custody.context import AppContext
from custody.domain.enums import LocationKind, Role, SampleForm
from custody.services import custody, intake, lab, locations, seals, users
from custody.services.custody import Credentials
from custody.services.intake import NewExhibit, NewSample, NewSeizure
from custody.services.users import NewPerson
from custody.services.work import Actor

LAB_NAME = "Laboratorio Central de Química Forense (demo)"
SITE_PREFIX = "MX-AICM"
INSTITUTION = "FGR — Coordinación General de Servicios Periciales"


@dataclass(frozen=True)
class DemoUser:
    username: str
    password: str
    role: Role
    full_name: str


DEMO_USERS = (
    DemoUser("supervisor", "amber lighthouse turtle", Role.SUPERVISOR, "Dra. Mariana López Ortega"),
    DemoUser(
        "technician", "copper valley seven lanterns", Role.TECHNICIAN, "Q.F.B. Jorge Ramírez Soto"
    ),
    DemoUser("clerk", "quiet harbor blue kites", Role.CLERK, "Lucía Hernández Cruz"),
)

_CASES = (
    # case number, institution, seizure port, place, conveyance, day, reason, exhibit, kg
    (
        "FED/CDMX/AICM/0004417/2026",
        "FGR / ANAM",
        "AICM",
        "AICM Terminal 1, cargo area",
        "Air waybill 172-55310842, flight from Shenzhen via Anchorage",
        date(2026, 8, 12),
        "X-ray inspection by ANAM customs found 220 kg of white powder declared as ceramics",
        "220 packages of white powder wrapped in black plastic, declared as ceramic tiles",
        "fentanyl",
        "220000",
    ),
    (
        "FED/CDMX/AICM/0004502/2026",
        "FGR / Guardia Nacional",
        "AICM",
        "AICM Terminal 2, international baggage",
        "Flight AM 0057, two checked suitcases",
        date(2026, 8, 19),
        "Canine alert on two suitcases; 113 kg of blue tablets marked 'M 30'",
        "Blue round tablets marked 'M 30' in 113 vacuum bags",
        "fentanyl",
        "113000",
    ),
    (
        "FED/COL/MZO/0001893/2026",
        "FGR / SEMAR",
        "MZO",
        "Port of Manzanillo, container terminal",
        "Container MSKU 7718203, vessel MAERSK KENSINGTON voyage 234E, B/L MAEU238811",
        date(2026, 9, 3),
        "Non-intrusive inspection of a container of industrial resin; 48 drums with powder",
        "Drum of off-white powder hidden inside resin drums",
        "fentanyl precursor",
        "61500",
    ),
    (
        "FED/MICH/LZC/0000977/2026",
        "FGR / SEMAR",
        "LZC",
        "Port of Lázaro Cárdenas, pier 2",
        "Vessel CMA CGM ALASKA, voyage 0XS12N, container CMAU 4410287",
        date(2026, 9, 21),
        "Targeted inspection of a refrigerated container; bricks of powder among produce",
        "Bricks of white powder in the walls of a refrigerated container",
        "fentanyl",
        "38400",
    ),
)


def _location_tree(ctx: AppContext, supervisor: Actor) -> None:
    tree = [
        ("VAULT-A", "Evidence vault A (controlled substances)", LocationKind.VAULT, None),
        ("VAULT-A-S1", "Vault A, shelf 1", LocationKind.SHELF, "VAULT-A"),
        ("VAULT-A-S1-B01", "Vault A, shelf 1, box 01", LocationKind.BOX, "VAULT-A-S1"),
        ("VAULT-A-S1-B02", "Vault A, shelf 1, box 02", LocationKind.BOX, "VAULT-A-S1"),
        ("VAULT-A-S2", "Vault A, shelf 2", LocationKind.SHELF, "VAULT-A"),
        ("VAULT-A-S2-B01", "Vault A, shelf 2, box 01", LocationKind.BOX, "VAULT-A-S2"),
    ]
    for code, name, kind, parent in tree:
        add = partial(locations.add_location, code=code, name=name, kind=kind, parent_code=parent)
        ctx.perform("add location", add, actor=supervisor)


def populate(ctx: AppContext) -> tuple[DemoUser, ...]:
    """Fill an empty database with demo data; returns the demo accounts. Leaves nobody signed in."""
    boss, tech, clerk = DEMO_USERS
    ctx.perform(
        "init",
        lambda w: lab.initialise(
            w,
            lab_name=LAB_NAME,
            site_prefix=SITE_PREFIX,
            username=boss.username,
            password=boss.password,
            supervisor=NewPerson(boss.full_name, INSTITUTION, "Jefa de laboratorio", "FGR-10231"),
        ),
        actor=None,
    )
    supervisor = ctx.sign_in(boss.username, boss.password)
    key = ctx.label_key_path()
    if key is not None and not key.exists():
        ctx.create_label_key()
    if ctx.signing_key_file is not None and not ctx.signing_key_file.exists():
        ctx.create_signing_key()
    for user, position, badge in (
        (tech, "Perito químico", "FGR-20877"),
        (clerk, "Encargada de bodega de evidencias", "FGR-31044"),
    ):
        person = NewPerson(user.full_name, INSTITUTION, position, badge)
        ctx.perform(
            "add user",
            partial(
                users.add_user,
                details=person,
                username=user.username,
                role=user.role,
                password=user.password,
            ),
        )
    _location_tree(ctx, supervisor)
    keeper = ctx.sign_in(clerk.username, clerk.password)
    ctx.sign_in(tech.username, tech.password)
    boxes = ["VAULT-A-S1-B01", "VAULT-A-S1-B02", "VAULT-A-S2-B01", "VAULT-A-S2-B01"]
    serials = iter(range(260_001, 270_000))
    first_sample = None
    for index, row in enumerate(_CASES):
        exhibit_id = _register_case(ctx, row)
        tablets = "tablets" in row[7].lower()
        for k in range(3 if index < 2 else 2):
            details = NewSample(
                f"Representative sample {k + 1}: {'10 tablets' if tablets else 'powder'} "
                f"from exhibit 1, random draw",
                f"{10 + k * 2.5:.4f}",
                "BAL-XPR205-01",
                unit_count=10 if tablets else None,
            )
            sample = ctx.perform(
                "register sample",
                partial(intake.register_sample, exhibit_id=exhibit_id, details=details),
            )
            first_sample = first_sample or sample
            serial = f"SEAL-{next(serials)}"
            ctx.perform("seal", partial(seals.seal, sample_id=sample.id, serial=serial))
            receiver = Credentials(clerk.username, clerk.password)
            ctx.perform(
                "hand over",
                partial(
                    custody.transfer,
                    sample_id=sample.id,
                    receiver=receiver,
                    purpose="to the evidence vault",
                ),
            )
            store = partial(custody.store, sample_id=sample.id, location_code=boxes[index])
            ctx.perform("store", store, actor=keeper)
    assert first_sample is not None
    _draw_subsample(ctx, first_sample.id, keeper, tech, next(serials), next(serials))
    ctx.sign_out()
    return DEMO_USERS


def _register_case(ctx: AppContext, row: tuple[Any, ...]) -> int:
    number, institution, port, place, conveyance, day, reason, exhibit, substance, grams = row
    seized = datetime(day.year, day.month, day.day, 16, 30, tzinfo=UTC)
    case_id = ctx.perform(
        "register case",
        lambda w: intake.register_case(
            w, number, institution, day, rcc_reference=f"RCC-{number.split('/')[-2]}"
        ),
    )
    seizure_id = ctx.perform(
        "register seizure",
        lambda w: intake.register_seizure(
            w, case_id, NewSeizure(port, place, seized, reason, conveyance)
        ),
    )
    form = SampleForm.TABLETS if "tablets" in exhibit.lower() else SampleForm.POWDER
    return ctx.perform(
        "register exhibit",
        lambda w: intake.register_exhibit(
            w, seizure_id, NewExhibit(exhibit, form, substance, None, "as seized", grams)
        ),
    )


def _draw_subsample(
    ctx: AppContext, sample_id: int, keeper: Actor, tech: DemoUser, serial: int, child_serial: int
) -> None:
    """The clerk retrieves a sample for the technician, who draws a sub-sample and reseals."""
    ctx.perform(
        "retrieve",
        lambda w: custody.retrieve(w, sample_id, "sub-sampling for DEA OFS"),
        actor=keeper,
    )
    ctx.perform(
        "hand over",
        lambda w: custody.transfer(
            w, sample_id, Credentials(tech.username, tech.password), "sub-sampling"
        ),
        actor=keeper,
    )
    ctx.perform(
        "open",
        lambda w: seals.open_sample(
            w, sample_id, "draw a sub-sample for DEA OFS", seal_intact=True
        ),
    )
    child = ctx.perform(
        "sub-sample",
        lambda w: intake.subsample(
            w,
            sample_id,
            NewSample(
                "Sub-sample for the DEA Office of Forensic Sciences", "1.0000", "BAL-XPR205-01"
            ),
        ),
    )
    ctx.perform("reseal", lambda w: seals.reseal(w, sample_id, f"SEAL-{serial}"))
    ctx.perform("seal", lambda w: seals.seal(w, child.id, f"SEAL-{child_serial}"))
    ctx.perform(
        "hand over",
        lambda w: custody.transfer(
            w,
            sample_id,
            Credentials(keeper.username, _password(keeper.username)),
            "back to the vault",
        ),
    )
    ctx.perform("store", lambda w: custody.store(w, sample_id, "VAULT-A-S1-B01"), actor=keeper)


def _password(username: str) -> str:
    return next(user.password for user in DEMO_USERS if user.username == username)
