import { auditPage, auditQuery } from '@lan-toa/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { scopeCondition } from '../../platform/access.js';
import { requireActor } from '../../platform/auth-plugin.js';
import { assertCanViewAudit } from './audit.policy.js';

export const auditRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/audit',
    {
      schema: { tags: ['Nhật ký'], summary: 'Nhật ký thao tác', querystring: auditQuery, response: { 200: auditPage } },
    },
    async (request) => {
      const actor = requireActor(request);
      assertCanViewAudit(actor);
      const q = request.query;
      // Scoped by where the event's unit is in today's tree: a unit that moved takes its log along.
      let base = db
        .selectFrom('audit_events as e')
        .leftJoin('units as u', 'u.id', 'e.unit_id')
        .where(scopeCondition(actor, 'manageUnits', 'u.path'));
      if (q.action) base = base.where('e.action', 'like', `${q.action.replace(/[%_\\]/gu, (c) => `\\${c}`)}%`);
      if (q.entityType) base = base.where('e.entity_type', '=', q.entityType);
      if (q.entityId) base = base.where('e.entity_id', '=', q.entityId);
      if (q.from) base = base.where(sql<boolean>`e.occurred_at >= (${q.from}::date at time zone 'Asia/Ho_Chi_Minh')`);
      if (q.to) base = base.where(sql<boolean>`e.occurred_at < ((${q.to}::date + 1) at time zone 'Asia/Ho_Chi_Minh')`);
      const [rows, total] = await Promise.all([
        base
          .leftJoin('accounts as a', 'a.id', 'e.actor_account_id')
          .select([
            'e.id',
            'e.occurred_at',
            'e.actor_account_id',
            'a.display_name',
            'e.action',
            'e.entity_type',
            'e.entity_id',
            'e.unit_id',
            'e.before',
            'e.after',
          ])
          .orderBy('e.occurred_at', 'desc')
          .orderBy('e.id', 'desc')
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize)
          .execute(),
        base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
      ]);
      return {
        items: rows.map((row) => ({
          id: row.id,
          occurredAt: new Date(row.occurred_at).toISOString(),
          actorId: row.actor_account_id,
          actorName: row.display_name ?? null,
          action: row.action,
          entityType: row.entity_type,
          entityId: row.entity_id,
          unitId: row.unit_id,
          before: row.before ?? null,
          after: row.after ?? null,
        })),
        total: total.n,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  );
};
