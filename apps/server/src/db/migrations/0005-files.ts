import { type Kysely, sql } from 'kysely';

/**
 * Uploaded files, kept in PostgreSQL so app processes stay stateless and a database backup
 * includes them. Files have generated ids, never the uploader's name as a path; the original
 * name is kept only to be offered back on download.
 *
 * `activity_files` attaches a file (and, for a photo, its thumbnail) to an activity. A file
 * belongs to exactly one attachment: when the attachment goes (removed, or the activity
 * deleted), a trigger deletes its file and thumbnail so no bytes are left behind.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table files (
      id bigint generated always as identity primary key,
      sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
      content_type text not null,
      size integer not null check (size >= 0),
      original_name text not null,
      data bytea not null,
      width integer,
      height integer,
      created_by bigint references accounts(id),
      created_at timestamptz not null default now()
    );

    create table activity_files (
      activity_id bigint not null references activities(id) on delete cascade,
      file_id bigint not null primary key references files(id),
      thumbnail_id bigint unique references files(id),
      kind text not null check (kind in ('photo', 'attachment')),
      caption text not null default '',
      sort_order integer not null default 0
    );
    create index activity_files_activity on activity_files (activity_id, kind, sort_order);

    create function activity_files_delete_files() returns trigger language plpgsql as $$
    begin
      delete from files where id in (old.file_id, old.thumbnail_id);
      return old;
    end $$;
    create trigger activity_files_delete_files after delete on activity_files
      for each row execute function activity_files_delete_files();
  `.execute(db);
}
