export interface LatencySummary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
}

export function summarise(ms: number[]): LatencySummary {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => Number((s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0).toFixed(2));
  return { n: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

export async function timed(fn: () => unknown): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}
