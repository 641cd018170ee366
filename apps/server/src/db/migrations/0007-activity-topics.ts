import { type Kysely, sql } from 'kysely';

/**
 * The documents an activity is about (tài liệu chủ đề): the resolutions, directives and laws a
 * study session briefs members on. Until the document library exists they are free text kept
 * with the activity, in the organiser's order: `[{"title": "…", "number": "02-NQ/TW"}, …]`
 * (at most 20, checked by the API). Never read by a query, only shown, so no index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table activities
      add column topic_documents jsonb not null default '[]'::jsonb
        constraint activities_topic_documents_array check (jsonb_typeof(topic_documents) = 'array');
  `.execute(db);
}
