import { type CalendarItem, calendarQuery, calendarResponse } from '@lan-toa/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/database.js';
import { requireActor } from '../../platform/auth-plugin.js';
import { fieldError } from '../../platform/errors.js';
import { assertCanViewUnit } from '../org/org.policy.js';
import { findUnit } from '../org/units.repository.js';
import { listActivities } from './activities.repository.js';
import { toVietnamIso } from './activity-time.js';
import { planMoments } from './calendar-moments.js';

/** A calendar spans at most about three years: enough for any view, bounded for the database. */
const MAX_RANGE_DAYS = 3 * 366;

export const calendarRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/calendar',
    {
      schema: {
        tags: ['Lịch'],
        summary: 'Lịch: hoạt động và các mốc của kế hoạch',
        description:
          'Hoạt động do đơn vị `unitId`, cấp dưới hoặc cấp trên của nó tổ chức hoặc tham gia (trong phạm vi bạn ' +
          'được xem), cùng các mốc: Tháng Công nhân, 1/5, Tháng hành động ATVSLĐ, sơ kết giữa nhiệm kỳ (2026), tổng ' +
          'kết (2028).',
        querystring: calendarQuery,
        response: { 200: calendarResponse },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { unitId, from, to } = request.query;
      const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
      if (days > MAX_RANGE_DAYS) throw fieldError('to', 'Mỗi lần xem lịch tối đa 3 năm.');
      const unit = await findUnit(db, unitId);
      assertCanViewUnit(actor, unit);
      const { items } = await listActivities(
        db,
        actor,
        { unitPath: unit.path, includeAncestors: true, from, to },
        null,
      );
      const activities: CalendarItem[] = items.map((activity) => ({
        kind: 'activity',
        title: activity.title,
        start: toVietnamIso(activity.startsAt),
        end: toVietnamIso(activity.endsAt),
        allDay: false,
        activityId: activity.id,
        category: activity.category,
        unitName: activity.organisingUnitName,
      }));
      const all = [...planMoments(from, to), ...activities];
      // Dates and +07:00 date-times compare correctly as text.
      all.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
      return { from, to, items: all };
    },
  );
};
