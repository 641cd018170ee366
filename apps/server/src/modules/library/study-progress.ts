import type { AssignmentProgress, StudyPendingMember } from '@lan-toa/contracts';
import { type Expression, type SqlBool, sql } from 'kysely';
import type { Executor } from '../../db/database.js';

/**
 * Who was given an assignment and who has confirmed, on a reference day D:
 *
 * - assigned: the members active on D in a unit that, on D, lay in an audience unit's subtree
 *   (as the tree was that day) — someone who moved counts where they were on D, someone who
 *   joined after D or had left by D is not counted;
 * - confirmed: those of them who confirmed by the end of D (Vietnam's calendar day);
 * - per unit: the member's own unit on D; rates are confirmed / assigned, never an average.
 *
 * `followed` limits the rows to the part of the audience the viewer manages.
 */

interface Population {
  memberId: number;
  fullName: string;
  unitId: number;
  unitName: string;
  unionRole: string;
  confirmed: boolean;
  hasAccount: boolean;
}

async function population(
  db: Executor,
  assignmentId: number,
  day: string,
  followed: Expression<SqlBool>,
): Promise<Population[]> {
  const d = sql`${day}::date`;
  const result = await sql<Population>`
    with audience as (
      select distinct s.unit_id
      from study_assignment_units x, unit_subtree_at(x.unit_id, ${d}) s
      where x.assignment_id = ${assignmentId}
    )
    select p.id as "memberId", p.full_name as "fullName", m.unit_id as "unitId", v.name as "unitName",
      p.union_role as "unionRole",
      exists (
        select 1 from study_confirmations c
        where c.assignment_id = ${assignmentId} and c.member_id = p.id
          and (c.confirmed_at at time zone 'Asia/Ho_Chi_Minh')::date <= ${d}
      ) as confirmed,
      exists (select 1 from accounts ac where ac.member_id = p.id and ac.disabled_at is null) as "hasAccount"
    from memberships m
    join audience on audience.unit_id = m.unit_id
    join members p on p.id = m.member_id
    join units pu on pu.id = m.unit_id
    join unit_versions v on v.unit_id = m.unit_id and v.valid_from <= ${d} and (v.valid_to is null or v.valid_to > ${d})
    where m.valid_from <= ${d} and (m.valid_to is null or m.valid_to > ${d})
      and member_status_at(m.member_id, ${d}) = 'active'
      and ${followed}
    order by v.name collate "vi-VN-x-icu", p.given_name collate "vi-VN-x-icu", p.middle_name collate "vi-VN-x-icu",
      p.family_name collate "vi-VN-x-icu", p.id`.execute(db);
  return result.rows;
}

const rate = (confirmed: number, assigned: number) =>
  assigned === 0 ? null : Math.round((confirmed / assigned) * 1000) / 10;

export async function assignmentProgress(
  db: Executor,
  assignmentId: number,
  day: string,
  followed: Expression<SqlBool>,
): Promise<AssignmentProgress> {
  const people = await population(db, assignmentId, day, followed);
  const units = new Map<number, { unitId: number; unitName: string; assigned: number; confirmed: number }>();
  for (const person of people) {
    const row = units.get(person.unitId) ?? {
      unitId: person.unitId,
      unitName: person.unitName,
      assigned: 0,
      confirmed: 0,
    };
    row.assigned += 1;
    if (person.confirmed) row.confirmed += 1;
    units.set(person.unitId, row);
  }
  const assigned = people.length;
  const confirmed = people.filter((p) => p.confirmed).length;
  const reminder = await db
    .selectFrom('study_reminders')
    .select(['sent_at', 'member_ids'])
    .where('assignment_id', '=', assignmentId)
    .orderBy('sent_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return {
    day,
    total: { assigned, confirmed, rate: rate(confirmed, assigned) },
    units: [...units.values()].map((row) => ({ ...row, rate: rate(row.confirmed, row.assigned) })),
    lastReminder: reminder ? { at: reminder.sent_at.toISOString(), count: reminder.member_ids.length } : null,
  };
}

/** The members of the population on D who have not confirmed by then: the list a chair acts on. */
export async function pendingMembers(
  db: Executor,
  assignmentId: number,
  day: string,
  followed: Expression<SqlBool>,
): Promise<StudyPendingMember[]> {
  const people = await population(db, assignmentId, day, followed);
  return people.filter((person) => !person.confirmed).map(({ confirmed: _c, ...person }) => person);
}

/**
 * Confirmations per document, for the communication dashboard and the targets engine: for each
 * document given for study, how many assignments gave it and how many confirmations came from
 * members who stood, when confirming, in the unit's subtree (today's tree), in the year if given.
 */
export async function documentConfirmations(
  db: Executor,
  input: { unitId: number; year: number | null },
): Promise<{ documentId: number; number: string; title: string; assignments: number; confirmations: number }[]> {
  const from = input.year === null ? null : `${input.year}-01-01`;
  const to = input.year === null ? null : `${input.year + 1}-01-01`;
  const result = await sql<{
    documentId: number;
    number: string;
    title: string;
    assignments: number;
    confirmations: number;
  }>`
    with root as (select path from units where id = ${input.unitId}),
    confirmed as (
      select ad.document_id, count(*)::int as n
      from study_confirmations c
      join study_assignment_documents ad on ad.assignment_id = c.assignment_id
      join units cu on cu.id = c.unit_id
      where cu.path <@ (select path from root)
        and (${from}::date is null or (c.confirmed_at at time zone 'Asia/Ho_Chi_Minh')::date >= ${from}::date)
        and (${to}::date is null or (c.confirmed_at at time zone 'Asia/Ho_Chi_Minh')::date < ${to}::date)
      group by ad.document_id
    ),
    given as (
      select ad.document_id, count(distinct a.id)::int as n
      from study_assignments a
      join study_assignment_documents ad on ad.assignment_id = a.id
      join study_assignment_units x on x.assignment_id = a.id
      join units au on au.id = x.unit_id
      where (au.path <@ (select path from root) or au.path @> (select path from root))
        and (${from}::date is null or a.created_at >= (${from}::date::timestamp at time zone 'Asia/Ho_Chi_Minh'))
        and (${to}::date is null or a.created_at < (${to}::date::timestamp at time zone 'Asia/Ho_Chi_Minh'))
      group by ad.document_id
    )
    select d.id as "documentId", d.number, d.title, coalesce(g.n, 0) as assignments, coalesce(c.n, 0) as confirmations
    from documents d
    left join given g on g.document_id = d.id
    left join confirmed c on c.document_id = d.id
    where g.n is not null or c.n is not null
    order by coalesce(c.n, 0) desc, d.id`.execute(db);
  return result.rows;
}
