import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Session } from '../../../test/factories.js';

/** Test-only: inject() with the session's cookie and CSRF header, for every method the module uses. */
export function client(app: FastifyInstance, session: Session | null) {
  const send = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    app.inject({
      method,
      url,
      headers: session ? { cookie: session.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': session.csrf }) } : {},
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  return {
    get: (url: string) => send('GET', url),
    post: (url: string, payload?: unknown) => send('POST', url, payload ?? {}),
    put: (url: string, payload: unknown) => send('PUT', url, payload),
    patch: (url: string, payload: unknown) => send('PATCH', url, payload),
    delete: (url: string) => send('DELETE', url),
    upload: (url: string, file: Buffer) => {
      const boundary = `----lantoa${randomBytes(8).toString('hex')}`;
      const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      const head = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="diem-danh.xlsx"\r\n` +
          `Content-Type: ${xlsx}\r\n\r\n`,
      );
      const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
      return app.inject({
        method: 'POST',
        url,
        headers: {
          ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}),
          'content-type': `multipart/form-data; boundary=${boundary}`,
        },
        payload: Buffer.concat([head, file, tail]),
      });
    },
  };
}

/** An activity body for a unit on a day (08:00–10:00 Vietnam time). */
export function activityBody(unitId: number, day: string, extra: Record<string, unknown> = {}) {
  return {
    category: 'study',
    title: 'Học tập, quán triệt Nghị quyết số 02-NQ/TW',
    startsAt: `${day}T08:00:00+07:00`,
    endsAt: `${day}T10:00:00+07:00`,
    place: 'Hội trường',
    organisingUnitId: unitId,
    ...extra,
  };
}

export const names = (rows: { fullName: string }[]) => rows.map((row) => row.fullName);
