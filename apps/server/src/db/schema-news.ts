import type { ColumnType, Generated } from 'kysely';

/** Row types of migration 0012-news; joined into `Database` in schema.ts. */

type Id = ColumnType<number, never, never>;
type CreatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Moment = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type ArticleStatusValue = 'draft' | 'submitted' | 'approved' | 'published' | 'rejected' | 'archived';

export interface ArticleCategoriesTable {
  code: string;
  name: string;
  sort_order: Generated<number>;
}

export interface ArticlesTable {
  id: Id;
  unit_id: number;
  publisher_unit_id: number;
  title: string;
  summary: Generated<string>;
  body_html: Generated<string>;
  cover_file_id: number | null;
  category: string;
  status: Generated<ArticleStatusValue>;
  slug: string;
  publish_at: Moment;
  published_at: Moment;
  rejection_reason: string | null;
  search_text: Generated<string>;
  author_account_id: number | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface ArticleFilesTable {
  file_id: number;
  article_id: number;
  medium_id: number;
  thumbnail_id: number;
  created_at: CreatedAt;
}

export interface ArticleCommentsTable {
  id: Id;
  article_id: number;
  author_account_id: number | null;
  kind: Generated<'comment' | 'rejection'>;
  body: string;
  created_at: CreatedAt;
}

export interface ArticleReadsTable {
  article_id: number;
  day: string;
  reads: Generated<number>;
}

export interface ArticleReadVisitorsTable {
  article_id: number;
  day: string;
  visitor: Buffer;
}

export interface ArticleReadSaltsTable {
  day: string;
  salt: Buffer;
}

export interface NewsTables {
  article_categories: ArticleCategoriesTable;
  articles: ArticlesTable;
  article_files: ArticleFilesTable;
  article_comments: ArticleCommentsTable;
  article_reads: ArticleReadsTable;
  article_read_visitors: ArticleReadVisitorsTable;
  article_read_salts: ArticleReadSaltsTable;
}
