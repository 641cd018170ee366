import { PLAN_SECTION_KEYS, type PlanSections } from '@lan-toa/contracts';
import sanitizeHtml from 'sanitize-html';

/**
 * Plan sections are rich text typed or pasted by people (often from Word), shown to every unit
 * below. Only basic formatting survives; scripts, event handlers, styles and non-web links go.
 */
export const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'u', 'ul', 'ol', 'li', 'h3', 'h4', 'blockquote', 'a'],
  allowedAttributes: { a: ['href'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  // Word and browsers paste <b>/<i>; keep their meaning with the allowed tags.
  transformTags: { b: 'strong', i: 'em' },
  disallowedTagsMode: 'discard',
};

export function sanitizeSectionHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}

/** Sanitises the sections given; keys not given are left out, so a patch touches only what it names. */
export function sanitizeSections(sections: Partial<Record<keyof PlanSections, string | undefined>>) {
  const clean: Partial<PlanSections> = {};
  for (const key of PLAN_SECTION_KEYS) {
    const value = sections[key];
    if (value !== undefined) clean[key] = sanitizeSectionHtml(value);
  }
  return clean;
}

/** Every section present, empty when never written. */
export function fullSections(stored: Partial<Record<string, string>>): PlanSections {
  const sections = {} as PlanSections;
  for (const key of PLAN_SECTION_KEYS) sections[key] = stored[key] ?? '';
  return sections;
}
