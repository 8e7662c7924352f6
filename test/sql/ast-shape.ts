/** Parser test helper: an AST without spans and type objects (bytes as arrays), so shapes compare simply. */
export function shape(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(shape);
  if (x instanceof Uint8Array) return Array.from(x);
  if (x && typeof x === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) {
      if (k === "start" || k === "end" || k === "dataType") continue;
      out[k] = shape(v);
    }
    return out;
  }
  return x;
}
