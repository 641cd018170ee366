import type { ActivityAudience, ActivityCategory } from '@lan-toa/contracts';

/** Mirrors the contracts' audiences (those live beside zod schemas the browser does not load). */
export const ACTIVITY_AUDIENCES = ['all_members', 'key_officials'] as const satisfies readonly ActivityAudience[];

/** One colour per category, the same in lists, badges and the calendar. */
export const CATEGORY_COLORS: Record<ActivityCategory, string> = {
  study: 'blue',
  training: 'indigo',
  law_outreach: 'cyan',
  culture_arts: 'grape',
  sports: 'teal',
  festival: 'pink',
  workers_month: 'orange',
  support_visit: 'lime',
  other: 'gray',
};
