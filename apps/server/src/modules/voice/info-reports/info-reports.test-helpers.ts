import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Session } from '../../../../test/factories.js';

/** Test-only: a multipart report (text fields and a `file`) sent with the session's cookie and CSRF header. */
export function sendReportWithFile(
  app: FastifyInstance,
  session: Session,
  fields: Record<string, string>,
  file: Buffer,
  filename = 'anh-chup.jpg',
) {
  const boundary = `----lantoa${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
        'Content-Type: image/jpeg\r\n\r\n',
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return app.inject({
    method: 'POST',
    url: '/api/info-reports',
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrf,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    payload: Buffer.concat(parts),
  });
}
