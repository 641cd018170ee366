import type { ArticleStatus } from '@lan-toa/contracts';
import type { FastifyInstance } from 'fastify';
import { as, login, makeAccount, makeApp, makeMembers, makeTree, type Session } from '../../../test/factories.js';
import type { Db } from '../../db/database.js';

/** A province with schools, the newsroom's accounts, and a way to put an article in any status. */
export async function newsWorld(db: Db) {
  const app = await makeApp(db);
  const tree = await makeTree(db);
  const [memberId] = (await makeMembers(db, tree.schoolA, ['Phạm Thị Thu Hà'])) as [number];
  const accounts = {
    schoolEditor: await makeAccount(db, 'unit_editor', tree.schoolA),
    provinceEditor: await makeAccount(db, 'unit_editor', tree.province),
    otherSchoolAdmin: await makeAccount(db, 'unit_admin', tree.schoolB),
    communeEditor: await makeAccount(db, 'unit_editor', tree.commune),
    member: await makeAccount(db, 'member', tree.schoolA, { memberId }),
  };
  const sessions = {} as Record<keyof typeof accounts, Session>;
  for (const [key, account] of Object.entries(accounts)) {
    sessions[key as keyof typeof accounts] = await login(app, account);
  }
  const client = (who: keyof typeof accounts) => as(app, sessions[who]);
  return { app, tree, accounts, sessions, client };
}

export type NewsWorld = Awaited<ReturnType<typeof newsWorld>>;

let counter = 0;
/** An article written at `unitId` put straight into a status (set-up for policy tests). */
export async function articleIn(
  db: Db,
  world: { tree: { province: number } },
  unitId: number,
  status: ArticleStatus,
  authorAccountId: number | null = null,
): Promise<number> {
  counter += 1;
  const row = await db
    .insertInto('articles')
    .values({
      unit_id: unitId,
      publisher_unit_id: world.tree.province,
      title: `Tin thử ${counter}`,
      summary: 'Tóm tắt',
      body_html: '<p>Nội dung tin thử.</p>',
      category: 'hoat-dong-cong-doan',
      status,
      slug: `tin-thu-${counter}-${Date.now()}`,
      published_at: status === 'published' ? new Date() : null,
      author_account_id: authorAccountId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function createViaApi(
  app: FastifyInstance,
  session: Session,
  input: { unitId: number; title: string; bodyHtml?: string; summary?: string; category?: string },
) {
  const response = await as(app, session).post('/api/news/articles', {
    category: 'hoat-dong-cong-doan',
    summary: '',
    bodyHtml: '<p>Nội dung.</p>',
    ...input,
  });
  if (response.statusCode !== 201) throw new Error(`create: ${response.statusCode} ${response.body}`);
  return response.json() as { id: number; slug: string; abilities: Record<string, boolean> };
}
