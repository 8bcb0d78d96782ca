// Runs hc-search-engine.js in node, for the cross-language tests (tests/search/test_vectors.py).
// Usage: node run-search.cjs INDEX_DIR QUERIES_JSON [LIMIT]  ->  JSON on stdout:
//   {"results": [{"query", "ids", "scores", "missing"}], "stems": {word: stem}} (stems of QUERIES_JSON's "words",
//   by the index's language: Snowball's generated stemmer, loaded as the page would, for other than English).
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");
const engine = require("../../theme/assets/javascripts/hc-search-engine.js");

function loadStemmer(name) {  // as <script> tags do: the generated files define globals
  const dir = path.join(__dirname, "../../theme/assets/javascripts/snowball");
  for (const file of ["base", name]) {
    const source = path.join(dir, file + "-stemmer.js");
    vm.runInThisContext(fs.readFileSync(source, "utf8"), { filename: source });
  }
}

async function main() {
  const [dir, queriesFile, limitText] = process.argv.slice(2);
  const read = (name) => JSON.parse(fs.readFileSync(path.join(dir, name), "utf8"));
  const manifest = read("index.json");
  if (manifest.stemmer) loadStemmer(manifest.stemmer);
  const index = new engine.SearchIndex(manifest, async (name) => read(name));
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
  const raw = {};  // Snowball's own stems, before accents are folded
  for (const word of input.words || []) {
    stems[word] = index.language.term(word);
    if (index.language.snowball) raw[word] = index.language.snowball.stemWord(word);
  }
  const tokens = {};
  for (const text of input.texts || []) tokens[text] = index.language.words(text);
  process.stdout.write(JSON.stringify({ results, stems, raw, tokens }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
