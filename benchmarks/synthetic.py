"""Synthetic help centers for the build benchmark, deterministic from a seed.

``write_synthetic_project`` writes a complete project in the real content format (``content/faq/*.yml``,
``content/care/*.md``, ``mkdocs.yml`` adapted from the repository's own), so the benchmark measures
what a real store with thousands of questions would build. ``write_plain_material_project`` writes
the same articles as plain Markdown pages for stock Material with ``navigation.prune``: the baseline
the issue compares with.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]

CATEGORY_TOPICS = (
    ("Account and Security", "Signing in, passwords, your details and keeping your account safe."),
    ("Order Management", "Checking, changing and cancelling orders, and payment problems."),
    ("Shipping and Delivery", "When orders ship, delivery times, customs and lost parcels."),
    ("Returns and Refunds", "Returning or exchanging an item and getting your money back."),
    ("Product Care", "Cleaning, conditioning and storing bags of every material."),
    ("Payments", "Cards, wallets, instalments and why a payment can fail."),
    ("Gift Cards", "Buying, sending and redeeming gift cards and store credit."),
    ("Promotions and Discounts", "Discount codes, seasonal sales and price adjustments."),
    ("Sizing and Fit", "Dimensions, strap lengths and what fits inside each bag."),
    ("Materials", "Leather, canvas, nylon and straw: what our bags are made of."),
    ("Warranty and Repairs", "What the warranty covers and how repairs work."),
    ("International Orders", "Shipping abroad, duties, currencies and local carriers."),
    ("Stores and Pickup", "Picking up orders in person and visiting a showroom."),
    ("Corporate and Bulk Orders", "Orders for teams and events, invoices and branding."),
    ("Personalisation", "Monograms, engraving and custom colours."),
    ("Sustainability", "Where our materials come from and how we pack orders."),
    ("Newsletter and Notifications", "Emails, text messages and back-in-stock alerts."),
    ("Privacy", "What we collect, why, and how to delete your data."),
    ("Loyalty Programme", "Points, tiers and member rewards."),
    ("Product Availability", "Restocks, pre-orders and limited editions."),
)

ITEMS = (
    "tote bag",
    "backpack",
    "crossbody bag",
    "weekender",
    "belt bag",
    "laptop sleeve",
    "card holder",
    "shoulder bag",
    "beach bag",
    "duffel bag",
    "wallet",
    "messenger bag",
    "clutch",
    "travel pouch",
)
MATERIALS = ("leather", "canvas", "nylon", "polyester", "straw", "suede", "recycled nylon", "waxed canvas")
PARTS = ("strap", "zip", "lining", "buckle", "handle", "clasp", "inner pocket", "dust bag", "hardware")
COUNTRIES = ("Canada", "Germany", "Japan", "Australia", "France", "the United Kingdom", "Mexico", "Italy")
PLACES = ("My Orders", "Account Settings", "Personal Information", "the order confirmation email", "checkout")

QUESTION_TEMPLATES = (
    "How do I clean my {material} {item}?",
    "Can I return a {item} I bought on sale?",
    "How long does delivery to {country} take?",
    "What if the {part} on my {item} breaks?",
    "Can I exchange my {item} for a different colour?",
    "Does the {item} come with a {part}?",
    "How do I change the delivery address for my {item} order?",
    "Is the {material} on the {item} waterproof?",
    "Will my {item} fit a 15-inch laptop?",
    "Can I add a monogram to my {material} {item}?",
    "Why was my payment for a {item} declined?",
    "Do you ship {material} bags to {country}?",
    "How do I store a {material} {item} over the winter?",
    "What does the warranty cover on a {item}?",
    "When will the {material} {item} be back in stock?",
    "Can I use a gift card to buy a {item}?",
    "How do I find my order number in {place}?",
    "Is there a discount code for my first {item}?",
    "How should I condition a {material} {part}?",
    "Can I pick up my {item} from a showroom?",
)

SENTENCES = (
    "Most orders for a {item} leave our warehouse within 1–3 business days.",
    "You can follow every step of your order under **{place}** once you are signed in.",
    "If the {part} shows any sign of wear in the first year, our warranty covers a free repair.",
    "Wipe {material} gently with a soft, damp cloth and let it dry away from direct sunlight.",
    "Deliveries to {country} usually take 7–14 business days, and customs may add a few days.",
    "Keep your original packaging and the dust bag: returns are easiest when everything is included.",
    "Refunds go back to the original payment method within 10 business days of the return arriving.",
    "We send a tracking number by email as soon as the parcel is handed to the carrier.",
    "A {material} {item} keeps its shape best when you fill it with soft paper before storing it.",
    "Customer Service answers every message within one business day, including weekends in December.",
    "If a discount code does not apply, check that every item in your basket is eligible for it.",
    "Gift cards never expire and can be combined with most promotions at checkout.",
    "Never use newspaper as filling: the ink can stain the lining of your {item}.",
    "Import duties for {country} are calculated by local customs, not by us.",
    "For stubborn marks on {material}, a mild detergent diluted in water works better than soap.",
    "Exchanges for a different colour are free within 30 days, as long as the {item} is unused.",
    "Metal hardware such as the {part} should be wiped dry to prevent rust and tarnish.",
    "Personalised items, such as a monogrammed {item}, cannot be returned unless they are faulty.",
    "You can change the delivery address from **{place}** until the order has been packed.",
    "When an item is out of stock, we email you and offer a refund or a place on the restock list.",
)

KEYWORDS = (
    "delivery time",
    "tracking",
    "refund",
    "exchange",
    "warranty",
    "repair",
    "discount code",
    "gift card",
    "monogram",
    "care",
    "cleaning",
    "customs",
    "sizing",
    "restock",
    "payment",
    "sign in",
    "password",
    "dust bag",
    "invoice",
    "pickup",
)


@dataclass
class _Article:
    id: str
    question: str
    answer: str
    keywords: list[str]
    related: list[str] = field(default_factory=list)
    updated: dt.date | None = None


@dataclass
class _Category:
    id: str
    title: str
    description: str
    order: int
    articles: list[_Article] = field(default_factory=list)


def slugify(text: str) -> str:
    """Lowercase-hyphenated slug, the shape the validator accepts for ids."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _fill(template: str, rng: random.Random) -> str:
    return template.format(
        item=rng.choice(ITEMS),
        material=rng.choice(MATERIALS),
        part=rng.choice(PARTS),
        country=rng.choice(COUNTRIES),
        place=rng.choice(PLACES),
    )


def _sentences(rng: random.Random, words: int) -> list[str]:
    """Sentences totalling about ``words`` words: stop once the next one would overshoot more than undershoot."""
    sentences: list[str] = []
    count = 0
    while True:
        sentence = _fill(rng.choice(SENTENCES), rng)
        length = len(sentence.split())
        if sentences and count + length / 2 > words:
            return sentences
        sentences.append(sentence)
        count += length


def _paragraph(rng: random.Random, words: int) -> str:
    return " ".join(_sentences(rng, words))


def _answer(rng: random.Random, words: int) -> str:
    """Two or three paragraphs, sometimes with a short list, about ``words`` words in total."""
    paragraphs = rng.choice((2, 3))
    steps = [f"- {s}" for s in _sentences(rng, words // 3)] if rng.random() < 0.3 else []
    budget = words - sum(len(step.split()) - 1 for step in steps)
    parts = [_paragraph(rng, max(1, budget // paragraphs)) for _ in range(paragraphs)]
    if steps:
        parts.insert(1, "\n".join(steps))
    return "\n\n".join(parts) + "\n"


def _categories(questions: int, categories: int, words: int, rng: random.Random) -> list[_Category]:
    cats = []
    for index in range(categories):
        title, description = CATEGORY_TOPICS[index % len(CATEGORY_TOPICS)]
        if index >= len(CATEGORY_TOPICS):
            title = f"{title} {index // len(CATEGORY_TOPICS) + 1}"
        cats.append(_Category(slugify(title), title, description, (index + 1) * 10))
    for number in range(questions):
        question = _fill(rng.choice(QUESTION_TEMPLATES), rng)
        updated = dt.date(2026, 1, 1) + dt.timedelta(days=rng.randrange(330))
        # The number keeps ids unique however many times a template repeats.
        article = _Article(
            id=f"{slugify(question)[:60].rstrip('-')}-{number + 1}",
            question=question,
            answer=_answer(rng, words),
            keywords=rng.sample(KEYWORDS, rng.randint(0, 3)),
            updated=updated if rng.random() < 0.8 else None,
        )
        cats[number % categories].articles.append(article)
    all_ids = [a.id for c in cats for a in c.articles]
    for cat in cats:
        for article in cat.articles:
            others = [i for i in rng.sample(all_ids, min(4, len(all_ids))) if i != article.id]
            article.related = others[: rng.randint(0, 3)]
    return cats


def synthetic_article_urls(questions: int, categories: int = 20, words: int = 150, seed: int = 0) -> list[str]:
    """Site-relative URLs (``<category>/<id>/``) of the question pages both projects have."""
    cats = _categories(questions, categories, words, random.Random(seed))
    return [f"{cat.id}/{article.id}/" for cat in cats for article in cat.articles]


GUIDES = (
    ("caring-for-leather", "Caring for leather bags", "Keep leather soft, clean and dry."),
    ("caring-for-canvas", "Caring for canvas bags", "Hand washing, drying and keeping colours bright."),
    ("storing-bags", "Storing your bag", "How to store a bag you will not use for a while."),
)


def _guide_markdown(title: str, description: str, order: int, rng: random.Random, words: int) -> str:
    front = {"title": title, "description": description, "order": order, "updated": dt.date(2026, 11, 26)}
    sections = []
    for heading in ("Everyday care", "Stains and spills", "Storing"):
        sections.append(f"## {heading}\n\n{_paragraph(rng, words // 2)}\n")
    return f"---\n{_dump(front)}---\n\n" + "\n".join(sections)


class _BlockDumper(yaml.SafeDumper):
    """Multi-line strings as ``|`` blocks, the way editors write answers."""


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_BlockDumper.add_representer(str, _str_representer)


def _dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_BlockDumper, sort_keys=False, allow_unicode=True, width=10_000)


def _faq_document(cat: _Category) -> dict[str, Any]:
    questions = []
    for article in cat.articles:
        entry: dict[str, Any] = {"id": article.id, "question": article.question, "answer": article.answer}
        if article.keywords:
            entry["keywords"] = article.keywords
        if article.related:
            entry["related"] = article.related
        if article.updated:
            entry["updated"] = article.updated
        questions.append(entry)
    category = {"title": cat.title, "description": cat.description, "order": cat.order}
    return {"category": category, "questions": questions}


def write_synthetic_project(dest: Path, questions: int, categories: int = 20, words: int = 150, seed: int = 0,
                            translations: Mapping[str, float] | None = None) -> Path:
    """Write a complete help-center project (content + mkdocs.yml) into ``dest``; return ``dest``.

    ``translations``: locale code -> share of articles translated (``{"fr": 1.0, "de": 0.5}``); without it the
    project has one language, whatever the repository's mkdocs.yml configures.
    """
    rng = random.Random(seed)
    cats = _categories(questions, categories, words, rng)
    faq_dir, care_dir = dest / "content" / "faq", dest / "content" / "care"
    faq_dir.mkdir(parents=True, exist_ok=True)
    care_dir.mkdir(parents=True, exist_ok=True)
    schema = REPO / "generator" / "schemas" / "faq.schema.json"
    for cat in cats:
        header = f"# yaml-language-server: $schema={schema}\n"
        (faq_dir / f"{cat.id}.yml").write_text(header + _dump(_faq_document(cat)), encoding="utf-8")
    for order, (guide_id, title, description) in enumerate(GUIDES, start=1):
        text = _guide_markdown(title, description, order * 10, rng, words)
        (care_dir / f"{guide_id}.md").write_text(text, encoding="utf-8")
    for code, share in (translations or {}).items():
        write_translation(dest / "content", code, cats, share)
    locales = ["en", *(translations or {})] if translations else None
    write_adapted_config(dest, site_name=f"Synthetic help center ({questions} questions)", locales=locales)
    return dest


def translated_ids(cats: Sequence[_Category], share: float) -> set[str]:
    """The articles a locale translates: the first ``share`` of each category, as a partial translation grows."""
    return {a.id for cat in cats for a in cat.articles[: round(len(cat.articles) * share)]}


def write_translation(content: Path, code: str, cats: Sequence[_Category], share: float) -> None:
    """``content/<code>/``: the same text under the same ids (the build does not read the words), the share
    of each category given, every guide when the whole site is translated; with its UI strings when the
    generator ships none for that language (English words: the build's cost is the same)."""
    keep = translated_ids(cats, share)
    faq = content / code / "faq"
    faq.mkdir(parents=True, exist_ok=True)
    for cat in cats:
        partial = _Category(cat.id, cat.title, cat.description, cat.order, [a for a in cat.articles if a.id in keep])
        if partial.articles:
            (faq / f"{cat.id}.yml").write_text(_dump(_faq_document(partial)), encoding="utf-8")
    if share >= 1:
        shutil.copytree(content / "care", content / code / "care")
    if not (REPO / "generator" / "rendering" / "locales" / f"{code}.yml").exists():
        shutil.copy(REPO / "generator" / "rendering" / "locales" / "en.yml", content / code / "strings.yml")


# --- mkdocs.yml, adapted from the repository's own -------------------------------------------------


class _Tagged:
    """A value under a tag the safe loader does not know (``!!python/name:…``, ``!ENV``), kept as is."""

    def __init__(self, tag: str, node: yaml.Node) -> None:
        self.tag, self.node = tag, node


class _TolerantLoader(yaml.SafeLoader):
    pass


class _TolerantDumper(yaml.SafeDumper):
    pass


def _construct_tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> _Tagged:
    return _Tagged(node.tag, node)


def _represent_tagged(dumper: yaml.SafeDumper, value: _Tagged) -> yaml.Node:
    return value.node


_TolerantLoader.add_multi_constructor("", _construct_tagged)
_TolerantDumper.add_representer(_Tagged, _represent_tagged)


def read_repo_config() -> dict[str, Any]:
    """The repository's mkdocs.yml, with unknown tags preserved for writing back."""
    path = REPO / "mkdocs.yml"
    if not path.is_file():
        raise FileNotFoundError(f"{path}: the benchmark adapts the repository's mkdocs.yml; none found")
    text = path.read_text(encoding="utf-8")
    data = yaml.load(text, Loader=_TolerantLoader)  # unknown tags become inert _Tagged values
    return data if isinstance(data, dict) else {}


def _absolute(value: Any) -> Any:
    if isinstance(value, str) and not Path(value).is_absolute():
        return str(REPO / value)
    return value


def write_adapted_config(dest: Path, site_name: str, locales: list[str] | None = None) -> Path:
    """``dest/mkdocs.yml``: the repo's configuration, with the theme and docs taken from the repo.

    The docs folder (static assets, overrides) is copied so the project builds standalone; the theme's
    ``custom_dir`` and any hooks point at the repo's absolute paths.
    """
    config = read_repo_config()
    config["site_name"] = site_name
    docs = REPO / str(config.get("docs_dir", "docs"))
    if docs.is_dir():
        shutil.copytree(docs, dest / "docs", dirs_exist_ok=True)
    else:
        (dest / "docs").mkdir(parents=True, exist_ok=True)
    config["docs_dir"] = "docs"
    extra = config.setdefault("extra", {})
    extra.pop("locales", None)  # the synthetic content's languages, not the repository's
    if locales:
        extra["locales"] = locales
    theme = config.get("theme")
    if isinstance(theme, dict) and "custom_dir" in theme:
        theme["custom_dir"] = _absolute(theme["custom_dir"])
    if isinstance(config.get("hooks"), list):
        config["hooks"] = [_absolute(h) for h in config["hooks"]]
    if isinstance(config.get("watch"), list):
        config["watch"] = [w for w in config["watch"] if (dest / str(w)).exists()]
    path = dest / "mkdocs.yml"
    path.write_text(yaml.dump(config, Dumper=_TolerantDumper, sort_keys=False, allow_unicode=True), "utf-8")
    return path


# --- the plain Material baseline ----------------------------------------------------------------


def _plain_config(questions: int) -> dict[str, Any]:
    # No nav: MkDocs puts every page into the navigation, as a plain Material site would.
    return {
        "site_name": f"Plain Material ({questions} questions)",
        "theme": {"name": "material", "features": ["navigation.prune"]},
        "plugins": ["search"],
    }


def write_plain_material_project(
    dest: Path, questions: int, categories: int = 20, words: int = 150, seed: int = 0,
    translations: Mapping[str, float] | None = None,
) -> Path:
    """The same articles as ``write_synthetic_project``, one plain Markdown page each, for stock Material."""
    rng = random.Random(seed)
    cats = _categories(questions, categories, words, rng)
    docs = dest / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    home = "# Help center\n\nFind answers about orders, delivery and care.\n"
    (docs / "index.md").write_text(home, "utf-8")
    for cat in cats:
        folder = docs / cat.id
        folder.mkdir(exist_ok=True)
        for article in cat.articles:
            (folder / f"{article.id}.md").write_text(f"# {article.question}\n\n{article.answer}", "utf-8")
    for code, share in (translations or {}).items():  # the same translated pages, one folder per locale
        keep = translated_ids(cats, share)
        for cat in cats:
            for article in cat.articles:
                if article.id in keep:
                    page = docs / code / cat.id / f"{article.id}.md"
                    page.parent.mkdir(parents=True, exist_ok=True)
                    page.write_text(f"# {article.question}\n\n{article.answer}", "utf-8")
    care = docs / "care"
    care.mkdir(exist_ok=True)
    for order, (guide_id, title, description) in enumerate(GUIDES, start=1):
        body = _guide_markdown(title, description, order * 10, rng, words).split("---\n", 2)[2]
        (care / f"{guide_id}.md").write_text(f"# {title}\n{body}", "utf-8")
    for code, share in (translations or {}).items():
        if share >= 1:
            shutil.copytree(care, docs / code / "care")
    (dest / "mkdocs.yml").write_text(_dump(_plain_config(questions)), "utf-8")
    return dest
