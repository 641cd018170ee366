import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../free-port.js';

/** One message as the test SMTP server received it (see smtp-server.mjs). */
export interface ReceivedMail {
  envelope: { from: string | null; to: string[] };
  raw: string;
  subject: string | null;
  from: string | null;
  to: string | null;
  text: string | null;
  html: string | null;
}

/**
 * A real SMTP server in a child process, on a port of its own. `stop()` and `start()` again on
 * the same port play an outage; what it received stays readable across restarts.
 */
export class TestSmtpServer {
  readonly port: number;
  private readonly dir = mkdtempSync(join(tmpdir(), 'lantoa-smtp-'));
  private readonly file = join(this.dir, 'received.jsonl');
  private child: ChildProcess | null = null;

  private constructor(port: number) {
    this.port = port;
  }

  static async create(options: { running?: boolean } = {}): Promise<TestSmtpServer> {
    const server = new TestSmtpServer(await freePort());
    if (options.running ?? true) await server.start();
    return server;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (this.child) return;
    const child = spawn(
      process.execPath,
      [join(import.meta.dirname, 'smtp-server.mjs'), String(this.port), this.file],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('test SMTP server did not start')), 10_000);
      child.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('ready')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`test SMTP server exited (${code})`));
      });
    });
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }

  /** Everything received so far, oldest first. */
  received(): ReceivedMail[] {
    if (!existsSync(this.file)) return [];
    return readFileSync(this.file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as ReceivedMail);
  }

  /** Messages whose envelope goes to `address`. */
  receivedBy(address: string): ReceivedMail[] {
    return this.received().filter((m) => m.envelope.to.includes(address));
  }

  async close(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
