import { concernFiguresQuery, concernFiguresResponse } from '@lan-toa/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../../db/database.js';
import { requireActor } from '../../../platform/auth-plugin.js';
import { fieldError } from '../../../platform/errors.js';
import { concernFigures } from './figures.service.js';

export const figureRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/concerns/figures',
    {
      schema: {
        tags: ['Ý kiến, kiến nghị'],
        summary: 'Số liệu giải quyết ý kiến, kiến nghị',
        description:
          'Cho một đơn vị (cả cấp dưới) và các ý kiến gửi trong khoảng ngày: thời gian đến lần trả lời đầu và đến khi giải quyết ' +
          '(trung vị, giờ), tỉ lệ giải quyết đúng hạn, tỉ lệ phải chuyển cấp trên, mức hài lòng (điểm trung bình, số lượt). ' +
          'Theo từng đơn vị trực thuộc (cộng dồn cả cây, tính từ từng ý kiến) và theo lĩnh vực. Mẫu số bằng 0 cho null (hiển thị “—”). ' +
          'Chỉ người quản lý đơn vị hoặc cấp trên.',
        querystring: concernFiguresQuery,
        response: { 200: concernFiguresResponse },
      },
    },
    async (request) => {
      if (request.query.from > request.query.to) throw fieldError('to', 'Ngày kết thúc phải sau ngày bắt đầu');
      return concernFigures(db, requireActor(request), request.query);
    },
  );
};
