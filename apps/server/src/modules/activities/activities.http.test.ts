import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.js';
import { login, makeAccount, makeApp, makeMembers, makeTree, type Session } from '../../../test/factories.js';
import { activityBody, client } from './activities.test-helpers.js';

const { db } = await testDatabase();
const app = await makeApp(db);

let tree: Awaited<ReturnType<typeof makeTree>>;
let editorA: Session;
let adminB: Session;
let memberA: Session;
let memberC: Session;
let provinceAdmin: Session;

beforeAll(async () => {
  tree = await makeTree(db);
  const [inA] = (await makeMembers(db, tree.schoolA, ['Nguyễn Văn Đức'])) as [number];
  const [inC] = (await makeMembers(db, tree.schoolC, ['Trần Thị Cúc'])) as [number];
  editorA = await login(app, await makeAccount(db, 'unit_editor', tree.schoolA));
  adminB = await login(app, await makeAccount(db, 'unit_admin', tree.schoolB));
  memberA = await login(app, await makeAccount(db, 'member', tree.schoolA, { memberId: inA }));
  memberC = await login(app, await makeAccount(db, 'member', tree.schoolC, { memberId: inC }));
  provinceAdmin = await login(app, await makeAccount(db, 'unit_admin', tree.province));
});

describe('activities over HTTP', () => {
  it('lets a school editor create, read, edit and delete their school’s activity', async () => {
    const created = await client(app, editorA).post('/api/activities', activityBody(tree.schoolA, '2024-10-05'));
    expect(created.statusCode).toBe(201);
    const activity = created.json();
    expect(activity).toMatchObject({
      category: 'study',
      startsAt: '2024-10-05T08:00:00+07:00',
      endsAt: '2024-10-05T10:00:00+07:00',
      day: '2024-10-05',
      audience: 'all_members',
      organisingUnit: { id: tree.schoolA },
      participatingUnits: [{ id: tree.schoolA }],
      abilities: { edit: true, manageAttendance: true },
      checkin: null,
    });
    expect(activity.createdBy.id).toBeGreaterThan(0);

    const edited = await client(app, editorA).patch(`/api/activities/${activity.id}`, {
      title: 'Tuyên truyền Bộ luật Lao động',
      startsAt: '2024-10-06T01:30:00Z',
      endsAt: '2024-10-06T03:30:00Z',
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      title: 'Tuyên truyền Bộ luật Lao động',
      startsAt: '2024-10-06T08:30:00+07:00',
      day: '2024-10-06',
    });

    const audit = await db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_type', '=', 'activity')
      .where('entity_id', '=', activity.id)
      .orderBy('id')
      .execute();
    expect(audit.map((row) => row.action)).toEqual(['activity.created', 'activity.updated']);

    expect((await client(app, memberA).delete(`/api/activities/${activity.id}`)).statusCode).toBe(403);
    expect((await client(app, editorA).delete(`/api/activities/${activity.id}`)).statusCode).toBe(204);
    expect((await client(app, editorA).get(`/api/activities/${activity.id}`)).statusCode).toBe(404);
  });

  it('keeps schools apart: no activity for another school, and another school’s activity is 404', async () => {
    const forB = await client(app, editorA).post('/api/activities', activityBody(tree.schoolB, '2024-10-05'));
    expect(forB.statusCode).toBe(404);
    expect(forB.json().error.code).toBe('UNIT_NOT_FOUND');

    const ofB = (await client(app, adminB).post('/api/activities', activityBody(tree.schoolB, '2024-11-02'))).json();
    expect((await client(app, editorA).get(`/api/activities/${ofB.id}`)).statusCode).toBe(404);
    expect((await client(app, editorA).patch(`/api/activities/${ofB.id}`, { title: 'Đổi tên' })).statusCode).toBe(404);
    expect((await client(app, editorA).delete(`/api/activities/${ofB.id}`)).statusCode).toBe(404);
    const listA = (await client(app, editorA).get('/api/activities')).json();
    expect(listA.items.map((item: { id: number }) => item.id)).not.toContain(ofB.id);
    expect((await client(app, provinceAdmin).get(`/api/activities/${ofB.id}`)).statusCode).toBe(200);

    const participatesB = await client(app, editorA).post(
      '/api/activities',
      activityBody(tree.schoolA, '2024-10-05', { participatingUnitIds: [tree.schoolA, tree.schoolB] }),
    );
    expect(participatesB.statusCode).toBe(400);
    expect(participatesB.json().error.details).toEqual([
      { field: 'participatingUnitIds.1', message: `Không tìm thấy đơn vị mã ${tree.schoolB}.` },
    ]);
  });

  it('lets members read their unit’s activities but not write', async () => {
    const own = (await client(app, editorA).post('/api/activities', activityBody(tree.schoolA, '2024-12-01'))).json();
    const read = await client(app, memberA).get(`/api/activities/${own.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().abilities).toEqual({ edit: false, manageAttendance: false });
    expect(
      (await client(app, memberA).post('/api/activities', activityBody(tree.schoolA, '2024-12-02'))).statusCode,
    ).toBe(403);
    expect((await client(app, memberA).patch(`/api/activities/${own.id}`, { title: 'Sửa' })).statusCode).toBe(403);
    expect((await client(app, memberC).get(`/api/activities/${own.id}`)).statusCode).toBe(404);
  });

  it('shows a province training to the schools taking part and to everyone below the province', async () => {
    const training = await client(app, provinceAdmin).post(
      '/api/activities',
      activityBody(tree.province, '2025-03-22', {
        category: 'training',
        title: 'Tập huấn nghiệp vụ công tác tuyên giáo công đoàn năm 2025',
        participatingUnitIds: [tree.schoolA, tree.schoolB],
        audience: 'key_officials',
      }),
    );
    expect(training.statusCode).toBe(201);
    const id = training.json().id;
    expect(
      training
        .json()
        .participatingUnits.map((u: { id: number }) => u.id)
        .sort(),
    ).toEqual([tree.schoolA, tree.schoolB].sort());
    const inA = (await client(app, editorA).get(`/api/activities?unitId=${tree.schoolA}&category=training`)).json();
    expect(inA.items.map((item: { id: number }) => item.id)).toEqual([id]);
    expect((await client(app, editorA).get(`/api/activities/${id}`)).json().abilities).toEqual({
      edit: false,
      manageAttendance: true,
    });
    // School C does not take part, yet the province's activities are public inside its tree.
    expect((await client(app, memberC).get(`/api/activities/${id}`)).statusCode).toBe(200);
    const inC = (await client(app, provinceAdmin).get(`/api/activities?unitId=${tree.schoolC}`)).json();
    expect(inC.items.map((item: { id: number }) => item.id)).not.toContain(id);
  });

  it('filters the list by dates and category, pages it, and searches titles without diacritics', async () => {
    const s = client(app, adminB);
    await s.post('/api/activities', activityBody(tree.schoolB, '2023-05-10', { category: 'workers_month' }));
    await s.post(
      '/api/activities',
      activityBody(tree.schoolB, '2023-05-20', { category: 'sports', title: 'Giải cầu lông' }),
    );
    await s.post('/api/activities', activityBody(tree.schoolB, '2023-06-01', { category: 'sports' }));
    const may = (await s.get(`/api/activities?unitId=${tree.schoolB}&from=2023-05-01&to=2023-05-31`)).json();
    expect(may.total).toBe(2);
    expect(may.items.map((i: { day: string }) => i.day)).toEqual(['2023-05-20', '2023-05-10']);
    const sports = (await s.get(`/api/activities?unitId=${tree.schoolB}&category=sports&pageSize=1&page=2`)).json();
    expect(sports).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(sports.items[0].day).toBe('2023-05-20');
    const search = (await s.get(`/api/activities?unitId=${tree.schoolB}&q=cau%20long`)).json();
    expect(search.items.map((i: { title: string }) => i.title)).toEqual(['Giải cầu lông']);
  });

  it('keeps the topic documents of an activity: created, read, replaced, audited', async () => {
    const s = client(app, editorA);
    const resolution = { title: 'Nghị quyết số 02-NQ/TW ngày 12/6/2021 của Bộ Chính trị', number: ' 02-NQ/TW ' };
    const created = await s.post(
      '/api/activities',
      activityBody(tree.schoolA, '2024-03-12', {
        topicDocuments: [resolution, { title: '  Luật Công đoàn năm 2024  ' }],
      }),
    );
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const first = [
      { title: 'Nghị quyết số 02-NQ/TW ngày 12/6/2021 của Bộ Chính trị', number: '02-NQ/TW' },
      { title: 'Luật Công đoàn năm 2024', number: '' },
    ];
    expect(created.json().topicDocuments).toEqual(first);
    expect((await client(app, memberA).get(`/api/activities/${id}`)).json().topicDocuments).toEqual(first);
    // Without the default, an activity has none.
    const plain = (await s.post('/api/activities', activityBody(tree.schoolA, '2024-03-13'))).json();
    expect(plain.topicDocuments).toEqual([]);

    // Another field only: the documents stay. Given: the list is replaced, in the order sent.
    expect((await s.patch(`/api/activities/${id}`, { place: 'Phòng họp' })).json().topicDocuments).toEqual(first);
    const second = [
      { title: 'Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị', number: '01-KL/TW' },
      { title: 'Luật Công đoàn năm 2024', number: '50/2024/QH15' },
    ];
    const replaced = await s.patch(`/api/activities/${id}`, { topicDocuments: second });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json().topicDocuments).toEqual(second);
    expect((await s.get(`/api/activities/${id}`)).json().topicDocuments).toEqual(second);
    expect((await s.patch(`/api/activities/${id}`, { topicDocuments: [] })).json().topicDocuments).toEqual([]);

    const audit = await db
      .selectFrom('audit_events')
      .select(['action', 'before', 'after'])
      .where('entity_type', '=', 'activity')
      .where('entity_id', '=', id)
      .orderBy('id')
      .execute();
    expect(audit.map((row) => row.action)).toEqual([
      'activity.created',
      'activity.updated',
      'activity.updated',
      'activity.updated',
    ]);
    expect(audit[0]?.after).toMatchObject({ topicDocuments: first });
    expect(audit[2]?.before).toMatchObject({ topicDocuments: first });
    expect(audit[2]?.after).toMatchObject({ topicDocuments: second });
    expect(audit[3]?.after).toMatchObject({ topicDocuments: [] });
  });

  it('describes topic documents in the OpenAPI document', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const create = doc.paths['/api/activities'].post;
    expect(create.description).toContain('topicDocuments');
    const body = create.requestBody.content['application/json'].schema;
    expect(body.properties.topicDocuments).toMatchObject({ type: 'array', maxItems: 20 });
    expect(doc.paths['/api/activities/{id}'].patch.description).toContain('topicDocuments');
  });

  it('refuses bad topic documents with Vietnamese field details and writes nothing', async () => {
    const s = client(app, editorA);
    const countActivities = async () =>
      Number(
        (
          await db
            .selectFrom('activities')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await countActivities();
    const blank = await s.post(
      '/api/activities',
      activityBody(tree.schoolA, '2024-03-14', {
        topicDocuments: [{ title: 'Luật Công đoàn năm 2024' }, { title: '   ', number: '02-NQ/TW' }],
      }),
    );
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'body.topicDocuments.1.title', message: 'Cần nhập tên tài liệu chủ đề' }],
    });
    const tooMany = await s.post(
      '/api/activities',
      activityBody(tree.schoolA, '2024-03-14', {
        topicDocuments: Array.from({ length: 21 }, (_, i) => ({ title: `Văn bản ${i + 1}` })),
      }),
    );
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.details).toEqual([
      { field: 'body.topicDocuments', message: 'Tối đa 20 tài liệu chủ đề' },
    ]);
    expect(await countActivities()).toBe(before);

    const kept = [{ title: 'Nghị quyết số 02-NQ/TW', number: '02-NQ/TW' }];
    const activity = (
      await s.post('/api/activities', activityBody(tree.schoolA, '2024-03-15', { topicDocuments: kept }))
    ).json();
    const longNumber = await s.patch(`/api/activities/${activity.id}`, {
      title: 'Tên mới không được lưu',
      topicDocuments: [{ title: 'Nghị quyết', number: 'x'.repeat(101) }, { title: 'y'.repeat(301) }],
    });
    expect(longNumber.statusCode).toBe(400);
    expect(longNumber.json().error.details).toEqual([
      { field: 'body.topicDocuments.0.number', message: 'Số, ký hiệu tài liệu tối đa 100 ký tự' },
      { field: 'body.topicDocuments.1.title', message: 'Tên tài liệu chủ đề tối đa 300 ký tự' },
    ]);
    const unchanged = (await s.get(`/api/activities/${activity.id}`)).json();
    expect(unchanged).toMatchObject({ title: activity.title, topicDocuments: kept });
    const events = await db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_type', '=', 'activity')
      .where('entity_id', '=', activity.id)
      .execute();
    expect(events.map((row) => row.action)).toEqual(['activity.created']);
    // The column itself takes nothing but an array.
    await expect(
      db.updateTable('activities').set({ topic_documents: '{"title": "x"}' }).where('id', '=', activity.id).execute(),
    ).rejects.toThrow(/activities_topic_documents_array/u);
  });

  it('answers bad input with 400 and Vietnamese field details', async () => {
    const s = client(app, editorA);
    const noOffset = await s.post(
      '/api/activities',
      activityBody(tree.schoolA, '2024-10-05', { startsAt: '2024-10-05 08:00', category: 'party' }),
    );
    expect(noOffset.statusCode).toBe(400);
    const fields = noOffset.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['body.startsAt', 'body.category']));

    const backwards = await s.post(
      '/api/activities',
      activityBody(tree.schoolA, '2024-10-05', { endsAt: '2024-10-05T07:00:00+07:00' }),
    );
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.details).toEqual([
      { field: 'body.endsAt', message: 'Thời điểm kết thúc phải sau thời điểm bắt đầu' },
    ]);

    const links = await s.post('/api/activities', activityBody(tree.schoolA, '2024-10-05', { taskIds: [987654] }));
    expect(links.statusCode).toBe(400);
    expect(links.json().error.details).toEqual([{ field: 'taskIds.0', message: 'Không tìm thấy nhiệm vụ mã 987654.' }]);

    const beforeFounded = await s.post('/api/activities', activityBody(tree.schoolA, '2019-05-01'));
    expect(beforeFounded.statusCode).toBe(400);
    expect(beforeFounded.json().error.details[0].field).toBe('organisingUnitId');

    const badDate = await s.post('/api/activities', activityBody(tree.schoolA, '2024-02-30'));
    expect(badDate.statusCode).toBe(400);
    expect((await s.get('/api/activities/abc')).statusCode).toBe(400);
    expect((await s.patch('/api/activities/99999999', { title: 'Không có' })).statusCode).toBe(404);
  });
});
