/**
 * Statistics behind box, hist and kde plots, computed on the client from the fetched values.
 */

/** Linear-interpolated percentile of sorted values (p in [0,1]). */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = (sorted.length - 1) * p;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (i - lo);
}

export interface BoxStats {
  q1: number;
  median: number;
  q3: number;
  /** Whisker ends: the extreme values within 1.5 IQR of the box (Tukey, as PySpark). */
  lowerfence: number;
  upperfence: number;
  outliers: number[];
}

export function boxStats(values: number[]): BoxStats {
  const s = [...values].sort((a, b) => a - b);
  const q1 = percentile(s, 0.25);
  const median = percentile(s, 0.5);
  const q3 = percentile(s, 0.75);
  const iqr = q3 - q1;
  const lo = q1 - 1.5 * iqr;
  const hi = q3 + 1.5 * iqr;
  const inside = s.filter((v) => v >= lo && v <= hi);
  return {
    q1,
    median,
    q3,
    lowerfence: inside.length ? inside[0]! : q1,
    upperfence: inside.length ? inside[inside.length - 1]! : q3,
    outliers: s.filter((v) => v < lo || v > hi),
  };
}

/** Equal-width bin edges over all values (bins + 1 edges), as numpy.linspace(min, max). */
export function binEdges(values: number[], bins: number): number[] {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (!Number.isFinite(min)) return [0, 1];
  if (min === max) {
    min -= 0.5;
    max += 0.5;
  }
  return Array.from({ length: bins + 1 }, (_, i) => min + ((max - min) * i) / bins);
}

/** Counts per bin; the last bin includes its right edge. */
export function histogram(values: number[], edges: number[]): number[] {
  const n = edges.length - 1;
  const counts = new Array<number>(n).fill(0);
  const w = edges[n]! - edges[0]!;
  for (const v of values) {
    let b = Math.floor(((v - edges[0]!) / w) * n);
    if (b === n) b = n - 1;
    if (b >= 0 && b < n) counts[b]!++;
  }
  return counts;
}

/** Gaussian kernel density estimate (scipy.stats.gaussian_kde semantics for the bandwidth). */
export function kde(values: number[], points: number[], bw: "scott" | "silverman" | number = "scott"): number[] {
  const n = values.length;
  if (n < 2) return points.map(() => 0);
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1)) || 1;
  const factor = typeof bw === "number" ? bw : bw === "silverman" ? (n * 3 / 4) ** (-1 / 5) : n ** (-1 / 5);
  const h = sd * factor;
  const c = 1 / (n * h * Math.sqrt(2 * Math.PI));
  return points.map((x) => {
    let s = 0;
    for (const v of values) s += Math.exp(-0.5 * ((x - v) / h) ** 2);
    return s * c;
  });
}

/** pandas' default kde evaluation points: `count` points over [min - range/2, max + range/2]. */
export function kdePoints(values: number[], count = 1000): number[] {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const r = max - min || 1;
  const lo = min - r / 2;
  const hi = max + r / 2;
  return Array.from({ length: count }, (_, i) => lo + ((hi - lo) * i) / (count - 1));
}
