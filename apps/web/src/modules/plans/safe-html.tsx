import { Box, type BoxProps } from '@mantine/core';
import { useMemo } from 'react';
import classes from './plan-document.module.css';

/** What a plan section may contain; the server keeps the same set. */
const ALLOWED = new Set(['P', 'BR', 'STRONG', 'B', 'EM', 'I', 'U', 'UL', 'OL', 'LI', 'H3', 'H4', 'BLOCKQUOTE', 'A']);
const SAFE_HREF = /^(https?:|mailto:)/iu;

function clean(node: Node, into: Node, doc: Document): void {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === Node.TEXT_NODE) {
      into.appendChild(doc.createTextNode(child.textContent ?? ''));
      continue;
    }
    if (!(child instanceof Element)) continue;
    if (!ALLOWED.has(child.tagName)) {
      // Unknown wrappers keep their text; scripts and styles go entirely.
      if (!['SCRIPT', 'STYLE', 'IFRAME', 'OBJECT', 'TEMPLATE'].includes(child.tagName)) clean(child, into, doc);
      continue;
    }
    const copy = doc.createElement(child.tagName.toLowerCase());
    if (child.tagName === 'A') {
      const href = child.getAttribute('href') ?? '';
      if (SAFE_HREF.test(href.trim())) {
        copy.setAttribute('href', href.trim());
        copy.setAttribute('target', '_blank');
        copy.setAttribute('rel', 'noopener noreferrer nofollow');
      }
    }
    clean(child, copy, doc);
    into.appendChild(copy);
  }
}

/** Sanitises again in the browser (the server already did): only basic formatting survives. */
export function sanitizeHtml(html: string): string {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const out = document.implementation.createHTMLDocument('');
  const root = out.createElement('div');
  clean(doc.body, root, out);
  return root.innerHTML;
}

/** A plan section's rich text, sanitised, in the document's typography. */
export function SafeHtml({ html, ...props }: { html: string } & BoxProps) {
  const safe = useMemo(() => sanitizeHtml(html), [html]);
  // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised above to a fixed set of tags
  return <Box className={classes.prose} {...props} dangerouslySetInnerHTML={{ __html: safe }} />;
}
