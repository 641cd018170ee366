import { foldVietnamese } from '@lan-toa/contracts';
import { describe, expect, it } from 'vitest';
import { buildDemoOrganisation, type DemoEvent, type DemoMember } from './demo-data.js';

const org = buildDemoOrganisation();
const unitsByKey = new Map(org.units.map((u) => [u.key, u]));
const membersByKey = new Map(org.members.map((m) => [m.key, m]));
const grassroots = org.units.filter((u) => u.kindCode === 'grassroots_union');
const communes = org.units.filter((u) => u.kindCode === 'commune_union');
const KEY_ROLES = ['chair', 'vice_chair', 'committee_member', 'inspection_chair'];

function membersOf(unitKey: string): DemoMember[] {
  return org.members.filter((m) => m.unitKey === unitKey);
}

function member(key: string): DemoMember {
  const found = membersByKey.get(key);
  if (!found) throw new Error(`Unknown member ${key}`);
  return found;
}

/** Replays the events; returns where each member ends up and whether they are still active. */
function applyEvents(events: readonly DemoEvent[]) {
  const state = new Map(org.members.map((m) => [m.key, { unitKey: m.unitKey, active: true }]));
  const closed = new Map<string, string>();
  for (const event of events) {
    if (event.type === 'transfer') {
      const s = state.get(event.memberKey);
      expect(s?.active).toBe(true);
      expect(closed.has(event.toUnitKey)).toBe(false);
      if (s) s.unitKey = event.toUnitKey;
    } else if (event.type === 'status') {
      const s = state.get(event.memberKey);
      expect(s?.active).toBe(true);
      if (s) s.active = false;
    } else if (event.type === 'merge') {
      for (const s of state.values()) if (s.active && s.unitKey === event.unitKey) s.unitKey = event.intoUnitKey;
      closed.set(event.unitKey, event.date);
    } else {
      const remaining = [...state.values()].filter((s) => s.active && s.unitKey === event.unitKey);
      expect(remaining).toEqual([]);
      closed.set(event.unitKey, event.date);
    }
  }
  return state;
}

describe('buildDemoOrganisation', () => {
  it('is deterministic', () => {
    expect(buildDemoOrganisation()).toEqual(org);
    expect(buildDemoOrganisation(20240122)).toEqual(org);
    expect(buildDemoOrganisation(7)).not.toEqual(org);
  });

  it('builds the unit tree', () => {
    const root = unitsByKey.get('province');
    expect(root).toMatchObject({
      name: 'Công đoàn Giáo dục tỉnh Ninh Bình',
      kindCode: 'province_union',
      parentKey: null,
      validFrom: '2013-01-01',
    });
    expect(org.units.filter((u) => u.parentKey === null)).toHaveLength(1);
    expect(new Set(org.units.map((u) => u.key)).size).toBe(org.units.length);
    expect(new Set(org.units.map((u) => u.name)).size).toBe(org.units.length);
    expect(grassroots.length).toBeGreaterThanOrEqual(35);
    expect(grassroots.length).toBeLessThanOrEqual(45);
    expect(grassroots.filter((u) => u.parentKey === 'province').length).toBeGreaterThanOrEqual(12);
    expect(grassroots.filter((u) => u.parentKey === 'province').length).toBeLessThanOrEqual(15);
    expect(communes.length).toBeGreaterThanOrEqual(4);
    expect(communes.length).toBeLessThanOrEqual(6);
    for (const commune of communes) {
      expect(commune.parentKey).toBe('province');
      const children = org.units.filter((u) => u.parentKey === commune.key);
      expect(children.length).toBeGreaterThanOrEqual(3);
      expect(children.length).toBeLessThanOrEqual(5);
      expect(children.every((u) => u.kindCode === 'grassroots_union')).toBe(true);
    }
    for (const unit of org.units) {
      expect(unit.key).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(unit.validFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (unit.parentKey !== null) {
        const parent = unitsByKey.get(unit.parentKey);
        expect(parent, unit.key).toBeDefined();
        expect(unit.validFrom >= (parent?.validFrom ?? '')).toBe(true);
      }
    }
    expect(unitsByKey.get('thpt-luong-van-tuy')?.name).toBe('Công đoàn Trường THPT Chuyên Lương Văn Tụy');
  });

  it('has realistic member counts', () => {
    expect(org.members.length).toBeGreaterThanOrEqual(1500);
    expect(org.members.length).toBeLessThanOrEqual(2000);
    for (const unit of grassroots) {
      expect(membersOf(unit.key).length, unit.key).toBeGreaterThanOrEqual(20);
      expect(membersOf(unit.key).length, unit.key).toBeLessThanOrEqual(70);
    }
    for (const unit of [...communes, unitsByKey.get('province')]) {
      expect(membersOf(unit?.key ?? '').length).toBeGreaterThanOrEqual(3);
    }
    const femaleShare = org.members.filter((m) => m.gender === 'female').length / org.members.length;
    expect(femaleShare).toBeGreaterThanOrEqual(0.6);
    expect(femaleShare).toBeLessThanOrEqual(0.7);
    const teachers = org.members.filter((m) => m.position === 'teacher').length / org.members.length;
    expect(teachers).toBeGreaterThan(0.6);
  });

  it('gives unique keys, phones and emails', () => {
    expect(new Set(org.members.map((m) => m.key)).size).toBe(org.members.length);
    const phones = org.members.flatMap((m) => (m.phone === null ? [] : [m.phone]));
    const emails = org.members.flatMap((m) => (m.email === null ? [] : [m.email]));
    expect(new Set(phones).size).toBe(phones.length);
    expect(new Set(emails).size).toBe(emails.length);
    expect(phones.length / org.members.length).toBeGreaterThan(0.85);
    expect(phones.length / org.members.length).toBeLessThan(0.95);
    expect(emails.length / org.members.length).toBeGreaterThan(0.6);
    expect(emails.length / org.members.length).toBeLessThan(0.8);
    for (const phone of phones) expect(phone).toMatch(/^0[39]\d{8}$/);
    for (const email of emails) expect(email).toMatch(/^[a-z0-9.]+@ninhbinh\.edu\.vn$/);
  });

  it('gives every grassroots union one chair and the right officials', () => {
    for (const unit of grassroots) {
      const roles = membersOf(unit.key).map((m) => m.unionRole);
      const count = (role: string) => roles.filter((r) => r === role).length;
      expect(count('chair'), unit.key).toBe(1);
      expect(count('vice_chair'), unit.key).toBe(1);
      expect(count('committee_member'), unit.key).toBeGreaterThanOrEqual(2);
      expect(count('committee_member'), unit.key).toBeLessThanOrEqual(4);
      expect(count('inspection_chair'), unit.key).toBeLessThanOrEqual(1);
      expect(count('group_leader'), unit.key).toBeGreaterThanOrEqual(1);
    }
    for (const m of org.members) expect(m.isKeyOfficial, m.key).toBe(KEY_ROLES.includes(m.unionRole));
  });

  it('uses valid dates', () => {
    for (const m of org.members) {
      expect(m.birthDate >= '1966-01-01' && m.birthDate <= '2001-12-31', m.key).toBe(true);
      const age22 = `${Number(m.birthDate.slice(0, 4)) + 22}${m.birthDate.slice(4)}`;
      expect(m.unionJoinedOn > age22, m.key).toBe(true);
      expect(m.unionJoinedOn <= '2025-09-01', m.key).toBe(true);
      expect(m.joinedUnitOn >= '2010-08-15' && m.joinedUnitOn <= '2025-09-05', m.key).toBe(true);
      expect(m.joinedUnitOn >= m.unionJoinedOn, m.key).toBe(true);
      expect(m.joinedUnitOn >= (unitsByKey.get(m.unitKey)?.validFrom ?? ''), m.key).toBe(true);
    }
  });

  it('uses NFC Vietnamese names, with look-alikes for search', () => {
    for (const text of [...org.units.map((u) => u.name), ...org.members.map((m) => m.fullName)]) {
      expect(text).toBe(text.normalize('NFC'));
      expect(text).toBe(text.trim());
    }
    for (const m of org.members) expect(m.fullName.split(' ').length).toBeGreaterThanOrEqual(3);
    const duc = org.members.filter((m) => m.fullName === 'Nguyễn Văn Đức');
    expect(duc.length).toBeGreaterThanOrEqual(1);
    expect(duc[0]?.gender).toBe('male');
    expect(org.members.filter((m) => foldVietnamese(m.fullName) === 'nguyen van duc').length).toBeGreaterThan(1);
    expect(org.members.some((m) => /[đĐ]/u.test(m.fullName))).toBe(true);
    const hung = org.members.filter((m) => m.fullName === 'Nguyễn Thị Hưng');
    expect(hung).toHaveLength(1);
    expect(hung[0]).toMatchObject({ unitKey: 'province', gender: 'female', unionRole: 'vice_chair' });
    const nguyen = org.members.filter((m) => m.fullName.startsWith('Nguyễn ')).length / org.members.length;
    expect(nguyen).toBeGreaterThan(0.25);
    expect(nguyen).toBeLessThan(0.5);
  });

  it('names the demo accounts', () => {
    expect(org.unitAdmin.unitKey).toBe('thpt-luong-van-tuy');
    const admin = member(org.unitAdmin.memberKey);
    expect(admin).toMatchObject({ unitKey: 'thpt-luong-van-tuy', unionRole: 'chair' });
    const account = member(org.memberAccount.memberKey);
    expect(account).toMatchObject({ unitKey: 'thpt-luong-van-tuy', unionRole: 'member' });
    expect(account.phone).not.toBeNull();
    expect(account.email).not.toBeNull();
    const touched = new Set(org.events.flatMap((e) => ('memberKey' in e ? [e.memberKey] : [])));
    expect(touched.has(admin.key)).toBe(false);
    expect(touched.has(account.key)).toBe(false);
  });

  it('has events that reference existing keys, in date order', () => {
    const dates = org.events.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
    for (const event of org.events) {
      expect(event.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (event.type === 'transfer') {
        const m = member(event.memberKey);
        expect(unitsByKey.get(event.toUnitKey)?.kindCode).toBe('grassroots_union');
        expect(event.toUnitKey).not.toBe(m.unitKey);
        expect(event.date > m.joinedUnitOn, m.key).toBe(true);
        expect(event.date >= '2024-01-01' && event.date <= '2025-12-31').toBe(true);
      } else if (event.type === 'status') {
        const m = member(event.memberKey);
        expect(['retired', 'left']).toContain(event.status);
        expect(event.date > m.joinedUnitOn, m.key).toBe(true);
        expect(event.date >= '2024-01-01' && event.date <= '2026-12-31').toBe(true);
      } else if (event.type === 'merge') {
        expect(unitsByKey.has(event.unitKey)).toBe(true);
        expect(unitsByKey.has(event.intoUnitKey)).toBe(true);
      } else {
        expect(unitsByKey.has(event.unitKey)).toBe(true);
      }
    }
    const eventMembers = org.events.flatMap((e) => ('memberKey' in e ? [e.memberKey] : []));
    expect(new Set(eventMembers).size).toBe(eventMembers.length);
    const statuses = org.events.filter((e) => e.type === 'status');
    expect(statuses.length).toBeGreaterThanOrEqual(8);
    expect(statuses.length).toBeLessThanOrEqual(12);
  });

  it('merges two primary schools of one commune union, the smaller into the larger', () => {
    const merges = org.events.filter((e) => e.type === 'merge');
    expect(merges).toHaveLength(1);
    const [merge] = merges;
    expect(merge?.date).toBe('2025-07-01');
    const from = unitsByKey.get(merge?.unitKey ?? '');
    const into = unitsByKey.get(merge?.intoUnitKey ?? '');
    expect(from?.kindCode).toBe('grassroots_union');
    expect(from?.parentKey).toBe(into?.parentKey);
    expect(communes.map((c) => c.key)).toContain(from?.parentKey);
    expect(from?.name).toContain('Tiểu học');
    expect(into?.name).toContain('Tiểu học');
    expect(membersOf(from?.key ?? '').length).toBeLessThan(membersOf(into?.key ?? '').length);
    for (const m of membersOf(from?.key ?? '')) expect(m.joinedUnitOn < '2025-07-01').toBe(true);
  });

  it('dissolves one grassroots union after moving all its members out', () => {
    const dissolves = org.events.filter((e) => e.type === 'dissolve');
    expect(dissolves).toHaveLength(1);
    const [dissolve] = dissolves;
    expect(dissolve?.date).toBe('2025-08-31');
    const unitKey = dissolve?.unitKey ?? '';
    expect(unitsByKey.get(unitKey)?.kindCode).toBe('grassroots_union');
    const leaving = org.events.filter((e) => e.type === 'transfer' && member(e.memberKey).unitKey === unitKey);
    expect(leaving).toHaveLength(membersOf(unitKey).length);
    for (const e of leaving) expect(e.date < '2025-08-31').toBe(true);
    const regular = org.events.filter((e) => e.type === 'transfer').length - leaving.length;
    expect(regular).toBeGreaterThanOrEqual(10);
    expect(regular).toBeLessThanOrEqual(20);

    const state = applyEvents(org.events);
    const left = [...state.values()].filter((s) => s.active && s.unitKey === unitKey);
    expect(left).toEqual([]);
    const merged = org.events.find((e) => e.type === 'merge');
    const stillInMerged = [...state.values()].filter((s) => s.unitKey === (merged?.type === 'merge' && merged.unitKey));
    expect(stillInMerged).toEqual([]);
  });
});
