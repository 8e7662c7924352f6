/**
 * A TCP proxy for reattach.test.ts, in its own process: the test's client blocks its thread in
 * synchronous AnalyzePlan calls, which would also stop a proxy running on that thread.
 * Usage: node cut-proxy.mjs <host> <port> <cutAfterBytes> <refuseAfterCut 0|1>
 * Prints "port N" once listening and "cut" when it cuts the first connection that has sent
 * cutAfterBytes back to the client; after that, with refuseAfterCut, it closes new connections.
 */
import { connect, createServer } from "node:net";

const [host, port, cutAfter, refuse] = process.argv.slice(2);
let cuts = 0;
const server = createServer((client) => {
  if (refuse === "1" && cuts > 0) return void client.destroy();
  const upstream = connect(Number(port), host);
  let down = 0;
  client.on("data", (d) => upstream.write(d));
  upstream.on("data", (d) => {
    down += d.length;
    if (cuts === 0 && down > Number(cutAfter)) {
      cuts++;
      process.stdout.write("cut\n");
      client.destroy();
      upstream.destroy();
      return;
    }
    client.write(d);
  });
  const end = () => {
    client.destroy();
    upstream.destroy();
  };
  client.on("close", end).on("error", end);
  upstream.on("close", end).on("error", end);
});
server.listen(0, "127.0.0.1", () => process.stdout.write(`port ${server.address().port}\n`));
