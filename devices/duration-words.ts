/** A duration in a technician's words: 300 000 → "5 min", 45 000 → "45 s", 30 → "30 ms". */
export function durationWords(ms: number): string {
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  return ms < 120_000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms / 60_000)} min`;
}
