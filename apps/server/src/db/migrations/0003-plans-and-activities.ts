import { type Kysely, sql } from 'kysely';

/**
 * Plans with their targets and tasks (cascading from the province to every unit), activities
 * with attendance, the yearly cultural-movement evaluations, and figures entered by hand.
 *
 * Targets are data: what the progress engine computes is decided by the columns of `targets`,
 * never by code branches per target.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table plans (
      id bigint generated always as identity primary key,
      unit_id bigint not null references units(id),
      parent_plan_id bigint references plans(id),
      number text not null,
      title text not null,
      place text not null default '',
      signed_on date,
      term_start int not null,
      term_end int not null,
      status text not null default 'draft' check (status in ('draft', 'issued')),
      version int not null default 1,
      sections jsonb not null default '{}'::jsonb,
      signer_title text not null default '',
      signer_name text not null default '',
      issued_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (term_end >= term_start),
      unique (unit_id, parent_plan_id)
    );
    create index plans_parent on plans (parent_plan_id);
    create index plans_unit on plans (unit_id);

    -- Every issued version of a plan, frozen (sections, targets and tasks as they were).
    create table plan_versions (
      id bigint generated always as identity primary key,
      plan_id bigint not null references plans(id),
      version int not null,
      snapshot jsonb not null,
      reason text,
      issued_at timestamptz not null default now(),
      issued_by bigint references accounts(id),
      unique (plan_id, version)
    );

    create table targets (
      id bigint generated always as identity primary key,
      plan_id bigint not null references plans(id),
      parent_target_id bigint references targets(id),
      code text not null,
      title text not null,
      measure text not null check (measure in ('coverage', 'count', 'evaluation_share')),
      -- coverage: all_members | key_officials; evaluation_share: units | families; count: null
      population text check (population in ('all_members', 'key_officials', 'units', 'families')),
      categories text[] not null default '{}',
      -- count: activities organised by the plan's issuing unit ('issuer') or anywhere in the subtree ('subtree')
      organiser text check (organiser in ('issuer', 'subtree')),
      period text not null check (period in ('year', 'term', 'cycle2', 'cycle5')),
      -- percent (0-100) for coverage and evaluation_share; a number of activities for count
      threshold numeric not null check (threshold >= 0),
      sort_order int not null default 0,
      unique (plan_id, code)
    );
    create index targets_plan on targets (plan_id);

    create table tasks (
      id bigint generated always as identity primary key,
      plan_id bigint not null references plans(id),
      parent_task_id bigint references tasks(id),
      code text not null,
      title text not null,
      description text not null default '',
      sort_order int not null default 0,
      unique (plan_id, code)
    );

    create table activities (
      id bigint generated always as identity primary key,
      organising_unit_id bigint not null references units(id),
      category text not null check (category in (
        'study', 'training', 'law_outreach', 'culture_arts', 'sports', 'festival',
        'workers_month', 'support_visit', 'other')),
      title text not null,
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      place text not null default '',
      description text not null default '',
      checkin_code text unique,
      checkin_open_until timestamptz,
      created_by bigint references accounts(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (ends_at >= starts_at)
    );
    create index activities_unit_time on activities (organising_unit_id, starts_at);
    create index activities_category_time on activities (category, starts_at);

    create table activity_units (
      activity_id bigint not null references activities(id) on delete cascade,
      unit_id bigint not null references units(id),
      primary key (activity_id, unit_id)
    );
    create index activity_units_unit on activity_units (unit_id);

    create table activity_links (
      activity_id bigint not null references activities(id) on delete cascade,
      target_id bigint references targets(id),
      task_id bigint references tasks(id),
      check ((target_id is null) <> (task_id is null))
    );
    create unique index activity_links_target on activity_links (activity_id, target_id) where target_id is not null;
    create unique index activity_links_task on activity_links (activity_id, task_id) where task_id is not null;

    -- Who took part. The attended day is kept apart so coverage queries need no join to activities.
    create table attendances (
      activity_id bigint not null references activities(id) on delete cascade,
      member_id bigint not null references members(id),
      category text not null,
      attended_on date not null,
      source text not null check (source in ('roster', 'checkin', 'import')),
      recorded_at timestamptz not null default now(),
      primary key (activity_id, member_id)
    );
    create index attendances_member on attendances (member_id, category, attended_on);
    create index attendances_category_day on attendances (category, attended_on, member_id);

    create table activity_guests (
      id bigint generated always as identity primary key,
      activity_id bigint not null references activities(id) on delete cascade,
      name text not null,
      organisation text not null default ''
    );

    -- Yearly cultural-movement results of a unit: the unit's own title and its members' families.
    create table culture_evaluations (
      id bigint generated always as identity primary key,
      unit_id bigint not null references units(id),
      year int not null,
      unit_registered boolean not null default true,
      unit_achieved boolean,
      families_total int not null default 0 check (families_total >= 0),
      families_registered int not null default 0 check (families_registered >= 0),
      families_achieved int not null default 0 check (families_achieved >= 0),
      entered_by bigint references accounts(id),
      entered_at timestamptz not null default now(),
      confirmed_by bigint references accounts(id),
      confirmed_at timestamptz,
      check (families_achieved <= families_total and families_registered <= families_total),
      unique (unit_id, year)
    );

    -- A figure the system cannot know, entered with its evidence; always shown as entered by hand.
    create table manual_figures (
      id bigint generated always as identity primary key,
      target_id bigint not null references targets(id),
      unit_id bigint not null references units(id),
      period_start int not null,
      numerator numeric not null check (numerator >= 0),
      denominator numeric check (denominator > 0),
      evidence text not null,
      entered_by bigint references accounts(id),
      entered_at timestamptz not null default now(),
      unique (target_id, unit_id, period_start)
    );
  `.execute(db);
}
