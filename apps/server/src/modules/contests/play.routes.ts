import {
  attemptResult,
  attemptView,
  idParam,
  myContestStatus,
  publicEntryInput,
  saveAnswerInput,
  saveExtrasInput,
  submitInput,
} from '@lan-toa/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { type CookieSettings, requireActor } from '../../platform/auth-plugin.js';
import { AppError } from '../../platform/errors.js';
import { myAttemptResult, myContestStatus as readMyStatus, resultView } from './attempt-result.js';
import { readAttemptToken } from './attempt-token.js';
import { saveAnswer, saveExtras, startAttempt, startMemberAttempt, submitAttempt } from './attempts.service.js';
import { CONTEST_NOT_FOUND } from './contests.policy.js';
import { findVisibleContest } from './contests.repository.js';
import { findMemberEntry, memberEntry } from './entries.js';
import { hasPublicEntries, publicEntryOf, registerPublicEntry } from './entries.public.js';
import { playRound } from './round-cache.js';

/**
 * Taking part. Starting needs the session (who is playing); saving and submitting need only the
 * attempt's token from the start answer, in the `x-attempt-token` header.
 */
const TAG = 'Cuộc thi trực tuyến — dự thi';
const attemptParams = z.object({ attemptId: z.coerce.number().int().positive() });
const roundParams = z.object({ roundId: z.coerce.number().int().positive() });
const saved = z.object({ saved: z.literal(true), savedAt: z.string() });

/**
 * The hot answers (a start, a submission) are written with JSON.stringify alone: their views are
 * built field by field in typed code, and re-checking a start's 20 questions against the schema
 * on every request cost the app process about a tenth of its time. The schemas still document
 * them, and the tests parse real answers with them (play.http.test.ts).
 */
const plainJson = () => (data: unknown) => JSON.stringify(data);

function tokenOf(headers: Record<string, unknown>, attemptId: number) {
  const header = headers['x-attempt-token'];
  const read = readAttemptToken(typeof header === 'string' ? header : undefined, attemptId);
  if (!read) throw new AppError('FORBIDDEN', 'Mã lượt thi không hợp lệ; hãy mở lại bài thi.');
  return read;
}

export const playRoutes: FastifyPluginAsyncZod<{ db: Db; cookie: CookieSettings }> = async (app, { db, cookie }) => {
  app.post(
    '/contests/rounds/:roundId/attempts',
    {
      schema: {
        tags: [TAG],
        summary: 'Bắt đầu (hoặc tiếp tục) một lượt thi',
        description:
          'Đoàn viên thuộc đối tượng dự thi bắt đầu lượt tiếp theo của vòng thi đang mở; nếu còn lượt đang làm dở thì nhận lại đúng lượt đó (cùng câu hỏi, câu trả lời đã lưu, hạn nộp). Câu hỏi được rút ngẫu nhiên theo chủ đề, mức độ; phương án được đảo thứ tự; đáp án không bao giờ được gửi. Trả về `token` dùng trong header `x-attempt-token` khi lưu câu trả lời và nộp bài. 403 NOT_IN_AUDIENCE, 409 ROUND_NOT_OPEN, 409 ATTEMPTS_EXHAUSTED.',
        params: roundParams,
        response: { 200: attemptView },
      },
      serializerCompiler: plainJson,
      config: {
        rateLimit: { max: 30, timeWindow: '1 minute', keyGenerator: (r) => `start:${r.actor?.accountId ?? r.ip}` },
      },
    },
    async (request) => {
      const round = await playRound(db, request.params.roundId);
      // Whoever cannot see the contest learns nothing about it (a draft is not there for players).
      if (round.contestStatus !== 'published') throw CONTEST_NOT_FOUND();
      const registered = round.audience === 'public' ? publicEntryOf(request, round.contestId) : null;
      let entryId: number;
      if (request.actor?.memberId != null) return startMemberAttempt(db, round, request.actor, request.ip);
      if (registered !== null) entryId = registered;
      else if (round.audience === 'public')
        throw new AppError(
          'UNAUTHENTICATED',
          'Hãy đăng ký dự thi (họ tên, đơn vị, số điện thoại) hoặc đăng nhập trước khi bắt đầu.',
        );
      else entryId = await memberEntry(db, round, requireActor(request));
      return startAttempt(db, round, entryId, request.ip);
    },
  );

  app.put(
    '/contests/attempts/:attemptId/answers',
    {
      schema: {
        tags: [TAG],
        summary: 'Lưu câu trả lời của một câu hỏi',
        description:
          'Lưu ngay khi người dự thi chọn (chọn lại thì thay thế; danh sách rỗng là bỏ chọn). Chỉ nhận khi lượt thi còn mở và chưa quá hạn theo đồng hồ máy chủ (409 ATTEMPT_CLOSED). Xác thực bằng header `x-attempt-token`.',
        params: attemptParams,
        body: saveAnswerInput,
        response: { 200: saved },
      },
      config: {
        tokenAuth: true,
        rateLimit: {
          max: 600,
          timeWindow: '1 minute',
          keyGenerator: (r) => `answer:${(r.params as { attemptId?: string }).attemptId}`,
        },
      },
    },
    async (request) => {
      const { roundId } = tokenOf(request.headers, request.params.attemptId);
      return saveAnswer(db, await playRound(db, roundId), request.params.attemptId, request.body);
    },
  );

  app.put(
    '/contests/attempts/:attemptId/extras',
    {
      schema: {
        tags: [TAG],
        summary: 'Lưu câu dự đoán và bài tự luận',
        params: attemptParams,
        body: saveExtrasInput,
        response: { 200: saved },
      },
      config: {
        tokenAuth: true,
        rateLimit: {
          max: 120,
          timeWindow: '1 minute',
          keyGenerator: (r) => `extras:${(r.params as { attemptId?: string }).attemptId}`,
        },
      },
    },
    async (request) => {
      const { roundId } = tokenOf(request.headers, request.params.attemptId);
      return saveExtras(db, await playRound(db, roundId), request.params.attemptId, request.body);
    },
  );

  app.post(
    '/contests/attempts/:attemptId/submit',
    {
      schema: {
        tags: [TAG],
        summary: 'Nộp bài',
        description:
          'Đóng và chấm lượt thi đúng một lần. Có thể gửi kèm các câu trả lời chưa kịp lưu (`answers`: mã câu hỏi → các phương án). Nộp lại (mạng chập chờn, bấm hai lần, hai thẻ trình duyệt) không tính thêm: trả về đúng kết quả của lần nộp đầu với `alreadyClosed: true`. Nộp sau hạn (quá vài giây dự phòng) thì chỉ tính các câu đã lưu trước hạn. Đáp án từng câu chỉ xem được khi vòng thi đã kết thúc và công bố kết quả.',
        params: attemptParams,
        body: submitInput,
        response: { 200: attemptResult },
      },
      serializerCompiler: plainJson,
      config: {
        tokenAuth: true,
        rateLimit: {
          max: 60,
          timeWindow: '1 minute',
          keyGenerator: (r) => `submit:${(r.params as { attemptId?: string }).attemptId}`,
        },
      },
    },
    async (request) => {
      const { roundId } = tokenOf(request.headers, request.params.attemptId);
      const round = await playRound(db, roundId);
      const { attempt, alreadyClosed } = await submitAttempt(
        db,
        round,
        request.params.attemptId,
        request.body,
        request.ip,
      );
      return resultView(attempt, alreadyClosed);
    },
  );

  app.get(
    '/contests/attempts/:attemptId',
    {
      schema: {
        tags: [TAG],
        summary: 'Kết quả một lượt thi của chính mình',
        description:
          'Điểm, số câu đúng, thời gian làm bài khi lượt đã đóng; khi vòng thi đã kết thúc và công bố kết quả thì kèm từng câu: đã chọn gì, đáp án đúng là gì.',
        params: attemptParams,
        response: { 200: attemptResult },
      },
    },
    async (request) => {
      const header = request.headers['x-attempt-token'];
      const holdsToken =
        readAttemptToken(typeof header === 'string' ? header : undefined, request.params.attemptId) !== null;
      const registeredEntry = (contestId: number) => publicEntryOf(request, contestId);
      if (!holdsToken && !request.actor && !hasPublicEntries(request)) requireActor(request);
      return myAttemptResult(db, request.actor, request.params.attemptId, { token: holdsToken, registeredEntry });
    },
  );

  app.get(
    '/contests/:id/me',
    {
      schema: {
        tags: [TAG],
        summary: 'Tình trạng dự thi của tôi',
        description: 'Mỗi vòng: số lượt đã dùng, lượt đang làm dở (nếu có) và kết quả các lượt.',
        params: idParam,
        response: { 200: myContestStatus },
      },
    },
    async (request) => {
      const contest = await findVisibleContest(db, request.actor, request.params.id);
      const entryId =
        request.actor?.memberId != null
          ? await findMemberEntry(db, contest.id, request.actor)
          : publicEntryOf(request, contest.id);
      if (entryId === null && !request.actor && contest.audience !== 'public') requireActor(request);
      return readMyStatus(db, contest.id, entryId);
    },
  );

  app.post(
    '/contests/:id/entries',
    {
      schema: {
        tags: [TAG],
        summary: 'Đăng ký dự thi (cuộc thi công khai)',
        description:
          'Người dự thi không có tài khoản đăng ký bằng họ tên, đơn vị, số điện thoại; mỗi số điện thoại một lần cho mỗi cuộc thi. Trình duyệt nhận cookie HttpOnly ghi nhận đăng ký, dùng để bắt đầu và tiếp tục lượt thi. Đăng ký lại cùng số điện thoại từ trình duyệt khác bị từ chối (409 DUPLICATE).',
        params: idParam,
        body: publicEntryInput,
        response: { 200: z.object({ entryId: z.number(), fullName: z.string(), alreadyRegistered: z.boolean() }) },
      },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const contest = await findVisibleContest(db, request.actor, request.params.id);
      return registerPublicEntry(db, request, reply, cookie.secure, contest, request.body);
    },
  );
};
