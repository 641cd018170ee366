import type { CascadeItem, CascadeResponse, CascadeStatus } from '@lan-toa/contracts';
import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import { type Actor, scopeCondition } from '../../platform/access.js';
import type { PlanRecord } from './plans.repository.js';

type CascadeSort = 'status' | '-status' | 'unit' | '-unit' | 'issued' | '-issued';

const BY_NAME = sql`u.name collate "vi-VN-x-icu"`;
const STATUS_RANK = sql`case coalesce(b.status, 'none') when 'none' then 0 when 'draft' then 1 else 2 end`;
const ORDER: Record<CascadeSort, ReturnType<typeof sql>> = {
  status: sql`${STATUS_RANK}, ${BY_NAME}`,
  '-status': sql`${STATUS_RANK} desc, ${BY_NAME}`,
  unit: sql`${BY_NAME}, u.id`,
  '-unit': sql`${BY_NAME} desc, u.id`,
  issued: sql`b.issued_at nulls last, ${BY_NAME}`,
  '-issued': sql`b.issued_at desc nulls last, ${BY_NAME}`,
};

interface CascadeRow {
  unitId: number;
  unitName: string;
  kindName: string;
  parentUnitId: number | null;
  parentUnitName: string | null;
  depth: number;
  hasChildren: boolean;
  status: CascadeStatus;
  planId: number | null;
  planNumber: string | null;
  signedOn: string | null;
  issuedAt: Date | null;
}

/**
 * Every live unit below the issuing unit (intermediate unions and schools alike) with where its
 * own plan stands: none, draft or issued. A unit's plan counts whether it was built from this plan
 * directly or from a plan in between (a school building on its commune union's plan); an issued
 * one wins over a draft.
 */
export async function planCascade(
  db: Executor,
  actor: Actor,
  plan: PlanRecord,
  query: { status?: CascadeStatus | undefined; sort: CascadeSort },
): Promise<CascadeResponse> {
  const rootDepth = plan.unitPath.split('.').length;
  const result = await sql<CascadeRow>`
    with recursive family as (
      select id from plans where id = ${plan.id}
      union all
      select c.id from plans c join family f on c.parent_plan_id = f.id
    ),
    best as (
      select distinct on (p.unit_id) p.unit_id, p.id, p.status, p.number, p.signed_on, p.issued_at
      from family f join plans p on p.id = f.id
      where p.id <> ${plan.id}
      order by p.unit_id, (p.status = 'issued') desc, p.issued_at desc nulls last, p.id desc
    )
    select u.id as "unitId", u.name as "unitName", k.name as "kindName",
      u.parent_id as "parentUnitId", pu.name as "parentUnitName",
      nlevel(u.path) - ${rootDepth}::int as depth,
      exists (select 1 from units c where c.parent_id = u.id and c.valid_to is null) as "hasChildren",
      coalesce(b.status, 'none') as status, b.id as "planId", b.number as "planNumber",
      b.signed_on as "signedOn", b.issued_at as "issuedAt"
    from units u
    join unit_kinds k on k.id = u.kind_id
    left join units pu on pu.id = u.parent_id
    left join best b on b.unit_id = u.id
    where u.path <@ ${plan.unitPath}::ltree and u.id <> ${plan.unitId} and u.valid_to is null
      and ${scopeCondition(actor, 'view', 'u.path')}
    order by ${ORDER[query.sort]}
  `.execute(db);
  const all: CascadeItem[] = result.rows.map((row) => ({ ...row, issuedAt: row.issuedAt?.toISOString() ?? null }));
  const counts = { total: all.length, none: 0, draft: 0, issued: 0 };
  for (const item of all) counts[item.status] += 1;
  return {
    planId: plan.id,
    unitId: plan.unitId,
    unitName: plan.unitName,
    counts,
    items: query.status ? all.filter((item) => item.status === query.status) : all,
  };
}
