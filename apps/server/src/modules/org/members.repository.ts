import { foldVietnamese, normalizePhone } from '@lan-toa/contracts';
import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import { type Actor, scopeCondition } from '../../platform/access.js';
import { AppError } from '../../platform/errors.js';
import { canManageMembersOf } from './org.policy.js';

/** A member with their current unit: what presenters turn into API views. */
export interface MemberRecord {
  id: number;
  fullName: string;
  gender: string;
  birthDate: string | null;
  position: string;
  unionRole: string;
  isKeyOfficial: boolean;
  unionJoinedOn: string | null;
  status: string;
  phone: string | null;
  email: string | null;
  unitId: number;
  unitName: string;
  unitPath: string;
  joinedUnitOn: string;
}

export interface MemberFilters {
  q?: string | undefined;
  unionRole?: string | undefined;
  status?: string | undefined;
  keyOfficial?: 'true' | 'false' | undefined;
  subtree: 'true' | 'false';
  sort: 'name' | '-name' | 'unit' | 'joined' | '-joined';
}

/**
 * Texts the trigram indexes search: the folded name, and apart from it phone and e-mail, so that
 * someone who may not see contact details cannot find a person by them either.
 */
export function memberSearchText(input: { fullName: string; phone?: string | null; email?: string | null }) {
  return {
    search_text: foldVietnamese(input.fullName),
    contact_search: [input.phone ?? '', (input.email ?? '').toLowerCase()].join(' ').trim(),
  };
}

/**
 * Members joined to a membership: the open one for unit lists; for one person, their latest
 * (someone whose unit was dissolved after they retired has no open membership, yet must stay findable).
 */
function baseQuery(db: Executor, membership: 'open' | 'latest' = 'open') {
  return db
    .selectFrom('members as p')
    .innerJoin('memberships as m', (join) =>
      membership === 'open'
        ? join.onRef('m.member_id', '=', 'p.id').on('m.valid_to', 'is', null)
        : join.onRef('m.member_id', '=', 'p.id').on(
            sql<boolean>`m.id = (select x.id from memberships x where x.member_id = p.id
                                   order by x.valid_from desc, x.id desc limit 1)`,
          ),
    )
    .innerJoin('units as u', 'u.id', 'm.unit_id');
}

type MemberQuery = ReturnType<typeof baseQuery>;

function selectRecord(query: MemberQuery) {
  return query.select([
    'p.id',
    'p.full_name as fullName',
    'p.gender',
    'p.birth_date as birthDate',
    'p.position',
    'p.union_role as unionRole',
    'p.is_key_official as isKeyOfficial',
    'p.union_joined_on as unionJoinedOn',
    'p.status',
    'p.phone',
    'p.email',
    'u.id as unitId',
    'u.name as unitName',
    'u.path as unitPath',
    'm.valid_from as joinedUnitOn',
  ]);
}

/**
 * Members currently in a unit (or its subtree), filtered, searched and sorted the Vietnamese
 * way. Scoping is part of the query: rows outside the actor's view never leave the database.
 */
function filtered(db: Executor, actor: Actor, unit: { id: number; path: string }, filters: MemberFilters) {
  let query: MemberQuery = baseQuery(db).where(scopeCondition(actor, 'view', 'u.path'));
  query =
    filters.subtree === 'true'
      ? query.where(sql<boolean>`u.path <@ ${unit.path}::ltree`)
      : query.where('u.id', '=', unit.id);
  if (filters.unionRole) query = query.where('p.union_role', '=', filters.unionRole);
  if (filters.status) query = query.where('p.status', '=', filters.status);
  if (filters.keyOfficial) query = query.where('p.is_key_official', '=', filters.keyOfficial === 'true');
  const contacts = canManageMembersOf(actor, unit);
  for (const word of searchWords(filters.q)) {
    const pattern = `%${word}%`;
    query = contacts
      ? query.where((eb) => eb.or([eb('p.search_text', 'like', pattern), eb('p.contact_search', 'like', pattern)]))
      : query.where('p.search_text', 'like', pattern);
  }
  return query;
}

/** Query words, folded; a word that looks like a phone number is normalised like stored phones. */
export function searchWords(q: string | undefined): string[] {
  if (!q) return [];
  return foldVietnamese(q)
    .split(' ')
    .filter(Boolean)
    .map((word) => (/^[+\d][\d.\- ]{5,}$/u.test(word) ? normalizePhone(word) : word))
    .map((word) => word.replace(/[%_\\]/gu, (c) => `\\${c}`));
}

const VI = sql.raw('collate "vi-VN-x-icu"');

export async function listMembers(
  db: Executor,
  actor: Actor,
  unit: { id: number; path: string },
  filters: MemberFilters,
  page: { page: number; pageSize: number } | null,
): Promise<{ items: MemberRecord[]; total: number }> {
  const where = filtered(db, actor, unit, filters);
  const byName = [sql`p.given_name ${VI}`, sql`p.middle_name ${VI}`, sql`p.family_name ${VI}`];
  let query = selectRecord(where);
  switch (filters.sort) {
    case '-name':
      for (const key of byName) query = query.orderBy(sql`${key} desc`);
      break;
    case 'unit':
      query = query.orderBy(sql`u.name ${VI}`);
      for (const key of byName) query = query.orderBy(key);
      break;
    case 'joined':
    case '-joined':
      query = query.orderBy('m.valid_from', filters.sort === 'joined' ? 'asc' : 'desc');
      for (const key of byName) query = query.orderBy(key);
      break;
    default:
      for (const key of byName) query = query.orderBy(key);
  }
  query = query.orderBy('p.id');
  if (page) query = query.limit(page.pageSize).offset((page.page - 1) * page.pageSize);
  const [items, count] = await Promise.all([
    query.execute(),
    page ? where.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow() : Promise.resolve({ n: -1 }),
  ]);
  return { items, total: page ? count.n : items.length };
}

export async function findMember(db: Executor, id: number): Promise<MemberRecord> {
  const row = await selectRecord(baseQuery(db, 'latest').where('p.id', '=', id)).executeTakeFirst();
  if (!row) throw new AppError('MEMBER_NOT_FOUND');
  return row;
}

/** Status notes can be personal (health, family): only those who may see contact details read them. */
export async function memberHistory(db: Executor, memberId: number, showNotes: boolean) {
  const [memberships, statuses] = await Promise.all([
    db
      .selectFrom('memberships as m')
      .innerJoin('units as u', 'u.id', 'm.unit_id')
      .select([
        'u.id as unitId',
        'u.name as unitName',
        'm.valid_from as validFrom',
        'm.valid_to as validTo',
        'm.end_reason as endReason',
      ])
      .where('m.member_id', '=', memberId)
      .orderBy('m.valid_from')
      .execute(),
    db
      .selectFrom('member_statuses')
      .select(['status', 'valid_from as validFrom', 'note'])
      .where('member_id', '=', memberId)
      .orderBy('valid_from')
      .orderBy('id')
      .execute(),
  ]);
  return { memberships, statuses: statuses.map((row) => ({ ...row, note: showNotes ? row.note : null })) };
}
