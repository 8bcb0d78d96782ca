"""``helpcenter translations``: per locale, what is translated, missing and stale, as text or JSON for CI."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from generator.reading.model import HelpCenter
from generator.reading.translations import LoadedTranslations


@dataclass
class LocaleStatus:
    locale: str
    language: str
    translated: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    stale: list[dict[str, Any]] = field(default_factory=list)
    """Each: id, the translation's file and line, and the message."""

    def to_data(self) -> dict[str, Any]:
        return {"locale": self.locale, "language": self.language,
                "counts": {"translated": len(self.translated), "missing": len(self.missing), "stale": len(self.stale)},
                "translated": self.translated, "missing": self.missing, "stale": self.stale}


def translation_status(source: HelpCenter, loaded: LoadedTranslations) -> list[LocaleStatus]:
    """Articles (questions and guides) by id, in the default language's order."""
    order = [q.id for q in source.questions] + [g.id for g in source.guides]
    statuses = []
    for translation in loaded.translations:
        translated = translation.translated_ids()
        status = LocaleStatus(translation.locale.code, translation.locale.language,
                              translated=[i for i in order if i in translated],
                              missing=[i for i in order if i not in translated])
        for warning in translation.stale:
            article_id = next((a.id for a in translation.helpcenter.articles_by_id.values()
                               if a.location.path == warning.path and a.location.line == warning.line), "")
            status.stale.append({"id": article_id, "path": warning.path, "line": warning.line,
                                 "message": warning.message})
        statuses.append(status)
    return statuses


def format_status(statuses: list[LocaleStatus], fmt: str) -> str:
    if fmt == "json":
        return json.dumps({"locales": [s.to_data() for s in statuses]}, indent=2, ensure_ascii=False)
    if not statuses:
        return "only one locale is configured (extra.locales in mkdocs.yml): nothing to translate"
    lines = []
    for status in statuses:
        total = len(status.translated) + len(status.missing)
        lines.append(f"{status.locale} ({status.language}): {len(status.translated)}/{total} translated, "
                     f"{len(status.missing)} missing, {len(status.stale)} stale")
        lines.extend(f"  missing: {article_id}" for article_id in status.missing)
        lines.extend(f"  stale: {s['path']}:{s['line']}: {s['id']}: {s['message']}" for s in status.stale)
    return "\n".join(lines)
