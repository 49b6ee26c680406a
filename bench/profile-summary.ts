// Summarises a V8 .cpuprofile (from `npm run bench -- --profile`): the functions with the
// most self time and the most total time. Run: npx tsx bench/profile-summary.ts FILE [N]
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
  children?: number[];
}

const [file, limit = '30'] = process.argv.slice(2);
const profile: { nodes: Node[]; samples: number[] } = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

const label = (n: Node) => {
  const url = n.callFrame.url.replace(/^file:\/\//, '').replace(/.*\/node_modules\//, 'nm:').replace(/.*\/work\/main\//, '');
  return `${n.callFrame.functionName || '(anonymous)'} ${url}:${n.callFrame.lineNumber + 1}`;
};
const total = profile.samples.length;
const self = new Map<string, number>();
const inclusive = new Map<string, number>();
const hits = new Map<number, number>();
for (const id of profile.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
for (const [id, count] of hits) {
  const node = byId.get(id)!;
  self.set(label(node), (self.get(label(node)) ?? 0) + count);
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const name = label(byId.get(at)!);
    if (seen.has(name)) continue;
    seen.add(name);
    inclusive.set(name, (inclusive.get(name) ?? 0) + count);
  }
}
const idle = self.get('(idle) :0') ?? 0;
console.log(`${total} samples, ${((idle / total) * 100).toFixed(1)} % idle`);
for (const [title, map] of [['self', self], ['total', inclusive]] as const) {
  console.log(`\n-- ${title} (% of busy samples)`);
  [...map.entries()]
    .filter(([name]) => !name.startsWith('(idle)') && !name.startsWith('(root)'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, Number(limit))
    .forEach(([name, count]) => console.log(`${((count / (total - idle)) * 100).toFixed(1).padStart(5)}  ${name}`));
}
