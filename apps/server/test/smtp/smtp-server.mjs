// A real SMTP server for the tests, run as its own process: node smtp-server.mjs PORT FILE.
// Accepts every message (no TLS, no login, as a local relay would), parses it with mailparser
// and appends one JSON line per message to FILE: the envelope, the raw message and what a mail
// client would show (subject and addresses decoded, text, html). Prints "ready" when listening.
import { appendFileSync } from 'node:fs';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

const [port, file] = process.argv.slice(2);
const server = new SMTPServer({
  disabledCommands: ['STARTTLS', 'AUTH'],
  authOptional: true,
  logger: false,
  size: 5 * 1024 * 1024,
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('end', async () => {
      try {
        const raw = Buffer.concat(chunks);
        const mail = await simpleParser(raw);
        const line = {
          envelope: {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
            to: session.envelope.rcptTo.map((r) => r.address),
          },
          raw: raw.toString('utf8'),
          subject: mail.subject ?? null,
          from: mail.from?.text ?? null,
          to: mail.to?.text ?? null,
          text: mail.text ?? null,
          html: typeof mail.html === 'string' ? mail.html : null,
        };
        appendFileSync(file, `${JSON.stringify(line)}\n`);
        callback();
      } catch (error) {
        callback(error);
      }
    });
  },
});
server.on('error', (error) => process.stderr.write(`smtp: ${error.message}\n`));
server.listen(Number(port), '127.0.0.1', () => process.stdout.write('ready\n'));
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
