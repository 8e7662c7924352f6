/**
 * Serializes sends on one ZeroMQ socket: zeromq v6 rejects a send while another is pending
 * ("Socket is busy writing"), and Jupyter requires messages to leave in the order produced.
 */
export class SendQueue {
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly socket: { send(frames: Buffer[]): Promise<void> }) {}

  push(frames: Buffer[]): Promise<void> {
    this.tail = this.tail.then(
      () => this.socket.send(frames),
      () => this.socket.send(frames),
    );
    // A failed send (e.g. socket closed at shutdown) must not stop later sends.
    this.tail = this.tail.catch((e) => {
      process.stderr.write(`pijar kernel: send failed: ${String(e)}\n`);
    });
    return this.tail;
  }
}
