import { matcherFor } from './lib/match';
import { realBuild } from './tests/unit/helpers';
import procs from './seeds/procedures.json';
const m = matcherFor(realBuild().catalog);
const count = new Map<string, number>();
for (const p of (procs as any).procedures) {
  const r = m.match({ name: p.name, field: p.field, code: p.code }, { related: false });
  for (const i of r.items.filter((i) => i.band === 'every-filing' && !i.restates)) count.set(i.ref, (count.get(i.ref) ?? 0) + 1);
}
for (const [ref, n] of [...count].sort((a, b) => a[1] - b[1]).slice(0, 12)) { const it: any = m.item(ref); console.log(n, ref, m.topicsOf(ref).filter(h=>h.topicId.startsWith('ef')).map(h=>h.topicId+':'+h.words.join('/')).join(' '), '|', (it.content ?? it.statement ?? it.name).slice(0, 120)); }
