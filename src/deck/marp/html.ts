// Deck HTML rendered in-process with marp-core: one self-contained file. A strict
// Content-Security-Policy makes "nothing is fetched when it opens" a browser guarantee.
import { Marp } from "@marp-team/marp-core";

export interface DeckHtmlInput {
  /** Marp markdown whose images are already data: URLs. */
  markdown: string;
  themeCss: string;
  fontCss: string;
  title: string;
  lang: string;
}

const CSP = "default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'";

/** Keyboard paging for presenting: arrows/space/PageDown, Home/End, f for full screen. */
const PRESENTER = `
const slides=[...document.querySelectorAll('.marpit>svg')];let i=0;
const show=n=>{i=Math.max(0,Math.min(slides.length-1,n));slides[i].scrollIntoView({block:'center'});history.replaceState(null,'','#'+(i+1));};
addEventListener('keydown',e=>{if(['ArrowRight','ArrowDown','PageDown',' '].includes(e.key)){show(i+1);e.preventDefault();}
else if(['ArrowLeft','ArrowUp','PageUp'].includes(e.key)){show(i-1);e.preventDefault();}
else if(e.key==='Home')show(0);else if(e.key==='End')show(slides.length-1);
else if(e.key==='f')document.documentElement.requestFullscreen?.();});
if(location.hash)show(parseInt(location.hash.slice(1),10)-1);`;

/** The last theme's Marp: compiling a theme's CSS costs tens of ms and rarely changes. */
let cached: { themeCss: string; marp: Marp } | undefined;

function marpFor(themeCss: string): Marp {
  if (cached?.themeCss === themeCss) return cached.marp;
  // Emoji stay Unicode text: Marp's default swaps them for Twemoji pictures fetched from a
  // CDN (which the deck's CSP forbids, leaving holes), and its detector costs ~35 ms a run.
  const marp = new Marp({ html: { span: ["lang", "dir"] }, math: false, script: false, minifyCSS: false, emoji: { shortcode: false, unicode: false } });
  marp.themeSet.add(themeCss);
  // markdown-it refuses data:image/svg+xml links; we only produce such URLs ourselves
  // (the cover and figures, inlined so the file works offline), so allow exactly those.
  const validate = marp.markdown.validateLink.bind(marp.markdown);
  marp.markdown.validateLink = (url: string) => url.startsWith("data:image/svg+xml;base64,") || validate(url);
  cached = { themeCss, marp };
  return marp;
}

export function renderDeckHtml(input: DeckHtmlInput): { html: string; notes: string[][] } {
  const { html, css, comments } = marpFor(input.themeCss).render(input.markdown);
  const page = `<!doctype html>
<html lang="${escapeAttr(input.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="briefpress (marp-core)">
<title>${escapeText(input.title)}</title>
<style>${input.fontCss}</style>
<style>${css}</style>
<style>
html,body{margin:0;background:#2b2f36}
.marpit{display:flex;flex-direction:column;align-items:center;gap:16px;padding:16px 0}
.marpit>svg{display:block;width:min(100vw - 32px,(100vh - 32px)*16/9);height:auto;box-shadow:0 2px 12px rgba(0,0,0,.4)}
:fullscreen .marpit{gap:0;padding:0}
:fullscreen .marpit>svg{width:min(100vw,100vh*16/9);height:100vh;box-shadow:none}
@page{size:1280px 720px;margin:0}
@media print{html,body{background:#fff}.marpit{gap:0;padding:0}.marpit>svg{width:100%;box-shadow:none;break-after:page}}
</style>
</head>
<body>
<main>
${html}
</main>
<script>${PRESENTER}</script>
</body>
</html>
`;
  return { html: page, notes: comments };
}

function escapeText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, "&quot;");
}
