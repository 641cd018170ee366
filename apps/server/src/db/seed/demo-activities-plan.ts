import type { ActivityAudience, ActivityCategory } from '@lan-toa/contracts';
import type { TopicDocumentJson } from '../schema.js';
import { conferenceTopics, STUDY_SLOTS } from './demo-activities-topics.js';
import { type DemoWorld, dayBetween, type WorldMember, type WorldUnit } from './demo-activities-world.js';
import { Rng } from './random.js';

/**
 * What the demo activities are: a pure plan computed from the organisation and today's date,
 * written to the database by demo-activities.ts. See there for the story it tells.
 */

const SEED = 20230101;
const FIRST_YEAR = 2023;
/** The province's trainings in the term: the first four that have happened (the fifth is still due). */
const TRAINING_DAYS = ['2023-10-14', '2024-04-20', '2025-03-22', '2026-03-21', '2025-10-18'];
const FESTIVAL_DAY = '2025-11-15';
const EVALUATION_YEARS = [2023, 2024, 2025];

export interface DemoActivity {
  organiserId: number;
  category: ActivityCategory;
  title: string;
  day: string;
  start: string;
  minutes: number;
  place: string;
  participants: number[];
  audience: ActivityAudience;
  attendees: number[];
  source: 'roster' | 'checkin' | 'import';
  guests: { name: string; organisation: string }[];
  /** Codes of the province plan's targets and tasks (linked when the plan is there). */
  targets: string[];
  tasks: string[];
  /** The resolutions, directives and laws a study session is about. */
  topics: TopicDocumentJson[];
}

/** Yearly events a school may hold: [category, window, title, share of members who come, task, target]. */
const SCHOOL_EVENTS: readonly {
  category: ActivityCategory;
  chance: number;
  from: string;
  to: string;
  title: (y: number) => string;
  rate: [number, number];
  tasks: string[];
  targets: string[];
}[] = [
  {
    category: 'culture_arts',
    chance: 0.25,
    from: '03-02',
    to: '03-07',
    title: (y) => `Hội thi cắm hoa chào mừng Ngày Quốc tế Phụ nữ 8/3/${y}`,
    rate: [0.5, 0.8],
    tasks: ['6'],
    targets: ['2.4a'],
  },
  {
    category: 'sports',
    chance: 0.35,
    from: '03-20',
    to: '03-28',
    title: (y) => `Giao lưu cầu lông, bóng chuyền hơi chào mừng Ngày Thể thao Việt Nam 27/3/${y}`,
    rate: [0.3, 0.6],
    tasks: ['6'],
    targets: ['2.4a'],
  },
  {
    category: 'workers_month',
    chance: 0.5,
    from: '05-06',
    to: '05-24',
    title: (y) => `Hưởng ứng Tháng Công nhân và Tháng hành động về an toàn, vệ sinh lao động năm ${y}`,
    rate: [0.7, 0.95],
    tasks: ['5'],
    targets: [],
  },
  {
    category: 'law_outreach',
    chance: 0.2,
    from: '10-20',
    to: '11-05',
    title: () => 'Tuyên truyền phòng, chống ma túy, tín dụng đen và bảo đảm an ninh mạng',
    rate: [0.7, 0.9],
    tasks: ['3'],
    targets: [],
  },
  {
    category: 'culture_arts',
    chance: 0.5,
    from: '11-12',
    to: '11-19',
    title: (y) => `Văn nghệ chào mừng Ngày Nhà giáo Việt Nam 20/11/${y}`,
    rate: [0.6, 0.9],
    tasks: ['6'],
    targets: ['2.4a'],
  },
];

const PROVINCE_HALL = 'Hội trường Công đoàn Giáo dục tỉnh Ninh Bình';
const LABOUR_FEDERATION = { name: 'Đại diện Ban Tuyên giáo', organisation: 'Liên đoàn Lao động tỉnh Ninh Bình' };

export class Planner {
  readonly activities: DemoActivity[] = [];
  private readonly rng = new Rng(SEED);
  readonly currentYear: number;
  /** Schools well under 95% this year; the first has held no study session yet. */
  readonly laggards: WorldUnit[];

  constructor(
    private readonly world: DemoWorld,
    readonly today: string,
  ) {
    this.currentYear = Number(today.slice(0, 4));
    const live = world.grassroots.filter((unit) => world.exists(unit, today));
    // The demo chair's school is one of them, so its dashboard has a to-do list to show.
    const demoSchool = live.filter((unit) => unit.name.includes('Lương Văn Tụy'));
    const others = this.rng.sample(
      live.filter((unit) => !demoSchool.includes(unit)),
      4 - demoSchool.length,
    );
    this.laggards = [others[0], ...demoSchool, ...others.slice(1)].filter((u): u is WorldUnit => u !== undefined);
  }

  private add(activity: Omit<DemoActivity, 'guests' | 'source' | 'topics'> & Partial<DemoActivity>): void {
    // Draw first, so what comes before today is the same whatever day the seed runs.
    const checkin = this.rng.chance(0.35);
    if (activity.day > this.today) return;
    const source = activity.day >= '2025' && checkin ? 'checkin' : 'roster';
    this.activities.push({ guests: [], source, topics: [], ...activity });
  }

  private time(): string {
    return this.rng.pick(['07:30', '08:00', '14:00', '14:30']);
  }

  private who(members: WorldMember[], rate: number, keyRate = rate): number[] {
    return members.filter((m) => this.rng.chance(m.isKeyOfficial ? keyRate : rate)).map((m) => m.id);
  }

  /** Each school's study sessions of a year; those who missed one mostly come to the next. */
  studies(unit: WorldUnit, year: number): void {
    const lagging = year === this.currentYear ? this.laggards.indexOf(unit) : -1;
    if (lagging === 0) return;
    const count = lagging > 0 ? 1 : this.rng.chance(0.25) ? 1 : this.rng.chance(0.75) ? 2 : 3;
    // The autumn session comes every year: it also reaches those who joined in the new school year.
    const [spring, , autumn] = STUDY_SLOTS;
    const slots = lagging > 0 ? [spring] : count === 1 ? [autumn] : count === 2 ? [spring, autumn] : STUDY_SLOTS;
    // One session has to reach nearly everyone; with more, those who missed one catch up.
    const rate = lagging > 0 ? this.rng.between(0.55, 0.75) : this.rng.between(count === 1 ? 0.95 : 0.85, 0.99);
    // Key officials almost always come, even where the school lags.
    const keyRate = lagging > 0 ? 0.9 : 0.98;
    const came = new Set<number>();
    let held = 0;
    for (const slot of slots) {
      if (!slot) continue;
      const day = dayBetween(this.rng, `${year}-${slot.from}`, `${year}-${slot.to}`);
      if (!this.world.exists(unit, day)) continue;
      const members = this.world.membersOn(unit.id, day);
      const attendees = members
        .filter((m) => this.rng.chance(held > 0 && !came.has(m.id) ? 0.85 : m.isKeyOfficial ? keyRate : rate))
        .map((m) => m.id);
      for (const id of attendees) came.add(id);
      held += 1;
      this.add({
        organiserId: unit.id,
        category: 'study',
        title: slot.title(year),
        day,
        start: this.time(),
        minutes: this.rng.int(120, 150),
        place: this.rng.pick(['Hội trường nhà trường', 'Phòng họp Hội đồng sư phạm']),
        participants: [unit.id],
        audience: 'all_members',
        attendees,
        targets: ['2.1a', '2.1b'],
        tasks: [slot.task],
        topics: slot.topics(year),
      });
    }
  }

  schoolEvents(unit: WorldUnit, year: number): void {
    for (const event of SCHOOL_EVENTS) {
      if (!this.rng.chance(event.chance)) continue;
      const day = dayBetween(this.rng, `${year}-${event.from}`, `${year}-${event.to}`);
      if (!this.world.exists(unit, day)) continue;
      const rate = this.rng.between(...event.rate);
      this.add({
        organiserId: unit.id,
        category: event.category,
        title: event.title(year),
        day,
        start: this.time(),
        minutes: this.rng.int(90, 180),
        place: event.category === 'sports' ? 'Sân thể thao nhà trường' : 'Hội trường nhà trường',
        participants: [unit.id],
        audience: 'all_members',
        attendees: this.who(this.world.membersOn(unit.id, day), rate),
        targets: event.targets,
        tasks: event.tasks,
      });
    }
  }

  /** The province's conference for key officials of every level (also briefs its own staff). */
  keyOfficialsConference(year: number): void {
    const day = dayBetween(this.rng, `${year}-02-24`, `${year}-03-04`);
    const attendees = this.world.everyoneOn(day).flatMap(({ unit, members }) =>
      unit.kind === 'grassroots_union'
        ? this.who(
            members.filter((m) => m.isKeyOfficial),
            0.9,
          )
        : this.who(members, 0.95),
    );
    this.add({
      organiserId: this.world.root.id,
      category: 'study',
      title: `Hội nghị học tập, quán triệt nghị quyết, chỉ thị cho cán bộ công đoàn chủ chốt năm ${year}`,
      day,
      start: '08:00',
      minutes: 210,
      place: PROVINCE_HALL,
      participants: [this.world.root.id],
      audience: 'key_officials',
      attendees,
      guests: [LABOUR_FEDERATION],
      targets: ['2.1a', '2.1b'],
      tasks: ['1'],
      topics: conferenceTopics(year),
    });
  }

  /** Province events for many schools: each sends a few people (officials to trainings). */
  provinceEvent(
    day: string,
    spec: Pick<DemoActivity, 'category' | 'title' | 'place' | 'audience' | 'targets' | 'tasks'> & {
      share: [number, number];
      perSchool: (members: WorldMember[]) => number[];
    },
  ): void {
    const schools = this.world.grassroots.filter((unit) => this.world.exists(unit, day));
    const chosen = this.rng.sample(schools, Math.round(schools.length * this.rng.between(...spec.share)));
    chosen.sort((a, b) => a.id - b.id);
    this.add({
      organiserId: this.world.root.id,
      day,
      start: '07:30',
      minutes: 33 * 60,
      participants: chosen.map((unit) => unit.id),
      attendees: chosen.flatMap((unit) => spec.perSchool(this.world.membersOn(unit.id, day))),
      guests: [LABOUR_FEDERATION],
      ...spec,
    });
  }

  provinceYear(year: number): void {
    this.keyOfficialsConference(year);
    const may = dayBetween(this.rng, `${year}-05-02`, `${year}-05-06`);
    this.add({
      organiserId: this.world.root.id,
      category: 'workers_month',
      title: `Lễ phát động Tháng Công nhân và Tháng hành động về an toàn, vệ sinh lao động năm ${year}`,
      day: may,
      start: '08:00',
      minutes: 120,
      place: PROVINCE_HALL,
      participants: [this.world.root.id],
      audience: 'key_officials',
      attendees: this.world.everyoneOn(may).flatMap(({ unit, members }) =>
        unit.kind === 'grassroots_union'
          ? this.who(
              members.filter((m) => m.unionRole === 'chair'),
              0.5,
            )
          : this.who(members, 0.9),
      ),
      targets: [],
      tasks: ['5'],
    });
    if (year < this.currentYear) {
      this.provinceEvent(dayBetween(this.rng, `${year}-03-18`, `${year}-03-25`), {
        category: 'sports',
        title: `Giải thể thao CBNGNLD ngành Giáo dục tỉnh Ninh Bình năm ${year} (cầu lông, bóng chuyền hơi)`,
        place: 'Nhà thi đấu thể thao tỉnh Ninh Bình',
        audience: 'all_members',
        targets: ['2.4a', '2.4c'],
        tasks: ['6'],
        share: [0.5, 0.7],
        perSchool: (members) => this.rng.sample(members, this.rng.int(3, 8)).map((m) => m.id),
      });
    }
  }

  trainings(): void {
    const days = TRAINING_DAYS.filter((day) => day <= this.today)
      .slice(0, 4)
      .sort();
    days.forEach((day, index) => {
      const year = Number(day.slice(0, 4));
      const second = days.slice(0, index).some((other) => other.startsWith(String(year)));
      this.provinceEvent(day, {
        category: 'training',
        title: `Tập huấn nghiệp vụ công tác tuyên giáo công đoàn năm ${year}${second ? ' (đợt 2)' : ''}`,
        place: PROVINCE_HALL,
        audience: 'key_officials',
        targets: ['2.2'],
        tasks: ['8'],
        share: [0.65, 0.8],
        perSchool: (members) => {
          const chair = members.filter((m) => m.unionRole === 'chair' && this.rng.chance(0.9));
          const vice = members.filter((m) => m.unionRole === 'vice_chair' && this.rng.chance(0.55));
          const sent = [...chair, ...vice];
          const fallback = members.find((m) => m.isKeyOfficial);
          return (sent.length > 0 ? sent : fallback ? [fallback] : []).map((m) => m.id);
        },
      });
    });
  }

  festival(): void {
    this.provinceEvent(FESTIVAL_DAY, {
      category: 'festival',
      title: 'Hội diễn văn nghệ CBNGNLD ngành Giáo dục tỉnh Ninh Bình năm 2025',
      place: 'Cung Văn hóa Lao động tỉnh Ninh Bình',
      audience: 'all_members',
      targets: ['2.4b'],
      tasks: ['6'],
      share: [0.4, 0.55],
      perSchool: (members) => this.rng.sample(members, this.rng.int(4, 10)).map((m) => m.id),
    });
  }

  plan(): DemoActivity[] {
    for (let year = FIRST_YEAR; year <= this.currentYear; year++) {
      this.provinceYear(year);
      for (const unit of this.world.grassroots) {
        this.studies(unit, year);
        this.schoolEvents(unit, year);
      }
    }
    this.trainings();
    this.festival();
    return this.activities;
  }

  /** Every school's yearly result: most meet the standard, families 90–99% recognised. */
  evaluations(now: Date) {
    const years = EVALUATION_YEARS.filter((year) => year < this.currentYear);
    const rows = years.flatMap((year) => {
      const schools = this.world.grassroots.filter((unit) => this.world.exists(unit, `${year}-12-31`));
      const pending = year === 2025 ? new Set(this.rng.sample(schools, 4).map((unit) => unit.id)) : new Set<number>();
      return schools.flatMap((unit) => {
        const total = this.world.membersOn(unit.id, `${year}-12-31`).length;
        if (total === 0) return [];
        const registered = total - (this.rng.chance(0.3) ? 1 : 0);
        const achieved = Math.min(registered, Math.round(total * this.rng.between(0.9, 0.99)));
        const entered = new Date(`${year + 1}-01-${String(this.rng.int(8, 20)).padStart(2, '0')}T09:00:00+07:00`);
        const confirmed = new Date(`${year + 1}-02-${String(this.rng.int(2, 20)).padStart(2, '0')}T10:00:00+07:00`);
        return [
          {
            unit_id: unit.id,
            year,
            unit_registered: true,
            unit_achieved: this.rng.chance(0.9),
            families_total: total,
            families_registered: registered,
            families_achieved: achieved,
            entered_at: entered < now ? entered : now,
            confirmed: !pending.has(unit.id) && confirmed < now ? confirmed : null,
          },
        ];
      });
    });
    return rows;
  }
}
