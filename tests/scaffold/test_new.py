"""``helpcenter new``: a new store's help center that checks, builds and finds its own search expectations."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.config.project import load_project
from generator.reading.loading import load_helpcenter
from generator.scaffold.new import STARTER_LANGUAGES, ScaffoldError, new_store, render, write_new
from generator.search import SearchIndex, build_search_files, shopping_lexicon

GOOD = {"name": "Surf & Co", "url": "https://surfco.example", "locales": "en,fr"}


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300, check=False)


def test_the_new_help_center_has_every_part_and_no_theme(tmp_path: Path) -> None:
    written = write_new(tmp_path / "shop", new_store(**GOOD, brand_color="#ff6f59"))
    names = {path.relative_to(tmp_path / "shop").as_posix() for path in written}
    assert {"mkdocs.yml", "README.md", "requirements.txt", ".gitignore", ".editorconfig", ".vscode/settings.json",
            ".pre-commit-config.yaml", ".github/workflows/content.yml", ".github/workflows/publish.yml",
            "content/faq/orders-and-returns.yml", "content/care/caring-for-your-products.md",
            "content/search/synonyms.yml", "content/search/expectations.yml",
            "content/fr/faq/orders-and-returns.yml", "content/fr/care/caring-for-your-products.md"} <= names
    assert not any(name.startswith("theme/") for name in names)
    project = load_project(tmp_path / "shop" / "mkdocs.yml")
    assert (project.store.name, project.store.url) == ("Surf & Co", "https://surfco.example")
    assert project.store.api_url == "https://surfco.example/api/help"
    assert project.site_url == "https://help.surfco.example/"
    assert [(lo.code, lo.site_name) for lo in project.locales] == [("en", None), ("fr", "Centre d'aide Surf & Co")]
    assert project.site_name == "Surf & Co Help Center"
    assert project.palette.light["brand"] == "#ff6f59"
    for schema_line in (tmp_path / "shop" / "content" / "fr" / "faq" / "orders-and-returns.yml",
                        tmp_path / "shop" / "content" / "faq" / "orders-and-returns.yml"):
        path = schema_line.read_text("utf-8").splitlines()[0].split("$schema=")[1]
        assert (schema_line.parent / path).is_file(), path  # the editor's schema is where the file says


@pytest.mark.parametrize("default", STARTER_LANGUAGES)
def test_search_finds_each_expected_answer_first(tmp_path: Path, default: str) -> None:
    write_new(tmp_path, new_store(name="Surf & Co", url="https://surfco.example", locales=default))
    expectations = yaml.safe_load((tmp_path / "content" / "search" / "expectations.yml").read_text("utf-8"))
    project = load_project(tmp_path / "mkdocs.yml")
    index = SearchIndex.from_files(build_search_files(load_helpcenter(project.content_dir), shopping_lexicon(),
                                                      language=default))
    assert len(expectations["queries"]) >= 5
    for item in expectations["queries"]:
        assert [r.id for r in index.search(item["query"], 3).results][:1] == [item["expect"]], item["query"]


@pytest.mark.slow
def test_the_commands_of_its_readme_check_and_build_it(tmp_path: Path) -> None:
    result = run("new", "shop", "--name", "Surf & Co", "--url", "https://surfco.example", "--locales", "en,fr",
                 "--brand-color", "#ff6f59", "--api-url", "https://api.surfco.example/help", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    root = tmp_path / "shop"
    readme = (root / "README.md").read_text("utf-8")
    assert ".venv/bin/helpcenter check" in readme and ".venv/bin/helpcenter build" in readme
    assert run("check", cwd=root).returncode == 0
    assert ".venv/bin/helpcenter search --check" in readme and run("search", "--check", cwd=root).returncode == 0
    built = run("build", cwd=root)
    assert built.returncode == 0, built.stderr
    assert "brand: extra.brand.primary #ff6f59: too light for white text" in built.stderr
    home, french = (root / "site" / "index.html").read_text("utf-8"), (root / "site/fr/index.html").read_text("utf-8")
    assert "Surf &amp; Co Help Center" in home and "Centre d&#39;aide Surf &amp; Co" in french
    assert "Quand ma commande sera-t-elle expédiée ?" in french
    assert (root / "site" / "assets" / "images" / "favicon.svg").is_file()  # the theme's neutral favicon
    assert '<img src="assets/images/logo.svg"' not in home  # the help icon, inline, in the header's text colour


@pytest.mark.parametrize(("options", "message"), [
    ({"locales": "en,xx-nope"}, "--locales: 'xx-nope' is not a language code"),
    ({"locales": "en,xx"}, "--locales: 'xx' is not a language code; use codes such as en, de, fr, pt-BR or zh-Hans"),
    ({"locales": "en,fr,en"}, "--locales: en given twice"),
    ({"locales": " , "}, "--locales: give the help center's languages"),
    ({"brand_color": "coral"}, "--brand-color: 'coral' is not a colour; write it as #rrggbb"),
    ({"brand_color": "#ff6f5"}, "--brand-color: '#ff6f5' is not a colour"),
    ({"url": "surfco.example"}, "--url: 'surfco.example' is not"),
    ({"url": "https://"}, "--url"),
    ({"url": "https://surfco"}, "--url: 'https://surfco' is not a web address"),
    ({"api_url": "ftp://surfco.example/api"}, "--api-url: 'ftp://surfco.example/api' is not"),
    ({"site_url": "help.surfco.example"}, "--site-url: 'help.surfco.example' is not a web address"),
    ({"name": "  "}, "--name: give the store's name"),
])
def test_bad_input_is_named_and_nothing_is_written(tmp_path: Path, options: dict[str, str], message: str) -> None:
    with pytest.raises(ScaffoldError, match=f"^{_escape(message)}"):
        write_new(tmp_path / "shop", new_store(**{**GOOD, **options}))
    assert not (tmp_path / "shop").exists()


def test_the_command_says_what_is_wrong_without_a_traceback(tmp_path: Path) -> None:
    result = run("new", "shop", "--name", "Surf", "--url", "https://surfco.example", "--locales", "en,klingon",
                 cwd=tmp_path)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.startswith("error: --locales: 'klingon' is not a language code")
    assert not (tmp_path / "shop").exists()


def test_a_folder_that_is_not_empty_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("mine\n", "utf-8")
    with pytest.raises(ScaffoldError, match="not an empty folder"):
        write_new(tmp_path, new_store(**GOOD))
    assert [p.name for p in tmp_path.iterdir()] == ["README.md"]
    assert (tmp_path / "README.md").read_text("utf-8") == "mine\n"
    (tmp_path / "file").write_text("", "utf-8")
    with pytest.raises(ScaffoldError, match="a file, not a folder"):
        write_new(tmp_path / "file", new_store(**GOOD))


def test_an_empty_folder_is_filled_and_a_file_appearing_meanwhile_is_never_replaced(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_new(tmp_path / "empty", new_store(**GOOD))  # an existing empty folder is fine
    assert (tmp_path / "empty" / "mkdocs.yml").is_file()
    from generator.scaffold import new

    def render_then_someone_writes(store: new.NewStore) -> dict[str, str]:
        files = render(store)
        (tmp_path / "race").mkdir(exist_ok=True)
        (tmp_path / "race" / "mkdocs.yml").write_text("theirs\n", "utf-8")
        return files

    monkeypatch.setattr(new, "render", render_then_someone_writes)
    with pytest.raises(FileExistsError):
        write_new(tmp_path / "race", new_store(**GOOD))
    assert (tmp_path / "race" / "mkdocs.yml").read_text("utf-8") == "theirs\n"


def test_one_locale_writes_no_locale_list_and_a_non_starter_language_gets_no_translations(tmp_path: Path) -> None:
    files = render(new_store(**{**GOOD, "locales": "en"}))
    assert "locales:" not in files["mkdocs.yml"] and not any(p.startswith("content/fr/") for p in files)
    assert "brand:\n    primary: \"#37474f\"" in files["mkdocs.yml"]  # the neutral default colour


OTHER_LANGUAGES = [language for language in STARTER_LANGUAGES if language != "en"]


@pytest.mark.slow
@pytest.mark.parametrize("language", OTHER_LANGUAGES)
@pytest.mark.parametrize("first", [True, False], ids=["default", "second"])
def test_each_shipped_language_gets_its_own_starter_that_checks_and_builds(tmp_path: Path, language: str,
                                                                          first: bool) -> None:
    locales = f"{language},en" if first else f"en,{language}"
    made = run("new", "shop", "--name", "Surf & Co", "--url", "https://surfco.example", "--locales", locales,
               cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    root = tmp_path / "shop"
    checked = run("check", cwd=root)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    built = run("build", cwd=root)
    assert built.returncode == 0, built.stderr
    site = root / "site"
    pages = site.rglob("*.html") if first else (site / language.lower()).rglob("*.html")
    texts = {page: page.read_text("utf-8") for page in pages
             if not first or page.relative_to(site).parts[0] != "en"}
    assert len(texts) >= 4  # home, the category, the care guide, its index
    english = _english_starter_sentences()
    leaks = sorted({f"{page.relative_to(site)}: {sentence}" for page, text in texts.items() for sentence in english
                    if sentence in text})
    assert not leaks, leaks[:5]


def _english_starter_sentences() -> set[str]:
    """The English starter's titles, questions and the first words of each answer and paragraph."""
    files = render(new_store(name="Surf & Co", url="https://surfco.example", locales="en"))
    faq = yaml.safe_load(files["content/faq/orders-and-returns.yml"])
    found = {faq["category"]["title"], faq["category"]["description"]}
    for question in faq["questions"]:
        found |= {question["question"], " ".join(question["answer"].split()[:6])}
    body = files["content/care/caring-for-your-products.md"].split("\n---\n", 1)[1]
    for block in body.split("\n\n"):
        found.add(" ".join(block.removeprefix("## ").split()[:6]))
    return {sentence for sentence in found if sentence.strip()}


def test_a_language_the_generator_does_not_ship_gets_a_strings_file_to_translate(tmp_path: Path) -> None:
    made = run("new", "shop", "--name", "Surf & Co", "--url", "https://surfco.example", "--locales", "en,sv",
               cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    root = tmp_path / "shop"
    strings = root / "content" / "sv" / "strings.yml"
    english = yaml.safe_load((Path(__file__).parents[2] / "generator/rendering/locales/en.yml").read_text("utf-8"))
    count = len(english) - 1 + len(english["widgets"])
    assert made.stderr.splitlines()[-1] == (
        f"! sv: the generator ships no UI strings for it (en, fr, de, es, it, nl, pt-BR, ja, zh-Hans); translate "
        f"all {count} in shop/content/sv/strings.yml before the site builds: `helpcenter check` lists those missing")
    assert yaml.safe_load(strings.read_text("utf-8")) is None  # every string commented: none in English
    assert '# home_heading: "How can we help?"' in strings.read_text("utf-8")
    checked, built = run("check", cwd=root), run("build", cwd=root)
    assert (checked.returncode, built.returncode) == (1, 1)
    missing = [line for line in checked.stdout.splitlines() if "missing UI string for locale 'sv'" in line]
    assert len(missing) == count and "content/sv/strings.yml:1:1: contact_us: missing UI string for locale 'sv' " \
        "(sv); in English: 'Contact us'" in missing
    assert [line for line in (built.stdout + built.stderr).splitlines() if "missing UI string" in line] == missing
    assert not (root / "site" / "sv").exists()
    # Translated (here: each line uncommented), the language checks and builds.
    strings.write_text(re.sub(r"^# ((  )?[a-z_]+:)", r"\1", strings.read_text("utf-8"), flags=re.M), "utf-8")
    assert run("check", cwd=root).returncode == 0
    assert run("build", cwd=root).returncode == 0


def test_a_one_language_site_in_a_language_without_strings_is_all_or_nothing_too(tmp_path: Path) -> None:
    write_new(tmp_path, new_store(name="Surf & Co", url="https://surfco.example", locales="sv"))
    assert (tmp_path / "content" / "strings.yml").is_file()
    checked = run("check", cwd=tmp_path)
    assert checked.returncode == 1 and "content/strings.yml:1:1: contact_us: missing UI string" in checked.stdout


def _escape(text: str) -> str:
    import re

    return re.escape(text)
