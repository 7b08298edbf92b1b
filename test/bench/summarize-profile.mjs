// Summarises a V8 .cpuprofile: the functions with the most self time and the most inclusive
// time (time with the function anywhere on the stack), grouped by function and file.
//   node bench/summarize-profile.mjs <file.cpuprofile> [rows=25] [filter]
import { readFileSync } from 'node:fs';

const [file, rowsArg = '25', filter = ''] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/summarize-profile.mjs <file.cpuprofile> [rows] [filter]');
  process.exit(1);
}
const profile = JSON.parse(readFileSync(file, 'utf8'));
const rows = Number(rowsArg);
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map();
for (const node of profile.nodes) {
  for (const child of node.children ?? []) {
    parent.set(child, node.id);
  }
}
const label = (node) => {
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url
    ? `${url.replace(/^file:\/\/.*?\/(node_modules\/\.pnpm\/|packages\/|test\/)/, '$1')}:${lineNumber + 1}`
    : '';
  return `${functionName || '(anonymous)'} ${where}`.trim();
};
// Time per sample: the deltas (µs).
const selfTime = new Map();
const totalTime = new Map();
let all = 0;
profile.samples.forEach((id, index) => {
  const delta = profile.timeDeltas[index + 1] ?? 0;
  all += delta;
  const node = nodes.get(id);
  selfTime.set(label(node), (selfTime.get(label(node)) ?? 0) + delta);
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const name = label(nodes.get(at));
    if (!seen.has(name)) {
      seen.add(name);
      totalTime.set(name, (totalTime.get(name) ?? 0) + delta);
    }
  }
});
const print = (title, map) => {
  console.log(`\n${title} (of ${(all / 1000).toFixed(0)} ms sampled)`);
  [...map]
    .filter(([name]) => name.includes(filter))
    .sort((a, b) => b[1] - a[1])
    .slice(0, rows)
    .forEach(([name, time]) =>
      console.log(
        `${((100 * time) / all).toFixed(1).padStart(6)}%  ${(time / 1000).toFixed(0).padStart(6)} ms  ${name}`,
      ),
    );
};
print('self time', selfTime);
print('inclusive time', totalTime);
