import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { AppError } from '../../platform/errors.js';
import { entryToken, readEntryToken } from './attempt-token.js';
import type { ContestRecord } from './contests.repository.js';

/**
 * Public contests: anyone registers with name, unit and phone — one entry per phone number and
 * contest. The entry is then theirs through a signed, HttpOnly cookie on this browser. Signing
 * up again with the same phone from another browser is refused rather than handed over: a
 * phone number alone proves nothing.
 */

const COOKIE = 'lantoa_contest_entry';

function cookieOf(request: FastifyRequest): Map<number, number> {
  // One cookie holds this browser's entries in every public contest: "contestId:token|…".
  const entries = new Map<number, number>();
  for (const part of (request.cookies[COOKIE] ?? '').split('|')) {
    const [contest, token] = part.split(':');
    const entryId = readEntryToken(token);
    if (entryId !== null) entries.set(Number(contest), entryId);
  }
  return entries;
}

/** Whether this browser registered for any public contest. */
export function hasPublicEntries(request: FastifyRequest): boolean {
  return cookieOf(request).size > 0;
}

export function publicEntryOf(request: FastifyRequest, contestId: number): number | null {
  return cookieOf(request).get(contestId) ?? null;
}

export async function registerPublicEntry(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
  secure: boolean,
  contest: ContestRecord,
  input: { fullName: string; unitName: string; unitId: number | null; phone: string },
): Promise<{ entryId: number; fullName: string; alreadyRegistered: boolean }> {
  if (contest.audience !== 'public' || contest.status !== 'published') {
    throw new AppError('FORBIDDEN', 'Cuộc thi này chỉ dành cho đoàn viên; hãy đăng nhập để dự thi.');
  }
  const mine = publicEntryOf(request, contest.id);
  const made = await sql<{ id: number; full_name: string; phone: string | null; fresh: boolean }>`
    with made as (
      insert into contest_entries (contest_id, full_name, unit_id, unit_name, phone, ip)
      values (${contest.id}, ${input.fullName}, ${input.unitId}, ${input.unitName}, ${input.phone}, ${request.ip}::inet)
      on conflict (contest_id, phone) where member_id is null do nothing
      returning id, full_name, phone, true as fresh
    )
    select * from made
    union all
    select id, full_name, phone, false from contest_entries
    where contest_id = ${contest.id} and phone = ${input.phone} and member_id is null
    limit 1`.execute(db);
  const row = made.rows[0];
  if (!row) throw new AppError('CONFLICT', 'Vui lòng thử lại.');
  if (!row.fresh && row.id !== mine) {
    throw new AppError(
      'DUPLICATE',
      'Số điện thoại này đã đăng ký dự thi. Hãy dùng trình duyệt đã đăng ký, hoặc liên hệ ban tổ chức.',
      [{ field: 'phone', message: 'Số điện thoại đã được đăng ký cho cuộc thi này.' }],
    );
  }
  const entries = cookieOf(request);
  entries.set(contest.id, row.id);
  const value = [...entries].map(([contestId, entryId]) => `${contestId}:${entryToken(entryId)}`).join('|');
  reply.setCookie(COOKIE, value, {
    path: '/api/contests',
    httpOnly: true,
    sameSite: 'strict',
    secure,
    maxAge: 180 * 24 * 60 * 60,
  });
  return { entryId: row.id, fullName: row.full_name, alreadyRegistered: !row.fresh };
}
