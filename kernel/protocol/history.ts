/** In-memory input history for history_request (tail, range and search with glob patterns). */
export class History {
  private readonly entries: { session: number; line: number; input: string; output: string | null }[] = [];

  add(line: number, input: string, output: string | null = null): void {
    this.entries.push({ session: 1, line, input, output });
  }

  request(content: Record<string, unknown>): Record<string, unknown> {
    const output = Boolean(content["output"]);
    const row = (e: (typeof this.entries)[number]) => [e.session, e.line, output ? [e.input, e.output] : e.input];
    const type = String(content["hist_access_type"] ?? "tail");
    let picked = this.entries;
    if (type === "tail") {
      const n = Number(content["n"] ?? 10);
      picked = this.entries.slice(-n);
    } else if (type === "range") {
      const start = Number(content["start"] ?? 0);
      const stop = content["stop"] == null ? Infinity : Number(content["stop"]);
      picked = this.entries.filter((e) => e.line >= start && e.line < stop);
    } else if (type === "search") {
      const glob = String(content["pattern"] ?? "*");
      const re = new RegExp("^" + glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".") + "$", "s");
      picked = this.entries.filter((e) => re.test(e.input));
      if (content["unique"]) {
        const seen = new Set<string>();
        picked = picked.filter((e) => (seen.has(e.input) ? false : (seen.add(e.input), true)));
      }
      if (content["n"] != null) picked = picked.slice(-Number(content["n"]));
    }
    return { status: "ok", history: picked.map(row) };
  }
}
