// A TCP proxy in front of PostgreSQL that counts the statements each client application sends: every simple
// Query ('Q') and every Execute of the extended protocol ('E'), per `application_name` of the connection. It sees
// the wire, so it counts Kabinet, PostGraphile and the raw query alike, with no help from them.
import net from 'node:net';

export interface SqlCounter {
  readonly port: number;
  /** Statements per application_name since the last reset. */
  counts(): Map<string, number>;
  reset(): void;
  close(): Promise<void>;
}

export async function startSqlCounter(target: { host: string; port: number }): Promise<SqlCounter> {
  const counts = new Map<string, number>();
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    sockets.add(client).add(upstream);
    const close = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
    upstream.on('data', (chunk) => client.write(chunk));
    const parser = new FrontendParser((type) => {
      if (type === 'Q' || type === 'E') {
        const name = parser.applicationName;
        counts.set(name, (counts.get(name) ?? 0) + 1);
      }
    });
    client.on('data', (chunk) => {
      parser.push(chunk);
      upstream.write(chunk);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    counts: () => new Map(counts),
    reset: () => counts.clear(),
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Splits the client's byte stream into protocol messages: the startup packet first, then type + length frames. */
class FrontendParser {
  applicationName = '';
  private buffer: Buffer = Buffer.alloc(0);
  private started = false;

  constructor(private readonly onMessage: (type: string) => void) {}

  push(chunk: Buffer): void {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    for (;;) {
      if (!this.started) {
        if (this.buffer.length < 8) return;
        const length = this.buffer.readInt32BE(0);
        if (this.buffer.length < length) return;
        const code = this.buffer.readInt32BE(4);
        // 80877103: SSLRequest, 80877104: GSSENCRequest; the real startup packet follows them.
        if (code !== 80877103 && code !== 80877104) {
          this.started = true;
          this.readStartup(this.buffer.subarray(8, length));
        }
        this.buffer = this.buffer.subarray(length);
        continue;
      }
      if (this.buffer.length < 5) return;
      const length = this.buffer.readInt32BE(1);
      if (this.buffer.length < 1 + length) return;
      this.onMessage(String.fromCharCode(this.buffer[0]!));
      this.buffer = this.buffer.subarray(1 + length);
    }
  }

  private readStartup(body: Buffer): void {
    const fields = body.toString('utf8').split('\0');
    for (let i = 0; i + 1 < fields.length; i += 2) {
      if (fields[i] === 'application_name') this.applicationName = fields[i + 1]!;
    }
  }
}
