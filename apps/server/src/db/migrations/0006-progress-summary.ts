import { type Kysely, sql } from 'kysely';

/**
 * What the progress engine needs to answer a dashboard in milliseconds at national size
 * (40,000 units, 1.7 million members, tens of millions of attendances). See BENCHMARKS.md.
 * Every figure stays exactly what the first engine computed: progress.equivalence.test.ts keeps
 * that engine as a reference and compares, and checks the summary against a rebuild.
 *
 * 1. `unit_line` returns exactly what it returned, with a plan that starts from the merged units
 *    (few) instead of walking every version under the line (all of them, for a national root).
 *    The added test — the line unit is one of the labels of the survivor's path — follows from
 *    the old one: a path always ends with its own unit's id, so `sv.path <@ lv.path` implies it.
 * 2. Indexes for the engine's lookups: the units under a unit on a day, a year's activities of
 *    some categories with their organisers, each unit's latest confirmed evaluation (index-only).
 * 3. Where a unit sits: `progress_unit_ancestors` (the current tree's ancestors, kept by a trigger
 *    on unit_versions) and `progress_tree.changed_on` (the tree's last change). From that day on
 *    the tree of any day is the current one, so `progress_placement` reads each unit's bucket
 *    from one index range; before it, it computes it (only units under a merger still to come
 *    go through `unit_subtree_at` and the line rules). `progress_activity_counts` counts events
 *    with it. Both are plpgsql, so their plans are prepared once per connection.
 * 4. A coverage summary kept by triggers, in the same statement as the change:
 *    - `progress_member_spells`: when each member was active (status 'active') in which unit —
 *      memberships cut by the status history, with the member's key-official flag;
 *    - `progress_member_years`: how many attendances each member has per year and category;
 *    - `progress_unit_steps`: per unit, year and category ('' for everyone), the number of
 *      members and of key officials active in the unit — of those who attended that category
 *      that year, or of everyone — as a step function over the days of that year.
 *    A coverage figure for a year and one category is then, per unit, the step that contains
 *    the reference day: a few rows per unit instead of a pass over every member and attendance.
 *    Steps are kept for the years of the plans' terms (`progress_years`), registered when a plan
 *    is written; the engine computes any other year, or a target over several categories or
 *    years, from the records. Concurrent writers refresh the same unit-year in turn (an advisory
 *    lock, taken in a fixed order within a statement; under READ COMMITTED the second recomputes
 *    from a snapshot that includes the first). `progress_rebuild()` builds everything from scratch.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create or replace function unit_line(root bigint) returns table (unit_id bigint, until date)
    language sql stable as $$
      with recursive merged as materialized (
        -- Every merged unit, with its survivor's path on the day of the merger and that path's labels.
        select m.id, m.valid_to, sv.path, l.label
        from units m
        join unit_versions sv on sv.unit_id = m.merged_into_id
          and sv.valid_from <= m.valid_to and (sv.valid_to is null or sv.valid_to > m.valid_to)
        cross join lateral unnest(string_to_array(sv.path::text, '.')::bigint[]) l(label)
        where m.merged_into_id is not null
      ),
      line(unit_id, until) as (
        select root, null::date
        union
        select m.id, m.valid_to
        from line l
        -- The merged units whose survivor's path holds this unit, looked up per unit of the line
        -- (offset 0 keeps the planner from turning it into a scan of every merged unit per step).
        cross join lateral (select mm.id, mm.valid_to, mm.path from merged mm where mm.label = l.unit_id offset 0) m
        join unit_versions lv on lv.unit_id = l.unit_id
          and lv.valid_from <= m.valid_to and (lv.valid_to is null or lv.valid_to > m.valid_to)
        where m.path <@ lv.path
      )
      select unit_id, min(until) from line group by unit_id
    $$;

    create index unit_versions_parent on unit_versions (parent_id, valid_from);
    -- Counts of a year's activities by category read the organiser from the index alone.
    drop index activities_category_time;
    create index activities_category_time on activities (category, starts_at) include (organising_unit_id);
    -- Each unit's latest confirmed evaluation in a range of years, from the index alone.
    create index culture_evaluations_confirmed on culture_evaluations (unit_id, year)
      include (unit_achieved, families_total, families_achieved) where confirmed_at is not null;

    -- The tree as it stands (the open versions), as (unit, ancestor, the unit right under the ancestor
    -- on its path), and the last day on which the tree changed. From that day on, the tree of any day
    -- is this one, and no merger is still to come: placing a unit under a root is one index lookup.
    create table progress_unit_ancestors (
      unit_id bigint not null,
      ancestor_id bigint not null,
      below_id bigint,
      valid_from date not null
    );
    create unique index progress_unit_ancestors_ancestor on progress_unit_ancestors (ancestor_id, unit_id)
      include (below_id, valid_from);
    create index progress_unit_ancestors_unit on progress_unit_ancestors (unit_id);
    create table progress_tree (changed_on date);
    insert into progress_tree values (null);

    create function progress_ancestors_of(units bigint[])
    returns table (unit_id bigint, ancestor_id bigint, below_id bigint, valid_from date)
    language sql stable as $$
      select v.unit_id, l.labels[l.i], l.labels[l.i + 1], v.valid_from
      from unit_versions v
      cross join lateral (
        select string_to_array(v.path::text, '.')::bigint[] as labels, generate_subscripts(string_to_array(v.path::text, '.'), 1) as i
      ) l
      where v.valid_to is null and (units is null or v.unit_id = any(units))
    $$;

    create function progress_on_unit_versions() returns trigger
    language plpgsql as $$
    declare
      changed bigint[];
    begin
      if tg_op = 'INSERT' then
        select array_agg(distinct unit_id) into changed from new_rows;
      elsif tg_op = 'DELETE' then
        select array_agg(distinct unit_id) into changed from old_rows;
      else
        select array_agg(distinct unit_id) into changed from (select unit_id from old_rows union select unit_id from new_rows) t;
      end if;
      delete from progress_unit_ancestors a where a.unit_id = any(changed);
      insert into progress_unit_ancestors select * from progress_ancestors_of(changed);
      update progress_tree set changed_on = (select max(greatest(valid_from, valid_to)) from unit_versions);
      return null;
    end
    $$;
    create trigger progress_unit_versions_insert after insert on unit_versions
      referencing new table as new_rows for each statement execute function progress_on_unit_versions();
    create trigger progress_unit_versions_update after update on unit_versions
      referencing old table as old_rows new table as new_rows for each statement execute function progress_on_unit_versions();
    create trigger progress_unit_versions_delete after delete on unit_versions
      referencing old table as old_rows for each statement execute function progress_on_unit_versions();

    -- Every unit of root's subtree on a day (as unit_subtree_at has it), with its version that day
    -- and its bucket (as the engine's bucketOf places it: the root, or the unit directly under the
    -- root that day, or the one whose line holds the unit's history). A plpgsql function, so its
    -- plans are prepared once per connection.
    --  - From the tree's last change on: the cached ancestors.
    --  - Otherwise only mergers still to come make a place depend on history: a unit under the root
    --    that day with no such unit above it is placed by the unit under the root on its path
    --    ('settled': the same holds on any day of that version); the rest go through
    --    unit_subtree_at and bucketOf (none on most days).
    create function progress_placement(root bigint, day date)
    returns table (unit_id bigint, valid_from date, valid_to date, settled boolean, bucket bigint)
    language plpgsql stable as $$
    #variable_conflict use_column
    begin
      if (select t.changed_on from progress_tree t) <= day then
        return query
          select a.unit_id, a.valid_from, null::date, true, coalesce(a.below_id, root)
          from progress_unit_ancestors a where a.ancestor_id = root;
        return;
      end if;
      return query
        with pending as materialized (
          select v.path from units u
          join unit_versions v on v.unit_id = u.id and v.valid_from <= day and (v.valid_to is null or v.valid_to > day)
          where u.merged_into_id is not null and u.valid_to > day
        ),
        -- Units under (or being) a unit whose merger is still to come: one index lookup per such unit.
        unsettled as materialized (
          select distinct v.unit_id from pending p
          join unit_versions v on v.path <@ p.path and v.valid_from <= day and (v.valid_to is null or v.valid_to > day)
        ),
        root_at as materialized (
          select v.path, nlevel(v.path) as depth from unit_versions v
          where v.unit_id = root and v.valid_from <= day and (v.valid_to is null or v.valid_to > day)
        )
        select v.unit_id, v.valid_from, v.valid_to, true,
          case when nlevel(v.path) = r.depth then root else ltree2text(subpath(v.path, r.depth, 1))::bigint end
        from root_at r
        join unit_versions v on v.path <@ r.path and v.valid_from <= day and (v.valid_to is null or v.valid_to > day)
        where not exists (select 1 from unsettled x where x.unit_id = v.unit_id);
      if not exists (select 1 from units u where u.merged_into_id is not null and u.valid_to > day) then return; end if;
      return query
        with buckets as materialized (
          select c.unit_id as bucket, l.unit_id, l.until
          from (
            select root as unit_id
            union all
            select v.unit_id from unit_versions v join units u on u.id = v.unit_id
            where v.parent_id = root and v.valid_from <= day and (v.valid_to is null or v.valid_to > day)
              and not (u.merged_into_id is not null and u.valid_to > day)
          ) c
          cross join lateral unit_line(c.unit_id) l
        ),
        unsettled as materialized (
          select distinct v.unit_id from units u
          join unit_versions pv on pv.unit_id = u.id and pv.valid_from <= day and (pv.valid_to is null or pv.valid_to > day)
          join unit_versions v on v.path <@ pv.path and v.valid_from <= day and (v.valid_to is null or v.valid_to > day)
          where u.merged_into_id is not null and u.valid_to > day
        ),
        root_at as materialized (
          select v.path from unit_versions v
          where v.unit_id = root and v.valid_from <= day and (v.valid_to is null or v.valid_to > day)
        ),
        placed as (
          select v.unit_id, v.valid_from, v.valid_to, string_to_array(v.path::text, '.')::bigint[] as labels
          from unit_subtree_at(root, day) s
          join unit_versions v on v.unit_id = s.unit_id and v.valid_from <= day and (v.valid_to is null or v.valid_to > day)
          where not exists (select 1 from root_at r where v.path <@ r.path)
            or v.unit_id in (select x.unit_id from unsettled x)
        )
        select x.unit_id, x.valid_from, x.valid_to, false, (
          select d.bucket from (
            select b.bucket, array_position(x.labels, b.unit_id) as depth, 0 as foreign_line
            from buckets b
            where b.unit_id = any(x.labels) and (b.until is null or b.until > day)
            union all
            select null, array_position(x.labels, u.id), 1
            from units u
            where u.id = any(x.labels) and u.merged_into_id is not null and u.valid_to > day
          ) d
          order by d.depth desc, d.foreign_line, (d.bucket = root)
          limit 1
        )
        from placed x;
    end
    $$;

    create table progress_years (year int primary key);

    create table progress_member_spells (
      member_id bigint not null,
      unit_id bigint not null,
      valid_from date not null,
      valid_to date,
      key_official boolean not null
    );
    create index progress_member_spells_member on progress_member_spells (member_id);
    create index progress_member_spells_unit on progress_member_spells (unit_id, valid_from);

    create table progress_member_years (
      member_id bigint not null,
      year int not null,
      category text not null,
      attendances int not null,
      primary key (member_id, year, category)
    );

    create table progress_unit_steps (
      unit_id bigint not null,
      year int not null,
      category text not null,
      valid_from date not null,
      valid_to date not null,
      members int not null,
      key_officials int not null
    );
    -- A reference day selects, per unit and category, the step that ends after it: an index-only range.
    create index progress_unit_steps_day on progress_unit_steps (year, category, valid_to)
      include (valid_from, unit_id, members, key_officials);
    create index progress_unit_steps_unit on progress_unit_steps (unit_id, year);

    -- Active spells of some members (all of them when null): each membership cut by the days on which
    -- member_status_at(member, day) = 'active' — the latest status row on or before the day, by
    -- (valid_from, id) — so a spell holds a day exactly when the engine would count the member on it.
    create function progress_spells_of(members bigint[])
    returns table (member_id bigint, unit_id bigint, valid_from date, valid_to date, key_official boolean)
    language sql stable as $$
      with st as (
        select distinct on (s.member_id, s.valid_from) s.member_id, s.valid_from, s.status
        from member_statuses s
        where members is null or s.member_id = any(members)
        order by s.member_id, s.valid_from, s.id desc
      ),
      status_spans as (
        select st.member_id, st.valid_from as f,
          lead(st.valid_from) over (partition by st.member_id order by st.valid_from) as t, st.status
        from st
      )
      select m.member_id, m.unit_id, greatest(m.valid_from, a.f),
        nullif(least(coalesce(m.valid_to, 'infinity'), coalesce(a.t, 'infinity')), 'infinity'), p.is_key_official
      from memberships m
      join status_spans a on a.member_id = m.member_id and a.status = 'active'
        and m.valid_from < coalesce(a.t, 'infinity') and coalesce(m.valid_to, 'infinity') > a.f
      join members p on p.id = m.member_id
      where members is null or m.member_id = any(members)
    $$;

    -- The steps of some (unit, year) pairs, from the spells and the yearly attendance counts.
    create function progress_steps_of(units bigint[], years int[])
    returns table (unit_id bigint, year int, category text, valid_from date, valid_to date, members int, key_officials int)
    language sql stable as $$
      with pairs as (select distinct x.u, x.y from unnest(units, years) x(u, y)),
      clipped as (
        select p.u as unit_id, p.y as year, s.member_id, s.key_official,
          greatest(s.valid_from, make_date(p.y, 1, 1)) as f,
          least(coalesce(s.valid_to, 'infinity'), make_date(p.y + 1, 1, 1)) as t
        from pairs p
        join progress_member_spells s on s.unit_id = p.u
          and s.valid_from < make_date(p.y + 1, 1, 1) and (s.valid_to is null or s.valid_to > make_date(p.y, 1, 1))
      ),
      per_category as (
        select c.unit_id, c.year, ''::text as category, c.key_official, c.f, c.t from clipped c
        union all
        select c.unit_id, c.year, y.category, c.key_official, c.f, c.t
        from clipped c join progress_member_years y on y.member_id = c.member_id and y.year = c.year
      ),
      changes as (
        select e.unit_id, e.year, e.category, e.day, sum(e.d_all) as d_all, sum(e.d_key) as d_key
        from (
          select unit_id, year, category, f as day, 1 as d_all, key_official::int as d_key from per_category
          union all
          select unit_id, year, category, t, -1, -(key_official::int) from per_category
        ) e
        group by e.unit_id, e.year, e.category, e.day
      ),
      running as (
        select c.unit_id, c.year, c.category, c.day as valid_from, lead(c.day) over w as valid_to,
          sum(c.d_all) over w as members, sum(c.d_key) over w as key_officials
        from changes c
        window w as (partition by c.unit_id, c.year, c.category order by c.day)
      )
      select r.unit_id, r.year, r.category, r.valid_from, r.valid_to, r.members::int, r.key_officials::int
      from running r where r.valid_to is not null and r.members > 0
    $$;

    -- The registered years a spell touches.
    create function progress_years_of(valid_from date, valid_to date) returns setof int
    language sql stable as $$
      select y.year from progress_years y
      where make_date(y.year, 1, 1) < coalesce(valid_to, 'infinity') and make_date(y.year + 1, 1, 1) > valid_from
    $$;

    -- Recomputes the steps of some (unit, year) pairs. Two transactions refreshing the same pair
    -- take turns (an advisory lock, taken in a fixed order), and the second one recomputes from a
    -- snapshot that includes the first: nothing is lost between concurrent writers.
    create function progress_refresh(units bigint[], years int[]) returns void
    language plpgsql as $$
    declare
      pair record;
    begin
      if units is null or cardinality(units) = 0 then return; end if;
      for pair in select distinct x.u, x.y from unnest(units, years) x(u, y) order by x.u, x.y loop
        perform pg_advisory_xact_lock(7301002, (pair.u % 2147483647)::int # (pair.y << 20));
      end loop;
      delete from progress_unit_steps s using unnest(units, years) x(u, y) where s.unit_id = x.u and s.year = x.y;
      insert into progress_unit_steps select * from progress_steps_of(units, years);
    end
    $$;

    -- Recomputes the spells of some members and the steps their old and new spells touch.
    create function progress_refresh_members(members bigint[]) returns void
    language plpgsql as $$
    declare
      old_units bigint[];
      old_years int[];
      new_units bigint[];
      new_years int[];
    begin
      if members is null or cardinality(members) = 0 then return; end if;
      select array_agg(t.unit_id), array_agg(t.year) into old_units, old_years
      from (select distinct s.unit_id, y.year from progress_member_spells s, progress_years_of(s.valid_from, s.valid_to) y(year)
            where s.member_id = any(members)) t;
      delete from progress_member_spells s where s.member_id = any(members);
      insert into progress_member_spells select * from progress_spells_of(members);
      select array_agg(t.unit_id), array_agg(t.year) into new_units, new_years
      from (select distinct s.unit_id, y.year from progress_member_spells s, progress_years_of(s.valid_from, s.valid_to) y(year)
            where s.member_id = any(members)) t;
      perform progress_refresh(old_units || new_units, old_years || new_years);
    end
    $$;

    -- Attendances added or removed (an update is both): yearly counts per member and category, then
    -- the steps of the units where a member started or stopped counting as covered for a year.
    create function progress_on_attendances() returns trigger
    language plpgsql as $$
    declare
      flip_members bigint[] := '{}';
      flip_years int[] := '{}';
      more_members bigint[];
      more_years int[];
      touched_units bigint[];
      touched_years int[];
    begin
      if tg_op in ('UPDATE', 'DELETE') then
        with d as (
          select member_id, extract(year from attended_on)::int as year, category, count(*)::int as n
          from old_rows group by 1, 2, 3
        ),
        gone as (
          delete from progress_member_years t using d
          where t.member_id = d.member_id and t.year = d.year and t.category = d.category and t.attendances <= d.n
          returning t.member_id, t.year
        ),
        fewer as (
          update progress_member_years t set attendances = t.attendances - d.n from d
          where t.member_id = d.member_id and t.year = d.year and t.category = d.category and t.attendances > d.n
          returning t.member_id
        )
        select array_agg(member_id), array_agg(year) into more_members, more_years from gone;
        flip_members := flip_members || more_members;
        flip_years := flip_years || more_years;
      end if;
      if tg_op in ('UPDATE', 'INSERT') then
        with d as (
          select member_id, extract(year from attended_on)::int as year, category, count(*)::int as n
          from new_rows group by 1, 2, 3
        ),
        upserted as (
          insert into progress_member_years as t (member_id, year, category, attendances)
          select member_id, year, category, n from d
          on conflict (member_id, year, category) do update set attendances = t.attendances + excluded.attendances
          returning t.member_id, t.year, (t.xmax = 0) as inserted
        )
        select array_agg(member_id), array_agg(year) into more_members, more_years from upserted where inserted;
        flip_members := flip_members || more_members;
        flip_years := flip_years || more_years;
      end if;
      if cardinality(flip_members) = 0 then return null; end if;
      select array_agg(t.unit_id), array_agg(t.year) into touched_units, touched_years
      from (
        select distinct s.unit_id, f.year
        from unnest(flip_members, flip_years) f(member_id, year)
        join progress_years y on y.year = f.year
        join progress_member_spells s on s.member_id = f.member_id
          and s.valid_from < make_date(f.year + 1, 1, 1) and (s.valid_to is null or s.valid_to > make_date(f.year, 1, 1))
      ) t;
      perform progress_refresh(touched_units, touched_years);
      return null;
    end
    $$;
    create trigger progress_attendances_insert after insert on attendances
      referencing new table as new_rows for each statement execute function progress_on_attendances();
    create trigger progress_attendances_update after update on attendances
      referencing old table as old_rows new table as new_rows for each statement execute function progress_on_attendances();
    create trigger progress_attendances_delete after delete on attendances
      referencing old table as old_rows for each statement execute function progress_on_attendances();

    -- Memberships and statuses: the members whose history changed get their spells recomputed.
    create function progress_on_member_history() returns trigger
    language plpgsql as $$
    declare
      changed bigint[];
    begin
      if tg_op = 'INSERT' then
        select array_agg(distinct member_id) into changed from new_rows;
      elsif tg_op = 'DELETE' then
        select array_agg(distinct member_id) into changed from old_rows;
      else
        select array_agg(distinct member_id) into changed
        from (select member_id from old_rows union select member_id from new_rows) t;
      end if;
      perform progress_refresh_members(changed);
      return null;
    end
    $$;
    create trigger progress_memberships_insert after insert on memberships
      referencing new table as new_rows for each statement execute function progress_on_member_history();
    create trigger progress_memberships_update after update on memberships
      referencing old table as old_rows new table as new_rows for each statement execute function progress_on_member_history();
    create trigger progress_memberships_delete after delete on memberships
      referencing old table as old_rows for each statement execute function progress_on_member_history();
    create trigger progress_member_statuses_insert after insert on member_statuses
      referencing new table as new_rows for each statement execute function progress_on_member_history();
    create trigger progress_member_statuses_update after update on member_statuses
      referencing old table as old_rows new table as new_rows for each statement execute function progress_on_member_history();
    create trigger progress_member_statuses_delete after delete on member_statuses
      referencing old table as old_rows for each statement execute function progress_on_member_history();

    -- A member who becomes (or stops being) a key official counts on the other side, for all years.
    create function progress_on_members() returns trigger
    language plpgsql as $$
    declare
      changed bigint[];
    begin
      select array_agg(n.id) into changed
      from new_rows n join old_rows o on o.id = n.id
      where n.is_key_official is distinct from o.is_key_official;
      perform progress_refresh_members(changed);
      return null;
    end
    $$;
    create trigger progress_members_update after update on members
      referencing old table as old_rows new table as new_rows for each statement execute function progress_on_members();

    -- Years are registered with the plans whose terms they belong to; their steps are built then.
    create function progress_add_years(first_year int, last_year int) returns void
    language plpgsql as $$
    declare
      added int[];
      touched_units bigint[];
      touched_years int[];
    begin
      with inserted as (
        insert into progress_years select generate_series(first_year, last_year) on conflict do nothing returning year
      )
      select array_agg(year) into added from inserted;
      if added is null then return; end if;
      select array_agg(unit_id), array_agg(year) into touched_units, touched_years
      from (
        select distinct s.unit_id, y.year
        from unnest(added) y(year)
        join progress_member_spells s
          on s.valid_from < make_date(y.year + 1, 1, 1) and (s.valid_to is null or s.valid_to > make_date(y.year, 1, 1))
      ) t;
      perform progress_refresh(touched_units, touched_years);
    end
    $$;

    create function progress_on_plans() returns trigger
    language plpgsql as $$
    begin
      perform progress_add_years(new.term_start, new.term_end);
      return null;
    end
    $$;
    create trigger progress_plans after insert or update of term_start, term_end on plans
      for each row execute function progress_on_plans();

    -- Activities of some categories held in [from_day, to_day), per bucket of root's figure read on
    -- day: each activity placed by its organiser's place on the day it was held — the settled place
    -- when that day falls in the same version, else bucketOf on the organiser's path that day (only
    -- for organisers whose path ever lay under a head or a merged unit: no other can have a bucket).
    create function progress_activity_counts(root bigint, day date, categories text[], from_day date, to_day date)
    returns table (bucket bigint, activities int)
    language plpgsql stable as $$
    #variable_conflict use_column
    begin
      return query
        with placement as materialized (select * from progress_placement(root, day)),
        heads as (
          select root as unit_id
          union all
          select v.unit_id from unit_versions v join units u on u.id = v.unit_id
          where v.parent_id = root and v.valid_from <= day and (v.valid_to is null or v.valid_to > day)
            and not (u.merged_into_id is not null and u.valid_to > day)
        ),
        buckets as materialized (
          select c.unit_id as bucket, l.unit_id, l.until from heads c cross join lateral unit_line(c.unit_id) l
        ),
        reachable as materialized (
          select distinct v.unit_id from unit_versions r join unit_versions v on v.path <@ r.path
          where r.unit_id in (select h.unit_id from heads h) or r.unit_id in (select u.id from units u where u.merged_into_id is not null)
        ),
        held as (
          select a.organising_unit_id as unit_id, (a.starts_at at time zone 'Asia/Ho_Chi_Minh')::date as held_on
          from activities a
          where a.category = any(categories)
            and a.starts_at >= (from_day::timestamp at time zone 'Asia/Ho_Chi_Minh')
            and a.starts_at < (to_day::timestamp at time zone 'Asia/Ho_Chi_Minh')
        ),
        placed as (
          select case when p.unit_id is not null then p.bucket else (
              select (
                select d.bucket from (
                  select b.bucket, array_position(x.labels, b.unit_id) as depth, 0 as foreign_line
                  from buckets b
                  where b.unit_id = any(x.labels) and (b.until is null or b.until > h.held_on)
                  union all
                  select null, array_position(x.labels, u.id), 1
                  from units u
                  where u.id = any(x.labels) and u.merged_into_id is not null and u.valid_to > h.held_on
                ) d
                order by d.depth desc, d.foreign_line, (d.bucket = root)
                limit 1
              )
              from (select string_to_array(v.path::text, '.')::bigint[] as labels from unit_versions v
                    where v.unit_id = h.unit_id and v.valid_from <= h.held_on
                      and (v.valid_to is null or v.valid_to > h.held_on)) x
            ) end as bucket
          from held h
          left join placement p on p.unit_id = h.unit_id and p.settled
            and p.valid_from <= h.held_on and (p.valid_to is null or p.valid_to > h.held_on)
          where p.unit_id is not null or h.unit_id in (select r.unit_id from reachable r)
        )
        select x.bucket, count(*)::int from placed x where x.bucket is not null group by x.bucket;
    end
    $$;

    -- Everything from scratch: after a bulk load with triggers off, or to check the summary. In
    -- parts, so that a loader can run them side by side: the tree and the spells, the yearly
    -- attendance counts, then the steps of each kept year.
    create function progress_rebuild_tree_and_spells() returns void
    language plpgsql as $$
    begin
      truncate progress_unit_ancestors, progress_member_spells;
      insert into progress_unit_ancestors select * from progress_ancestors_of(null);
      update progress_tree set changed_on = (select max(greatest(valid_from, valid_to)) from unit_versions);
      insert into progress_member_spells select * from progress_spells_of(null);
      analyze progress_unit_ancestors;
      analyze progress_member_spells;
    end
    $$;

    create function progress_rebuild_member_years() returns void
    language plpgsql as $$
    begin
      truncate progress_member_years;
      insert into progress_member_years
        select member_id, extract(year from attended_on)::int, category, count(*)::int from attendances group by 1, 2, 3
        order by 1, 2, 3;
      analyze progress_member_years;
    end
    $$;

    create function progress_rebuild_steps(kept int) returns void
    language plpgsql as $$
    declare
      spelled bigint[];
    begin
      delete from progress_unit_steps where year = kept;
      select array_agg(t.unit_id) into spelled
      from (select distinct s.unit_id from progress_member_spells s
            where s.valid_from < make_date(kept + 1, 1, 1) and (s.valid_to is null or s.valid_to > make_date(kept, 1, 1))) t;
      if spelled is not null then
        insert into progress_unit_steps
          select * from progress_steps_of(spelled, array_fill(kept, array[cardinality(spelled)]));
      end if;
    end
    $$;

    create function progress_rebuild() returns void
    language plpgsql as $$
    begin
      perform progress_rebuild_tree_and_spells();
      perform progress_rebuild_member_years();
      truncate progress_unit_steps;
      perform progress_rebuild_steps(year) from progress_years order by year;
    end
    $$;

    insert into progress_years select distinct generate_series(term_start, term_end) from plans;
    select progress_rebuild();
  `.execute(db);
}
