import {
  accountListQuery,
  accountView,
  createAccountBody,
  idParam,
  temporaryPasswordResponse,
  updateAccountBody,
} from '@lan-toa/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { requireActor } from '../../platform/auth-plugin.js';
import { createAccount, listAccounts, resetPassword, unlockAccount, updateAccount } from './accounts.service.js';

const tags = ['Tài khoản'];
const accountPage = z.object({
  items: z.array(accountView),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const accountRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/accounts',
    {
      schema: {
        tags,
        summary: 'Danh sách tài khoản trong phạm vi quản lý',
        querystring: accountListQuery,
        response: { 200: accountPage },
      },
    },
    async (request) => listAccounts(db, requireActor(request), request.query),
  );

  app.post(
    '/accounts',
    {
      schema: {
        tags,
        summary: 'Tạo tài khoản (trả về mật khẩu tạm một lần)',
        body: createAccountBody,
        response: { 201: temporaryPasswordResponse },
      },
    },
    async (request, reply) => reply.status(201).send(await createAccount(db, requireActor(request), request.body)),
  );

  app.patch(
    '/accounts/:id',
    {
      schema: {
        tags,
        summary: 'Đổi vai trò, khóa hoặc mở tài khoản',
        params: idParam,
        body: updateAccountBody,
        response: { 200: accountView },
      },
    },
    async (request) => updateAccount(db, requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/accounts/:id/reset-password',
    {
      schema: {
        tags,
        summary: 'Đặt lại mật khẩu (mật khẩu tạm, đổi khi đăng nhập)',
        params: idParam,
        response: { 200: temporaryPasswordResponse },
      },
    },
    async (request) => resetPassword(db, requireActor(request), request.params.id),
  );

  app.post(
    '/accounts/:id/unlock',
    {
      schema: {
        tags,
        summary: 'Mở khóa tài khoản bị khóa do đăng nhập sai',
        params: idParam,
        response: { 200: accountView },
      },
    },
    async (request) => unlockAccount(db, requireActor(request), request.params.id),
  );
};
