import { createHash } from 'node:crypto';

/**
 * The portal's one stylesheet: small, system fonts, no framework. Served from its own hashed
 * address with a year of caching, so a reader downloads it once; an external file (not inline)
 * keeps every page within the app's CSP (`style-src 'self'`) and lets pages carry stable ETags.
 */
export const PORTAL_CSS = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1f2933;background:#f6f7f9}
a{color:#0b5cab;text-decoration:none}
a:hover{text-decoration:underline}
img{max-width:100%;height:auto}
.wrap{max-width:1040px;margin:0 auto;padding:0 16px}
header.site{background:#0b5cab;color:#fff}
header.site .wrap{display:flex;flex-wrap:wrap;align-items:center;gap:8px 16px;padding-top:12px;padding-bottom:12px}
header.site a.brand{color:#fff;font-weight:700;font-size:1.15rem;line-height:1.3}
header.site form{margin-left:auto;display:flex;gap:4px;flex:1 1 220px;max-width:340px}
header.site input{flex:1;min-width:0;padding:6px 10px;border:0;border-radius:4px;font:inherit}
header.site button{padding:6px 12px;border:0;border-radius:4px;background:#ffd43b;color:#1f2933;font:inherit;font-weight:600;cursor:pointer}
nav.cats{background:#fff;border-bottom:1px solid #dde2e8}
nav.cats .wrap{display:flex;gap:4px 16px;overflow-x:auto;white-space:nowrap;padding-top:8px;padding-bottom:8px;font-size:.95rem}
nav.cats a[aria-current]{font-weight:700;color:#1f2933}
main{padding:20px 0 40px}
h1{font-size:1.6rem;line-height:1.3;margin:0 0 12px}
h2.section{font-size:1.2rem;margin:28px 0 12px;padding-bottom:6px;border-bottom:2px solid #0b5cab}
h2.section a{color:inherit}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(240px,1fr));gap:16px}
.card{background:#fff;border:1px solid #dde2e8;border-radius:6px;overflow:hidden;display:flex;flex-direction:column}
.card img{display:block;width:100%;aspect-ratio:16/9;object-fit:cover;background:#dde2e8}
.card .body{padding:10px 12px 12px}
.card h3{font-size:1.02rem;line-height:1.35;margin:0 0 6px}
.card p{margin:0;color:#52606d;font-size:.92rem}
.lead{display:grid;grid-template-columns:3fr 2fr;gap:16px;background:#fff;border:1px solid #dde2e8;border-radius:6px;overflow:hidden}
.lead img{display:block;width:100%;height:100%;aspect-ratio:16/9;object-fit:cover}
.lead .body{padding:14px 16px}
.lead h2{font-size:1.35rem;line-height:1.3;margin:0 0 8px}
.meta{color:#616e7c;font-size:.85rem;margin:0 0 6px}
.meta span+span:before{content:" · "}
article.full{background:#fff;border:1px solid #dde2e8;border-radius:6px;padding:20px;max-width:760px}
article.full .summary{font-weight:600;color:#323f4b}
article.full .content img{display:block;margin:12px auto;border-radius:4px}
article.full blockquote{margin:12px 0;padding:4px 16px;border-left:4px solid #0b5cab;color:#323f4b;background:#f0f4f8}
.cover{margin:0 0 16px}
.cover img{display:block;width:100%;border-radius:4px}
.layout{display:grid;grid-template-columns:minmax(0,1fr) 280px;gap:24px;align-items:start}
aside h2{font-size:1rem;margin:0 0 8px}
aside ul{list-style:none;margin:0;padding:0}
aside li{padding:6px 0;border-bottom:1px solid #dde2e8;font-size:.95rem;line-height:1.4}
.pager{display:flex;gap:12px;justify-content:center;margin:24px 0}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.empty{background:#fff;border:1px dashed #9aa5b1;border-radius:6px;padding:24px;text-align:center;color:#52606d}
footer.site{border-top:1px solid #dde2e8;background:#fff;color:#616e7c;font-size:.85rem}
footer.site .wrap{padding-top:16px;padding-bottom:16px}
@media (max-width:720px){.lead,.layout{grid-template-columns:1fr}h1{font-size:1.35rem}article.full{padding:14px}header.site form{max-width:none}}
`.trim();

export const PORTAL_CSS_HASH = createHash('sha256').update(PORTAL_CSS).digest('hex').slice(0, 12);
export const PORTAL_CSS_PATH = `/tin-tuc/giao-dien-${PORTAL_CSS_HASH}.css`;
