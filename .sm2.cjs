const { SourceMapConsumer } = require("source-map");
const fs = require("fs");
(async () => {
  const code = fs.readFileSync("/tmp/wpout/functions.js", "utf8");
  const map = JSON.parse(fs.readFileSync("/tmp/wpout/functions.js.map", "utf8"));
  const c = await new SourceMapConsumer(map);
  const lines = code.split("\n");
  const lineStart = []; let acc = 0; for (const l of lines) { lineStart.push(acc); acc += l.length + 1; }
  const maps = [];
  c.eachMapping((m) => maps.push([lineStart[m.generatedLine - 1] + m.generatedColumn, m.source, m.originalLine]));
  maps.sort((a, b) => a[0] - b[0]);
  const want = process.argv[2];
  const byLine = {};
  for (let i = 0; i < maps.length; i++) { if (!maps[i][1]?.endsWith(want)) continue; const end = i + 1 < maps.length ? maps[i + 1][0] : code.length; byLine[maps[i][2]] = (byLine[maps[i][2]] || 0) + end - maps[i][0]; }
  // aggregate by 20-line windows
  const win = {}; for (const [l, v] of Object.entries(byLine)) { const w = Math.floor(l / 20) * 20; win[w] = (win[w] || 0) + v; }
  Object.entries(win).sort((a, b) => b[1] - a[1]).slice(0, 25).forEach(([k, v]) => console.log(v, `${want}:${k}-${+k + 19}`));
})();
