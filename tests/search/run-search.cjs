// Runs hc-search-engine.js in node, for the cross-language tests (tests/search/test_vectors.py).
// Usage: node run-search.cjs INDEX_DIR QUERIES_JSON [LIMIT]  ->  JSON on stdout:
//   {"results": [{"query", "ids", "scores", "missing"}], "stems": {word: stem}} (stems of QUERIES_JSON's "words").
"use strict";
const fs = require("fs");
const path = require("path");
const engine = require("../../theme/assets/javascripts/hc-search-engine.js");

async function main() {
  const [dir, queriesFile, limitText] = process.argv.slice(2);
  const read = (name) => JSON.parse(fs.readFileSync(path.join(dir, name), "utf8"));
  const index = new engine.SearchIndex(read("index.json"), async (name) => read(name));
  const input = JSON.parse(fs.readFileSync(queriesFile, "utf8"));
  const limit = Number(limitText || 10);
  const results = [];
  for (const query of input.queries || []) {
    const response = await index.search(query, limit);
    results.push({
      query,
      ids: response.results.map((r) => r.id),
      scores: response.results.map((r) => r.score),
      missing: response.missing,
      confidence: response.confidence,
    });
  }
  const stems = {};
  for (const word of input.words || []) stems[word] = engine.indexTerm(word);
  const tokens = {};
  for (const text of input.texts || []) tokens[text] = engine.words(text);
  process.stdout.write(JSON.stringify({ results, stems, tokens }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
