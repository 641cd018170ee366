import { type Kysely, sql } from 'kysely';

/**
 * Organisation tree with effective dates, members with memberships and status history,
 * accounts, sessions and the audit log.
 *
 * Tree: `units.path` is the unit's place in the tree today (ltree of unit ids; a merged unit
 * hangs under its survivor, so whoever manages the survivor sees its past). `unit_versions`
 * keeps every (name, parent, path) a unit had, each for a date range, so a question about
 * 2024 walks the 2024 tree with the same GiST-indexed `<@` test.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create extension if not exists ltree;
    create extension if not exists unaccent;
    create extension if not exists pg_trgm;
    create extension if not exists btree_gist;

    create table unit_kinds (
      id bigint generated always as identity primary key,
      code text not null unique,
      name text not null,
      sort_order int not null default 100
    );

    create table units (
      id bigint generated always as identity primary key,
      kind_id bigint not null references unit_kinds(id),
      name text not null,
      parent_id bigint references units(id),
      path ltree not null,
      valid_from date not null,
      valid_to date,
      merged_into_id bigint references units(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (valid_to is null or valid_to > valid_from)
    );
    create index units_path_gist on units using gist (path);
    create index units_parent on units (parent_id);
    create index units_merged_into on units (merged_into_id) where merged_into_id is not null;

    create table unit_versions (
      id bigint generated always as identity primary key,
      unit_id bigint not null references units(id),
      name text not null,
      parent_id bigint references units(id),
      path ltree not null,
      valid_from date not null,
      valid_to date,
      check (valid_to is null or valid_to > valid_from),
      exclude using gist (unit_id with =, daterange(valid_from, valid_to) with &&)
    );
    create index unit_versions_path_gist on unit_versions using gist (path);
    create index unit_versions_unit on unit_versions (unit_id, valid_from);

    create table members (
      id bigint generated always as identity primary key,
      full_name text not null,
      family_name text not null,
      middle_name text not null,
      given_name text not null,
      search_text text not null,
      contact_search text not null default '',
      gender text not null check (gender in ('male','female','other')),
      birth_date date,
      position text not null,
      union_role text not null,
      is_key_official boolean not null default false,
      union_joined_on date,
      status text not null default 'active' check (status in ('active','transferred','retired','left')),
      phone text unique,
      email text unique,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index members_search_trgm on members using gin (search_text gin_trgm_ops);
    create index members_contact_search_trgm on members using gin (contact_search gin_trgm_ops);
    create index members_sort on members (
      given_name collate "vi-VN-x-icu", middle_name collate "vi-VN-x-icu", family_name collate "vi-VN-x-icu", id
    );

    create table memberships (
      id bigint generated always as identity primary key,
      member_id bigint not null references members(id),
      unit_id bigint not null references units(id),
      valid_from date not null,
      valid_to date,
      end_reason text check (end_reason in ('transfer','merge','dissolve','status')),
      check (valid_to is null or valid_to > valid_from),
      exclude using gist (member_id with =, daterange(valid_from, valid_to) with &&)
    );
    create index memberships_unit_current on memberships (unit_id) where valid_to is null;
    create index memberships_unit_period on memberships using gist (unit_id, daterange(valid_from, valid_to));
    create unique index memberships_one_current on memberships (member_id) where valid_to is null;

    create table member_statuses (
      id bigint generated always as identity primary key,
      member_id bigint not null references members(id),
      status text not null check (status in ('active','transferred','retired','left')),
      valid_from date not null,
      note text,
      created_at timestamptz not null default now()
    );
    create index member_statuses_member on member_statuses (member_id, valid_from);

    create table accounts (
      id bigint generated always as identity primary key,
      display_name text not null,
      email text unique,
      phone text unique,
      member_id bigint unique references members(id),
      password_hash text not null,
      must_change_password boolean not null default false,
      failed_logins int not null default 0,
      locked_until timestamptz,
      disabled_at timestamptz,
      last_login_at timestamptz,
      password_changed_at timestamptz not null default now(),
      created_at timestamptz not null default now(),
      check (email is not null or phone is not null)
    );

    create table role_grants (
      id bigint generated always as identity primary key,
      account_id bigint not null references accounts(id) on delete cascade,
      role text not null check (role in ('system_admin','unit_admin','unit_editor','member')),
      unit_id bigint references units(id),
      check ((role = 'system_admin') = (unit_id is null)),
      unique (account_id, role, unit_id)
    );
    create index role_grants_account on role_grants (account_id);

    create table sessions (
      token_hash text primary key,
      account_id bigint not null references accounts(id) on delete cascade,
      csrf_token text not null,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null
    );
    create index sessions_account on sessions (account_id);

    create table audit_events (
      id bigint generated always as identity primary key,
      occurred_at timestamptz not null default now(),
      actor_account_id bigint references accounts(id),
      action text not null,
      entity_type text not null,
      entity_id bigint,
      unit_id bigint references units(id),
      before jsonb,
      after jsonb,
      ip text
    );
    create index audit_events_unit on audit_events (unit_id, occurred_at desc);
    create index audit_events_time on audit_events (occurred_at desc, id desc);
    create index audit_events_entity on audit_events (entity_type, entity_id);

    insert into unit_kinds (code, name, sort_order) values
      ('province_union', 'Công đoàn Giáo dục tỉnh', 10),
      ('commune_union', 'Công đoàn xã, phường', 20),
      ('grassroots_union', 'Công đoàn cơ sở', 30);
  `.execute(db);
}
