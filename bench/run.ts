// `npm run bench [name] [arguments]`: runs one benchmark, or all, each printing one JSON line per figure:
// {"bench": …, "metric": …, "value": …, "unit": …}. Figures always come with a baseline from the same run.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Figure { bench: string; metric: string; value: number; unit: string }
/** `args`: what followed the bench's name on the command line (`npm run bench soak 200`). */
export type Benchmark = (args: readonly string[]) => Promise<Figure[]>;

const here = path.dirname(fileURLToPath(import.meta.url));
const available = readdirSync(path.join(here, 'benches')).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3));
const wanted = process.argv[2];

if (wanted && !available.includes(wanted)) {
  process.stderr.write(`no benchmark named "${wanted}"; available: ${available.join(', ')}\n`);
  process.exit(2);
}
for (const name of wanted ? [wanted] : available) {
  const { default: run } = (await import(path.join(here, 'benches', `${name}.ts`))) as { default: Benchmark };
  for (const figure of await run(process.argv.slice(3))) process.stdout.write(`${JSON.stringify(figure)}\n`);
}
