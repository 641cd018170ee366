import type { Db } from '../database.js';
import type { Rng } from './random.js';

/**
 * The organisation as the demo activities see it: units with their lifetimes, and who was an
 * active member of which unit on any day. Read from the database after the organisation is
 * seeded, so activities and attendance always agree with memberships, transfers and mergers.
 */

export interface WorldUnit {
  id: number;
  name: string;
  kind: string;
  parentId: number | null;
  validFrom: string;
  validTo: string | null;
}

export interface WorldMember {
  id: number;
  unionRole: string;
  isKeyOfficial: boolean;
}

interface Stint {
  memberId: number;
  from: string;
  to: string | null;
}

export class DemoWorld {
  readonly root: WorldUnit;
  readonly grassroots: WorldUnit[];
  /** The province and the commune unions: offices with a few staff each. */
  readonly offices: WorldUnit[];
  private readonly stints = new Map<number, Stint[]>();
  private readonly statuses = new Map<number, { status: string; from: string }[]>();
  private readonly members = new Map<number, WorldMember>();

  constructor(
    readonly units: WorldUnit[],
    memberships: { member_id: number; unit_id: number; valid_from: string; valid_to: string | null }[],
    statuses: { member_id: number; status: string; valid_from: string }[],
    members: WorldMember[],
  ) {
    const root = units.find((unit) => unit.parentId === null);
    if (!root) throw new Error('demo organisation has no root');
    this.root = root;
    this.grassroots = units.filter((unit) => unit.kind === 'grassroots_union');
    this.offices = units.filter((unit) => unit.kind !== 'grassroots_union');
    for (const m of memberships) {
      const list = this.stints.get(m.unit_id) ?? [];
      list.push({ memberId: m.member_id, from: m.valid_from, to: m.valid_to });
      this.stints.set(m.unit_id, list);
    }
    for (const s of statuses) {
      const list = this.statuses.get(s.member_id) ?? [];
      list.push({ status: s.status, from: s.valid_from });
      this.statuses.set(s.member_id, list);
    }
    for (const member of members) this.members.set(member.id, member);
  }

  static async load(db: Db): Promise<DemoWorld> {
    const [units, memberships, statuses, members] = await Promise.all([
      db
        .selectFrom('units as u')
        .innerJoin('unit_kinds as k', 'k.id', 'u.kind_id')
        .select([
          'u.id',
          'u.name',
          'k.code as kind',
          'u.parent_id as parentId',
          'u.valid_from as validFrom',
          'u.valid_to as validTo',
        ])
        .orderBy('u.id')
        .execute(),
      db.selectFrom('memberships').select(['member_id', 'unit_id', 'valid_from', 'valid_to']).orderBy('id').execute(),
      db
        .selectFrom('member_statuses')
        .select(['member_id', 'status', 'valid_from'])
        .orderBy('member_id')
        .orderBy('valid_from')
        .orderBy('id')
        .execute(),
      db
        .selectFrom('members')
        .select(['id', 'union_role as unionRole', 'is_key_official as isKeyOfficial'])
        .orderBy('id')
        .execute(),
    ]);
    return new DemoWorld(units, memberships, statuses, members);
  }

  exists(unit: WorldUnit, day: string): boolean {
    return unit.validFrom <= day && (unit.validTo === null || unit.validTo > day);
  }

  member(id: number): WorldMember {
    const member = this.members.get(id);
    if (!member) throw new Error(`unknown member ${id}`);
    return member;
  }

  private activeOn(memberId: number, day: string): boolean {
    let status: string | null = null;
    for (const entry of this.statuses.get(memberId) ?? []) if (entry.from <= day) status = entry.status;
    return status === 'active';
  }

  /** Active members of the unit itself on `day` (not of the units under it). */
  membersOn(unitId: number, day: string): WorldMember[] {
    return (this.stints.get(unitId) ?? [])
      .filter((stint) => stint.from <= day && (stint.to === null || stint.to > day))
      .filter((stint) => this.activeOn(stint.memberId, day))
      .map((stint) => this.member(stint.memberId));
  }

  /** Everyone active in the whole organisation that day (the province's subtree). */
  everyoneOn(day: string): { unit: WorldUnit; members: WorldMember[] }[] {
    return this.units
      .filter((unit) => this.exists(unit, day))
      .map((unit) => ({ unit, members: this.membersOn(unit.id, day) }));
  }
}

const DAY_MS = 86_400_000;

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** A day in [from, to], moved off Sunday (union activities are held on working days and Saturdays). */
export function dayBetween(rng: Rng, from: string, to: string): string {
  const span = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
  const day = addDays(from, rng.int(0, Math.max(0, span)));
  return new Date(`${day}T00:00:00Z`).getUTCDay() === 0 && day > from ? addDays(day, -1) : day;
}
