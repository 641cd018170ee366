import { z } from 'zod';
import { PERIOD_KINDS, TARGET_MEASURES, TARGET_STATUSES } from './enums.js';

export const figureStatus = z.enum([...TARGET_STATUSES, 'not_applicable']);

/** One target's figure for a unit's subtree and period. */
export const targetFigure = z.object({
  targetId: z.number(),
  code: z.string(),
  title: z.string(),
  measure: z.enum(TARGET_MEASURES),
  numerator: z.number(),
  /** Null for counts (a number of activities has no denominator). */
  denominator: z.number().nullable(),
  /** Percent for coverage and evaluation shares, a number for counts; null when nothing can be counted. */
  value: z.number().nullable(),
  threshold: z.number(),
  status: figureStatus,
  /** Straight-line forecast for a running period. */
  forecast: z.number().nullable(),
  period: z.object({
    kind: z.enum(PERIOD_KINDS),
    start: z.string(),
    end: z.string(),
    startYear: z.number(),
    endYear: z.number(),
  }),
  referenceDay: z.string().nullable(),
  manual: z.object({ evidence: z.string(), enteredAt: z.string() }).nullable(),
});
export type TargetFigure = z.infer<typeof targetFigure>;

export const progressQuery = z.object({
  unitId: z.coerce.number().int().positive(),
  year: z.coerce.number().int().min(1900).max(2100),
});

export const progressResponse = z.object({
  planId: z.number(),
  unitId: z.number(),
  unitName: z.string(),
  year: z.number(),
  targets: z.array(targetFigure),
});

export const progressTableResponse = z.object({
  planId: z.number(),
  unitId: z.number(),
  year: z.number(),
  targets: z.array(
    z.object({ targetId: z.number(), code: z.string(), title: z.string(), measure: z.enum(TARGET_MEASURES) }),
  ),
  unit: z.array(targetFigure),
  /** Units directly under the unit; lagging units first (most targets at risk or missed, then lowest values). */
  rows: z.array(
    z.object({ unitId: z.number(), unitName: z.string(), lagging: z.number(), figures: z.array(targetFigure) }),
  ),
});

export const trendResponse = z.object({
  planId: z.number(),
  unitId: z.number(),
  years: z.array(z.number()),
  targets: z.array(
    z.object({
      targetId: z.number(),
      code: z.string(),
      title: z.string(),
      points: z.array(z.object({ year: z.number(), value: z.number().nullable(), status: figureStatus })),
    }),
  ),
});

export const uncoveredResponse = z.object({
  targetId: z.number(),
  unitId: z.number(),
  year: z.number(),
  total: z.number(),
  items: z.array(
    z.object({ id: z.number(), fullName: z.string(), unitId: z.number(), unitName: z.string(), unionRole: z.string() }),
  ),
});

export const manualFigureBody = z.object({
  unitId: z.number().int().positive(),
  year: z.number().int().min(1900).max(2100),
  numerator: z.number().min(0),
  denominator: z.number().positive().nullable().optional(),
  evidence: z.string().trim().min(5, 'Hãy ghi rõ căn cứ (số văn bản, biên bản…)').max(1000),
});
