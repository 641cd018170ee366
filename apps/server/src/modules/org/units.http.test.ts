import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.js';
import { as, kind, login, makeAccount, makeApp, makeMembers, makeTree, type Session } from '../../../test/factories.js';

const { db } = await testDatabase();
const app = await makeApp(db);

let tree: Awaited<ReturnType<typeof makeTree>>;
let provinceAdmin: Session;
let adminA: Session;
let system: Session;

beforeAll(async () => {
  tree = await makeTree(db);
  provinceAdmin = await login(app, await makeAccount(db, 'unit_admin', tree.province));
  adminA = await login(app, await makeAccount(db, 'unit_admin', tree.schoolA));
  system = await login(app, await makeAccount(db, 'system_admin', null));
});

type Node = { id: number; name: string; children: Node[]; memberCount: number };
const flatten = (nodes: Node[]): Node[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);

describe('units over HTTP', () => {
  it('gives each actor the tree from their own unit down', async () => {
    const fromProvince = (await as(app, provinceAdmin).get('/api/units/tree')).json() as Node[];
    expect(fromProvince.map((n) => n.id)).toEqual([tree.province]);
    expect(
      flatten(fromProvince)
        .map((n) => n.id)
        .sort(),
    ).toEqual(Object.values(tree).sort());
    const fromSchool = (await as(app, adminA).get('/api/units/tree')).json() as Node[];
    expect(flatten(fromSchool).map((n) => n.id)).toEqual([tree.schoolA]);
  });

  it('creates, renames, moves, merges and dissolves through the API; the past stays readable', async () => {
    const grassroots = await kind(db, 'grassroots_union');
    const created = await as(app, provinceAdmin).post('/api/units', {
      name: 'Công đoàn Trường Mầm non Sen Hồng',
      kindId: grassroots,
      parentId: tree.commune,
      validFrom: '2022-08-01',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(created.json().ancestors.map((a: { id: number }) => a.id)).toEqual([tree.province, tree.commune]);
    await makeMembers(db, id, ['Mai Thị Sen', 'Mai Thị Hồng'], '2022-09-01');

    const renamed = await as(app, provinceAdmin).post(`/api/units/${id}/rename`, {
      name: 'Công đoàn Trường Mầm non Sen',
      effectiveDate: '2024-01-01',
    });
    expect(renamed.json().name).toBe('Công đoàn Trường Mầm non Sen');
    const moved = await as(app, provinceAdmin).post(`/api/units/${id}/move`, {
      parentId: tree.province,
      effectiveDate: '2024-06-01',
    });
    expect(moved.json().parentId).toBe(tree.province);
    const merged = await as(app, provinceAdmin).post(`/api/units/${id}/merge`, {
      intoUnitId: tree.schoolC,
      effectiveDate: '2025-07-01',
    });
    expect(merged.statusCode).toBe(200);
    expect(merged.json().id).toBe(tree.schoolC);
    expect(merged.json().memberCount).toBe(2);

    const in2023 = (await as(app, provinceAdmin).get(`/api/units/${id}?at=2023-05-01`)).json();
    expect(in2023).toMatchObject({
      name: 'Công đoàn Trường Mầm non Sen Hồng',
      parentId: tree.commune,
      memberCount: 2,
      validTo: '2025-07-01',
      mergedIntoId: tree.schoolC,
    });
    const tree2023 = flatten((await as(app, provinceAdmin).get('/api/units/tree?at=2023-05-01')).json());
    expect(tree2023.find((n) => n.id === id)?.name).toBe('Công đoàn Trường Mầm non Sen Hồng');
    const history = (await as(app, provinceAdmin).get(`/api/units/${id}/history`)).json();
    expect(history.map((h: { name: string; parentId: number }) => [h.name, h.parentId])).toEqual([
      ['Công đoàn Trường Mầm non Sen Hồng', tree.commune],
      ['Công đoàn Trường Mầm non Sen', tree.commune],
      ['Công đoàn Trường Mầm non Sen', tree.province],
    ]);
    // A merged unit can be neither renamed nor dissolved again.
    const again = await as(app, provinceAdmin).post(`/api/units/${id}/dissolve`, { effectiveDate: '2025-08-01' });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('UNIT_INACTIVE');
  });

  it('gives Vietnamese 400s for bad dates and 409 for a unit that still has members', async () => {
    const bad = await as(app, provinceAdmin).post(`/api/units/${tree.schoolB}/dissolve`, {
      effectiveDate: '31/12/2024',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toEqual({
      field: 'body.effectiveDate',
      message: 'Ngày phải có dạng YYYY-MM-DD',
    });
    await makeMembers(db, tree.schoolB, ['Trịnh Văn Còn']);
    const busy = await as(app, provinceAdmin).post(`/api/units/${tree.schoolB}/dissolve`, {
      effectiveDate: '2025-01-01',
    });
    expect(busy.statusCode).toBe(409);
    expect(busy.json().error.message).toContain('1 đoàn viên');
  });

  it('a school admin may not rename their own school nor touch the province', async () => {
    expect(
      (
        await as(app, adminA).post(`/api/units/${tree.schoolA}/rename`, {
          name: 'Tự đổi tên',
          effectiveDate: '2024-01-01',
        })
      ).statusCode,
    ).toBe(403);
    expect((await as(app, adminA).get(`/api/units/${tree.province}`)).statusCode).toBe(404);
  });

  it('unit kinds are data: the system admin adds one, others may not', async () => {
    const added = await as(app, system).post('/api/unit-kinds', {
      code: 'cluster_union',
      name: 'Cụm công đoàn',
      sortOrder: 25,
    });
    expect(added.statusCode).toBe(201);
    const dup = await as(app, system).post('/api/unit-kinds', {
      code: 'cluster_union',
      name: 'Cụm công đoàn',
      sortOrder: 25,
    });
    expect(dup.statusCode).toBe(409);
    expect(
      (await as(app, provinceAdmin).post('/api/unit-kinds', { code: 'other_kind', name: 'Khác', sortOrder: 1 }))
        .statusCode,
    ).toBe(403);
    const kinds = (await as(app, adminA).get('/api/unit-kinds')).json();
    expect(kinds.map((k: { code: string }) => k.code)).toContain('cluster_union');
  });
});
