"""Generate agency-style reports, import them with `import_reports`, print the rate.

Run it through `bench/import`, which sets up a throw-away database.
"""

import argparse
import datetime as dt
import io
import os
import random
import sys
import time
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
django.setup()

from django.core.management import call_command  # noqa: E402

from articles.models import Article  # noqa: E402
from ingest.models import NameProposal, RelationProposal  # noqa: E402

PEOPLE = {
    "en": ["Jeyhun Bayramov", "Volker Türk", "Sabina Aliyeva", "Vladimir Shkolnikov"],
    "fr": ["Jeyhun Bayramov", "Volker Türk", "Sabina Aliyeva", "Georgette Gagnon"],
    "ru": ["Джейхун Байрамов", "Сабина Алиева", "Владимир Школьников", "Халаф Халафов"],
    "az": ["Ceyhun Bayramov", "Səbinə Əliyeva", "Xələf Xələfov", "Volker Türk"],
}
TITLES = {
    "en": ["Minister of Justice", "Ambassador", "UNICEF Representative", "Deputy Minister"],
    "fr": ["ministre de la Justice", "ambassadeur", "représentant de l’UNICEF", "Mme"],
    "ru": ["министр юстиции", "посол", "представитель ЮНИСЕФ", "заместитель министра"],
    "az": ["Ədliyyə naziri", "səfir", "UNICEF-in nümayəndəsi", "nazir müavini"],
}
GIVEN = ["Farid", "Leyla", "Anar", "Marie", "Jean", "Elena", "Rauf", "Nigar", "Paolo", "Ingrid"]
FAMILY = ["Mammadov", "Hasanova", "Dupont", "Petrova", "Rossi", "Karimov", "Lindqvist", "Garnier"]
MONTHS = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    "ru": [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ],
    "az": [
        "yanvar",
        "fevral",
        "mart",
        "aprel",
        "may",
        "iyun",
        "iyul",
        "avqust",
        "sentyabr",
        "oktyabr",
        "noyabr",
        "dekabr",
    ],
}
SENTENCES = {
    "en": [
        "{a} met with {b} to discuss cooperation in the field of human rights.",
        "The sides exchanged views on the protection of the rights of refugees and "
        "internally displaced persons.",
        "{a} informed {b} about the reforms carried out in the judicial system in {year}.",
        "It was noted that {n} complaints had been examined by the national human "
        "rights institution.",
        "{b} said that the organization attaches great importance to cooperation with Azerbaijan.",
        "The meeting also addressed the preparation of reports to the UN treaty bodies.",
        "{c} {d} also took part in the meeting.",
    ],
    "fr": [
        "{a} s’est entretenu avec {b} de la coopération dans le domaine des droits de l’homme.",
        "Les parties ont échangé leurs points de vue sur la protection des droits des réfugiés.",
        "{a} a informé {b} des réformes menées dans le système judiciaire en {year}.",
        "Il a été noté que {n} plaintes avaient été examinées par l’institution nationale.",
        "{b} a souligné l’importance de la coopération avec l’Azerbaïdjan.",
        "{c} {d} a également participé à la rencontre.",
    ],
    "ru": [
        "{a} встретился с {b} и обсудил сотрудничество в области прав человека.",
        "Стороны обменялись мнениями о защите прав беженцев и вынужденных переселенцев.",
        "{a} проинформировал собеседника о реформах судебной системы в {year} году.",
        "Было отмечено, что национальное учреждение рассмотрело {n} жалоб.",
        "Во встрече также принял участие {c} {d}.",
    ],
    "az": [
        "{a} {b} ilə insan hüquqları sahəsində əməkdaşlığı müzakirə edib.",
        "Tərəflər qaçqınların hüquqlarının müdafiəsi barədə fikir mübadiləsi aparıblar.",
        "{a} {year}-ci ildə məhkəmə sistemində aparılan islahatlar barədə məlumat verib.",
        "Qeyd olunub ki, milli təsisat {n} şikayətə baxıb.",
        "Görüşdə {c} {d} də iştirak edib.",
    ],
}
DATELINE = {
    "en": "BAKU, Azerbaijan, {month} {day}. ",
    "fr": "Bakou, {day} {month} ({outlet}). ",
    "ru": "Баку, {day} {month} /{outlet}/. ",
    "az": "Bakı, {day} {month}, {outlet}\n\n",
}
OUTLETS = {
    "en": ["Trend", "News.Az", "AzerNews"],
    "fr": ["AZERTAC"],
    "ru": ["Report", "АЗЕРТАДЖ"],
    "az": ["AZƏRTAC", "APA"],
}


def report(rng, index):
    language = rng.choice(list(SENTENCES))
    date = dt.date(2016, 1, 1) + dt.timedelta(days=rng.randrange(3600))
    a, b = rng.sample(PEOPLE[language], 2)
    outlet = rng.choice(OUTLETS[language])
    values = {
        "a": a,
        "b": b,
        "c": rng.choice(TITLES[language]),
        "d": f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}",
        "year": date.year - rng.randrange(3),
        "n": rng.randrange(100, 5000),
    }
    sentences = [s.format(**values) for s in SENTENCES[language]]
    rng.shuffle(sentences[1:])
    paragraphs = [" ".join(sentences[i : i + 2]) for i in range(0, len(sentences), 2)]
    paragraphs.append(f"Reference {index}-{rng.randrange(10**9)}.")
    dateline = DATELINE[language].format(
        month=MONTHS[language][date.month - 1], day=date.day, outlet=outlet
    )
    header = f" date {date.isoformat()} + ↺ − 16 px\n\n"
    signature = f"\n\n{outlet}\n\nRead more" if language == "en" else ""
    return header + dateline + "\n\n".join(paragraphs) + signature


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reports", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()

    call_command("migrate", verbosity=0)
    call_command("loaddata", "seed", verbosity=0)
    directory = Path(os.environ.get("BENCH_WORKDIR", "/tmp")) / "reports"
    directory.mkdir(parents=True, exist_ok=True)
    rng = random.Random(options.seed)
    for index in range(options.reports):
        (directory / f"report-{index:06d}.txt").write_text(report(rng, index), encoding="utf-8")

    before = Article.objects.count()
    started = time.perf_counter()
    try:
        call_command("import_reports", str(directory), stdout=io.StringIO(), stderr=io.StringIO())
    except SystemExit as exit:
        print(f"import_reports exited with status {exit.code}", file=sys.stderr)
    elapsed = time.perf_counter() - started
    imported = Article.objects.count() - before
    print(f"reports:            {options.reports}")
    print(f"imported:           {imported}")
    print(f"names to confirm:   {NameProposal.objects.count()}")
    print(f"relations proposed: {RelationProposal.objects.count()}")
    print(f"seconds:            {elapsed:.1f}")
    print(f"reports per second: {options.reports / elapsed:.0f}")


if __name__ == "__main__":
    main()
