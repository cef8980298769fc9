"""Pools of first names and surnames, and the names in each language made from them."""

#: Azerbaijani first names: Latin (English and French texts), Azerbaijani, Russian, gender.
AZ_FIRST_NAMES = [
    ("Elnur", "Elnur", "Эльнур", "m"), ("Rashad", "Rəşad", "Рашад", "m"),
    ("Farid", "Fərid", "Фарид", "m"), ("Elchin", "Elçin", "Эльчин", "m"),
    ("Tural", "Tural", "Турал", "m"), ("Vugar", "Vüqar", "Вугар", "m"),
    ("Ilgar", "İlqar", "Ильгар", "m"), ("Kamran", "Kamran", "Камран", "m"),
    ("Orkhan", "Orxan", "Орхан", "m"), ("Shahin", "Şahin", "Шахин", "m"),
    ("Ramil", "Ramil", "Рамиль", "m"), ("Anar", "Anar", "Анар", "m"),
    ("Javid", "Cavid", "Джавид", "m"), ("Emil", "Emil", "Эмиль", "m"),
    ("Aydan", "Aydan", "Айдан", "f"), ("Gunel", "Günel", "Гюнель", "f"),
    ("Leyla", "Leyla", "Лейла", "f"), ("Nigar", "Nigar", "Нигяр", "f"),
    ("Sevinj", "Sevinc", "Севиндж", "f"), ("Aysel", "Aysel", "Айсель", "f"),
    ("Lala", "Lalə", "Лала", "f"), ("Gulnar", "Gülnar", "Гюльнар", "f"),
    ("Samira", "Samirə", "Самира", "f"), ("Narmin", "Nərmin", "Нармин", "f"),
    ("Konul", "Könül", "Кёнуль", "f"), ("Shahla", "Şəhla", "Шахла", "f"),
    ("Ulviyya", "Ülviyyə", "Ульвия", "f"), ("Jamila", "Cəmilə", "Джамиля", "f"),
]  # fmt: skip

#: Azerbaijani surnames: Latin, Azerbaijani, Russian (the -ov/-ev ones take -a for women).
AZ_SURNAMES = [
    ("Mammadov", "Məmmədov", "Мамедов"), ("Aliyev", "Əliyev", "Алиев"),
    ("Huseynov", "Hüseynov", "Гусейнов"), ("Hasanov", "Həsənov", "Гасанов"),
    ("Guliyev", "Quliyev", "Гулиев"), ("Ismayilov", "İsmayılov", "Исмаилов"),
    ("Abbasov", "Abbasov", "Аббасов"), ("Jafarov", "Cəfərov", "Джафаров"),
    ("Rzayev", "Rzayev", "Рзаев"), ("Karimov", "Kərimov", "Керимов"),
    ("Suleymanov", "Süleymanov", "Сулейманов"), ("Valiyev", "Vəliyev", "Велиев"),
    ("Hajiyev", "Hacıyev", "Гаджиев"), ("Babayev", "Babayev", "Бабаев"),
    ("Gasimov", "Qasımov", "Гасымов"), ("Nasirov", "Nəsirov", "Насиров"),
    ("Mirzayev", "Mirzəyev", "Мирзаев"), ("Aghayev", "Ağayev", "Агаев"),
    ("Hasanli", "Həsənli", "Гасанлы"), ("Zeynalli", "Zeynallı", "Зейналлы"),
    ("Rahimli", "Rəhimli", "Рагимли"), ("Shukurov", "Şükürov", "Шукюров"),
    ("Najafov", "Nəcəfov", "Наджафов"), ("Orujov", "Orucov", "Оруджев"),
]  # fmt: skip

#: Other first names: Latin (also in Azerbaijani texts), Russian, gender.
INTERNATIONAL_FIRST_NAMES = [
    ("Maria", "Мария", "f"), ("Thomas", "Томас", "m"), ("Anna", "Анна", "f"),
    ("Peter", "Петер", "m"), ("Claire", "Клэр", "f"), ("Jean", "Жан", "m"),
    ("Sofia", "София", "f"), ("David", "Давид", "m"), ("Laura", "Лаура", "f"),
    ("Martin", "Мартин", "m"), ("Elena", "Елена", "f"), ("Ahmed", "Ахмед", "m"),
    ("Amina", "Амина", "f"), ("Hiroshi", "Хироси", "m"), ("Ingrid", "Ингрид", "f"),
    ("Olivier", "Оливье", "m"), ("Isabel", "Изабель", "f"), ("Marco", "Марко", "m"),
    ("Nadia", "Надия", "f"), ("Kwame", "Кваме", "m"), ("Astrid", "Астрид", "f"),
    ("Luis", "Луис", "m"), ("Fatou", "Фату", "f"), ("Henrik", "Хенрик", "m"),
]  # fmt: skip

INTERNATIONAL_SURNAMES = [
    ("Schmidt", "Шмидт"), ("Dupont", "Дюпон"), ("Rossi", "Росси"), ("Andersen", "Андерсен"),
    ("Novak", "Новак"), ("García", "Гарсия"), ("Okafor", "Окафор"), ("Tanaka", "Танака"),
    ("Müller", "Мюллер"), ("Lindqvist", "Линдквист"), ("Haddad", "Хаддад"),
    ("Moreau", "Моро"), ("Fischer", "Фишер"), ("Bianchi", "Бьянки"),
    ("O’Connor", "О’Коннор"), ("Mensah", "Менса"), ("Berg", "Берг"), ("Costa", "Кошта"),
    ("Laurent", "Лоран"), ("Van Dijk", "ван Дейк"), ("Kowalczyk", "Ковальчик"),
    ("Ferreira", "Феррейра"), ("Nakamura", "Накамура"), ("Petit", "Пети"),
]  # fmt: skip


def feminine(surname):
    """Mammadov -> Mammadova, Мамедов -> Мамедова; Hasanli and Schmidt stay as they are."""
    if surname.endswith(("ov", "ev")):
        return surname + "a"
    if surname.endswith(("ов", "ев")):
        return surname + "а"
    return surname


def azerbaijani_name(first, surname):
    """Names in each language from pool entries: {language: name}, and the gender."""
    latin, az, ru, gender = first
    last = [feminine(part) for part in surname] if gender == "f" else list(surname)
    return {
        "en": f"{latin} {last[0]}",
        "fr": f"{latin} {last[0]}",
        "az": f"{az} {last[1]}",
        "ru": f"{ru} {last[2]}",
    }, gender


def international_name(first, surname):
    latin, ru, gender = first
    return {
        "en": f"{latin} {surname[0]}",
        "fr": f"{latin} {surname[0]}",
        "az": f"{latin} {surname[0]}",
        "ru": f"{ru} {surname[1]}",
    }, gender
