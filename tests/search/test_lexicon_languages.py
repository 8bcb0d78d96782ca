"""The shopping lexicon's twins: one per language the generator ships UI for, each valid, general,
covering every help-center topic, and finding an article from a situation in its own language."""

from __future__ import annotations

from dataclasses import replace

import pytest
import yaml

from generator.config.project import load_project
from generator.reading.model import Category, HelpCenter, Question
from generator.rendering.strings import SHIPPED
from generator.search import SearchIndex, build_search_files, shopping_lexicon
from generator.search.languages import word_rules
from generator.search.lexicon import FILES
from generator.search.project_index import locale_index, project_locale
from tests.conftest import EXAMPLES

LANGUAGES = EXAMPLES / "languages"

# Each twin's meant words include its language's usual words of every general topic: where is my
# order, delivery, customs, returns, exchanges, refunds, payment, discount codes, account, password.
TOPICS = {
    "de": {"bestellung", "sendungsverfolgung", "lieferung", "zoll", "rücksendung", "umtausch", "erstattung",
           "zahlung", "rabattcode", "kundenkonto", "passwort", "versandkosten"},
    "es": {"pedido", "seguimiento", "entrega", "aduana", "devolución", "cambio", "reembolso", "pago",
           "descuento", "cuenta", "contraseña", "gastos"},
    "it": {"ordine", "tracciamento", "consegna", "dogana", "reso", "cambio", "rimborso", "pagamento",
           "sconto", "account", "password", "spedizione"},
    "nl": {"bestelling", "trace", "levering", "douane", "retour", "ruilen", "terugbetaling", "betaling",
           "kortingscode", "account", "wachtwoord", "verzendkosten"},
    "pt": {"pedido", "rastreamento", "entrega", "alfândega", "devolução", "troca", "reembolso", "pagamento",
           "desconto", "conta", "senha", "frete"},
    "ja": {"注文", "配送状況", "お届け", "関税", "返品", "交換", "返金", "支払い", "クーポン",
           "アカウント", "パスワード", "送料"},
    "zh": {"订单", "物流", "配送", "关税", "退货", "换货", "退款", "支付", "优惠券", "账户", "密码", "运费"},
}


def language(tag: str) -> str:
    return tag.lower().split("-")[0]


def test_every_shipped_ui_language_has_a_lexicon() -> None:
    assert {language(tag) for tag in SHIPPED} == set(FILES)


@pytest.mark.parametrize("code", sorted(TOPICS))
def test_a_twin_is_in_its_language_and_covers_every_topic(code: str) -> None:
    lexicon = shopping_lexicon(code)
    assert lexicon.language == code and lexicon.fillers and lexicon.rules
    rules = word_rules(code)
    meant = {w for _, targets in lexicon.rules for p in targets for w in rules.words(p)}
    assert {t for t in TOPICS[code] if not set(rules.words(t)) <= meant} == set()


@pytest.mark.parametrize("code", sorted(FILES))
def test_a_filler_is_never_a_topic_word(code: str) -> None:
    lexicon = shopping_lexicon(code)
    fillers = {f for f in lexicon.fillers if " " not in f}
    meant = {w for _, targets in lexicon.rules for p in targets for w in word_rules(code).words(p)}
    assert not fillers & meant, fillers & meant  # a topic word never vanishes from a query


@pytest.mark.parametrize("code", sorted(FILES))
def test_a_twin_names_no_store(code: str) -> None:
    lexicon = shopping_lexicon(code)
    phrases = " ".join(p for said, meant in lexicon.rules for p in said + meant)
    for name in ("kseworks", "wavecraft", "amazon", "zalando", "shopify"):
        assert name not in phrases


def german_index(lexicon: bool) -> SearchIndex:
    project = replace(load_project(LANGUAGES / "mkdocs.yml"), shopping_lexicon=lexicon)
    return locale_index(project, project_locale(project, "de"))


@pytest.mark.parametrize("query", [
    "Paket als zugestellt markiert, aber nie angekommen",
    "Sendung laut DHL zugestellt aber nicht bekommen",
    "mein Päckchen steht auf zugestellt, ich habe aber nichts bekommen",
])
def test_a_german_situation_finds_the_german_article_through_the_lexicon(query: str) -> None:
    orders = yaml.safe_load((LANGUAGES / "content/de/faq/orders.yml").read_text("utf-8"))
    [article] = [q for q in orders["questions"] if q["id"] == "order-status"]
    german = word_rules("de")
    assert not set(german.words(query)) & set(german.words(article["question"] + " " + article["answer"]))
    found = german_index(True).search(query).results
    assert found[0].id == "order-status" and found[0].url.startswith("de/")
    assert "order-status" not in [r.id for r in german_index(False).search(query).results][:1]


def test_a_japanese_situation_finds_the_japanese_article_through_the_lexicon() -> None:
    # "it says delivered, but I have not received it": pairs of characters, none of the article's
    project = load_project(LANGUAGES / "mkdocs.yml")
    query = "配達完了になっているのに受け取っていません"
    for lexicon, expected in ((True, ["order-status"]), (False, [])):
        index = locale_index(replace(project, shopping_lexicon=lexicon), project_locale(project, "ja"))
        found = index.search(query).results
        assert [r.id for r in found][:1] == expected
        assert all(r.url.startswith("ja/") for r in found[:1])  # the Japanese page, not the English one


def chinese_help_center() -> HelpCenter:
    where = Question("where", "我的订单在哪里？", "在订单页面查看物流信息。", "orders")
    refund = Question("refund", "退款需要多久？", "退款会在五个工作日内退回原支付账户。", "orders")
    return HelpCenter([Category("orders", "订单", "", 1, [where, refund])], [], [])


@pytest.mark.parametrize(("query", "expected"), [
    ("显示已签收但是我没收到", "where"),  # "it says signed for, but I got nothing"
    ("钱还没退，怎么办", "refund"),  # "my money has not come back, what do I do"
])
def test_a_chinese_situation_finds_the_article_through_the_lexicon(query: str, expected: str) -> None:
    files = build_search_files(chinese_help_center(), shopping_lexicon("zh"), language="zh")
    assert [r.id for r in SearchIndex.from_files(files).search(query).results][:1] == [expected]
    without = build_search_files(chinese_help_center(), None, language="zh")
    assert expected not in [r.id for r in SearchIndex.from_files(without).search(query).results][:1]
