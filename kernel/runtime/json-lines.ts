/**
 * Newline-delimited JSON over a pipe: how the kernel and its checker process talk (one message
 * per line, both ways). Chunks arrive cut anywhere, so the unfinished tail waits for the next.
 */
export function onJsonLines(stream: NodeJS.ReadableStream, onMessage: (message: unknown) => void): void {
  let buffered = "";
  stream.setEncoding("utf8");
  stream.on("data", (chunk: string) => {
    buffered += chunk;
    let nl: number;
    while ((nl = buffered.indexOf("\n")) >= 0) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      if (line) onMessage(JSON.parse(line));
    }
  });
}
