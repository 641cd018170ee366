import { checkinCodeParam, checkinPage, checkinResult } from '@lan-toa/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/database.js';
import { requireActor } from '../../platform/auth-plugin.js';
import { checkinState } from './activities.presenter.js';
import { findActivityByCode } from './activities.repository.js';
import { ACTIVITY_TAGS } from './activities.routes.js';
import { toVietnamIso } from './activity-time.js';
import { CHECKIN_CODE_UNKNOWN, checkIn, hasAttendance } from './attendance.commands.js';

const tags = ACTIVITY_TAGS;

/**
 * The member-facing side of check-in, behind the page `/checkin/<code>`. The code is the key:
 * the page shows what the activity is (title, time, place) to whoever holds it; recording
 * attendance needs the member to be signed in.
 */
export const checkinRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/checkin/:code',
    {
      schema: {
        tags,
        summary: 'Thông tin hoạt động cho trang điểm danh',
        params: checkinCodeParam,
        response: { 200: checkinPage },
      },
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (request) => {
      const activity = await findActivityByCode(db, request.params.code);
      if (!activity?.checkinOpensAt || !activity.checkinOpenUntil) throw CHECKIN_CODE_UNKNOWN();
      const memberId = request.actor?.memberId ?? null;
      return {
        activityId: activity.id,
        title: activity.title,
        category: activity.category,
        startsAt: toVietnamIso(activity.startsAt),
        endsAt: toVietnamIso(activity.endsAt),
        place: activity.place,
        organisingUnitName: activity.organisingUnitName,
        opensAt: toVietnamIso(activity.checkinOpensAt),
        openUntil: toVietnamIso(activity.checkinOpenUntil),
        state: checkinState(activity.checkinOpensAt, activity.checkinOpenUntil),
        checkedIn: memberId === null ? null : await hasAttendance(db, activity.id, memberId),
      };
    },
  );

  app.post(
    '/checkin/:code',
    {
      schema: {
        tags,
        summary: 'Tự điểm danh (đoàn viên đã đăng nhập)',
        description:
          'Ghi nhận tham gia nếu đang trong giờ điểm danh và bạn thuộc đơn vị được mời vào ngày diễn ra. Gửi hai ' +
          'lần vẫn tính một lần. 409 khi chưa mở hoặc đã đóng; 403 khi không được mời.',
        params: checkinCodeParam,
        response: { 200: checkinResult },
      },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (request) => {
      const result = await checkIn(db, requireActor(request), request.params.code);
      return {
        activityId: result.activity.id,
        title: result.activity.title,
        recordedAt: toVietnamIso(result.recordedAt),
        alreadyCheckedIn: result.alreadyCheckedIn,
      };
    },
  );
};
