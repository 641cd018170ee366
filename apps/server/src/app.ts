import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config.js';
import type { Db } from './db/database.js';
import { accountRoutes } from './modules/access/accounts.routes.js';
import { activityRoutes } from './modules/activities/activities.routes.js';
import { attendanceRoutes } from './modules/activities/attendance.routes.js';
import { calendarRoutes } from './modules/activities/calendar.routes.js';
import { checkinRoutes } from './modules/activities/checkin.routes.js';
import { cultureRoutes } from './modules/activities/culture.routes.js';
import { activityFileRoutes } from './modules/activities/files.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { channelRoutes } from './modules/channels/channels.routes.js';
import { loadAttemptSecret } from './modules/contests/attempt-token.js';
import { contestRoutes } from './modules/contests/contests.routes.js';
import { playRoutes } from './modules/contests/play.routes.js';
import { questionRoutes } from './modules/contests/questions.routes.js';
import { resultRoutes } from './modules/contests/results.routes.js';
import { assignmentRoutes } from './modules/library/assignments.routes.js';
import { documentRoutes } from './modules/library/documents.routes.js';
import { newsRoutes } from './modules/news/news.routes.js';
import { notificationRoutes } from './modules/notifications/notifications.routes.js';
import { memberRoutes } from './modules/org/members.routes.js';
import { unitRoutes } from './modules/org/units.routes.js';
import { planRoutes } from './modules/plans/plans.routes.js';
import { progressRoutes } from './modules/plans/progress/progress.routes.js';
import { portalRoutes } from './modules/portal/portal.routes.js';
import { concernRoutes } from './modules/voice/concerns/concerns.routes.js';
import { infoReportRoutes } from './modules/voice/info-reports/info-reports.routes.js';
import { surveyRoutes } from './modules/voice/surveys/surveys.routes.js';
import { authPlugin, cookieSettings } from './platform/auth-plugin.js';
import { registerErrorHandler } from './platform/errors.js';
import { ensureQueues } from './platform/jobs.js';
import { contentSecurityPolicy, registerWebApp } from './platform/web.js';

z.config(z.locales.vi());

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** Builds the whole server without listening, so tests drive it with inject() or a real port. */
export async function buildApp(config: Config, db: Db): Promise<FastifyInstance> {
  // The modules' queues exist before any route can enqueue to them.
  await ensureQueues(db);
  const app = Fastify({
    // Believe exactly as many X-Forwarded-For hops as there are proxies, so clients cannot pick their address.
    trustProxy: config.trustProxy > 0 ? (_address: string, hop: number) => hop < config.trustProxy : false,
    bodyLimit: 1024 * 1024,
    logger: {
      level: config.logLevel,
      // No personal data in logs: paths without query strings, no headers, no bodies.
      serializers: {
        req: (req: { method: string; url: string; ip?: string }) => ({
          method: req.method,
          path: req.url.split('?')[0],
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  const cookie = cookieSettings(config.secureCookies);
  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    // CSP is set per response (index.html carries a nonce); API answers get the strictest one.
    contentSecurityPolicy: false,
    strictTransportSecurity: config.secureCookies,
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (!reply.hasHeader('content-security-policy') && !request.url.startsWith('/api/docs')) {
      reply.header('content-security-policy', contentSecurityPolicy('none'));
    }
    const type = reply.getHeader('content-type');
    if (typeof type === 'string' && type.startsWith('application/json') && !type.includes('charset')) {
      reply.header('content-type', 'application/json; charset=utf-8');
    }
    return payload;
  });
  await app.register(fastifyRateLimit, { global: false, hook: 'preHandler' });
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5 } });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Lan Tỏa API',
        version: '0.1.0',
        description:
          'API của Lan Tỏa. Xác thực bằng cookie phiên (POST /api/auth/login). Mọi yêu cầu ghi (POST, PATCH, DELETE) phải gửi header `x-csrf-token` lấy từ phản hồi đăng nhập hoặc GET /api/me. Lỗi luôn có dạng `{"error": {"code", "message", "details"}}`.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: cookie.name } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    // Swagger UI sets a few inline styles; allowed on the documentation pages only, never on the app.
    transformStaticCSP: (header) => header.replace("style-src 'self' https:", "style-src 'self' 'unsafe-inline'"),
  });
  await app.register(authPlugin, { db, cookie });
  await loadAttemptSecret(db);

  await app.register(
    async (api) => {
      api.get(
        '/health',
        {
          schema: {
            tags: ['Hệ thống'],
            summary: 'Tình trạng máy chủ',
            response: { 200: z.object({ status: z.literal('ok') }) },
          },
        },
        async () => {
          await db.selectNoFrom((eb) => eb.lit(1).as('one')).execute();
          return { status: 'ok' as const };
        },
      );
      await api.register(authRoutes, { db, cookie });
      await api.register(unitRoutes, { db });
      await api.register(memberRoutes, { db });
      await api.register(accountRoutes, { db });
      await api.register(auditRoutes, { db });
      await api.register(activityRoutes, { db });
      await api.register(attendanceRoutes, { db });
      await api.register(checkinRoutes, { db });
      await api.register(cultureRoutes, { db });
      await api.register(activityFileRoutes, { db });
      await api.register(calendarRoutes, { db });
      await api.register(progressRoutes, { db });
      await api.register(planRoutes, { db });
      await api.register(playRoutes, { db, cookie });
      await api.register(contestRoutes, { db });
      await api.register(questionRoutes, { db });
      await api.register(resultRoutes, { db });
      await api.register(channelRoutes, { db, config });
      await api.register(newsRoutes, { db });
      await api.register(notificationRoutes, { db, config });
      await api.register(documentRoutes, { db });
      await api.register(assignmentRoutes, { db });
      await api.register(surveyRoutes, { db });
      await api.register(infoReportRoutes, { db });
      await api.register(concernRoutes, { db, minUnitMembers: config.anonymousMinUnitMembers });
    },
    { prefix: '/api' },
  );
  // The public news portal (server-rendered HTML at /tin-tuc), before the web app's catch-all.
  await app.register(portalRoutes, { db, publicUrl: config.publicUrl });
  await registerWebApp(app, config.webDistDir);
  return app;
}
