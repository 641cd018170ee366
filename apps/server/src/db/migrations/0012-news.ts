import { type Kysely, sql } from 'kysely';

/**
 * News (tin bài) and the public portal's read counts.
 *
 * - `article_categories`: the portal's sections are data; `code` is their URL segment.
 * - `articles`: `unit_id` is the unit that writes it, `publisher_unit_id` the unit whose editors
 *   approve and publish it (the top of the writer's tree: the province). `body_html` is stored
 *   sanitised; `search_text` is the folded (no diacritics, lower case) title, summary and text.
 *   `slug` is fixed once published, so shared links keep working.
 * - `article_files`: the cover and the body's images, each stored three times (full ≤ 2000 px,
 *   medium 960 px, thumbnail 400 px). As with activity files, removing the row removes the bytes.
 * - `article_comments`: the editorial discussion (and the reasons an article was sent back).
 * - Reads: `article_reads` counts per article and day. A visitor is counted once a day per article
 *   by a hash of (a salt of the day, address, browser) kept in `article_read_visitors` only for that
 *   day; the salt (`article_read_salts`) is deleted with the day, so yesterday's hashes cannot be
 *   linked back to anyone and no address is ever stored.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table article_categories (
      code text primary key check (code ~ '^[a-z0-9-]{1,60}$'),
      name text not null check (length(name) between 1 and 100),
      sort_order integer not null default 0
    );
    insert into article_categories (code, name, sort_order) values
      ('hoat-dong-cong-doan', 'Hoạt động công đoàn', 1),
      ('guong-nguoi-tot-viec-tot', 'Gương người tốt, việc tốt', 2),
      ('dien-hinh-tien-tien', 'Điển hình tiên tiến', 3),
      ('phap-luat', 'Pháp luật', 4),
      ('van-hoa-the-thao', 'Văn hóa, thể thao', 5),
      ('giao-duc', 'Giáo dục', 6);

    create table articles (
      id bigint generated always as identity primary key,
      unit_id bigint not null references units(id),
      publisher_unit_id bigint not null references units(id),
      title text not null check (length(title) between 1 and 300),
      summary text not null default '' check (length(summary) <= 1000),
      body_html text not null default '',
      cover_file_id bigint,
      category text not null references article_categories(code),
      status text not null default 'draft'
        check (status in ('draft', 'submitted', 'approved', 'published', 'rejected', 'archived')),
      slug text not null unique check (slug ~ '^[a-z0-9-]{1,200}$'),
      publish_at timestamptz,
      published_at timestamptz,
      rejection_reason text,
      search_text text not null default '',
      author_account_id bigint references accounts(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index articles_unit on articles (unit_id, status);
    create index articles_publisher on articles (publisher_unit_id, status);
    create index articles_published on articles (published_at desc, id desc) where status = 'published';
    create index articles_published_category on articles (category, published_at desc, id desc)
      where status = 'published';
    create index articles_search on articles using gin (search_text gin_trgm_ops);

    create table article_files (
      file_id bigint primary key references files(id),
      article_id bigint not null references articles(id) on delete cascade,
      medium_id bigint not null unique references files(id),
      thumbnail_id bigint not null unique references files(id),
      created_at timestamptz not null default now()
    );
    create index article_files_article on article_files (article_id);
    create index article_files_medium on article_files (medium_id);
    create index article_files_thumbnail on article_files (thumbnail_id);
    alter table articles add constraint articles_cover_fk foreign key (cover_file_id)
      references article_files(file_id) on delete set null;

    create function article_files_delete_files() returns trigger language plpgsql as $$
    begin
      delete from files where id in (old.file_id, old.medium_id, old.thumbnail_id);
      return old;
    end $$;
    create trigger article_files_delete_files after delete on article_files
      for each row execute function article_files_delete_files();

    create table article_comments (
      id bigint generated always as identity primary key,
      article_id bigint not null references articles(id) on delete cascade,
      author_account_id bigint references accounts(id),
      kind text not null default 'comment' check (kind in ('comment', 'rejection')),
      body text not null check (length(body) between 1 and 4000),
      created_at timestamptz not null default now()
    );
    create index article_comments_article on article_comments (article_id, created_at);

    create table article_reads (
      article_id bigint not null references articles(id) on delete cascade,
      day date not null,
      reads integer not null default 0 check (reads >= 0),
      primary key (article_id, day)
    );
    create index article_reads_day on article_reads (day);

    create table article_read_visitors (
      article_id bigint not null references articles(id) on delete cascade,
      day date not null,
      visitor bytea not null,
      primary key (article_id, day, visitor)
    );

    create table article_read_salts (
      day date primary key,
      salt bytea not null
    );
  `.execute(db);
}
