// The web edition's stylesheet: the brand's colours (the palette the PDF and the deck
// derive theirs from), one readable column from a 360 px phone to a desktop, and a print
// stylesheet so "Print" from a browser gives a clean copy with link targets spelled out.
import type { Colours } from "../brand/palette.js";
import { SANS, SERIF } from "./fonts.js";

export function pageCss(c: Colours): string {
  const serif = `"${SERIF}", Georgia, serif`;
  const sans = `"${SANS}", "${SERIF}", system-ui, sans-serif`;
  return `:root{--ink:${c.ink};--primary:${c.primary};--accent:${c.accent};--muted:${c.muted};--rule:${c.rule};--box:${c.boxFill};--link:${c.link};--on-primary:${c.onPrimary};--on-primary-muted:${c.onPrimaryMuted}}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font-family:${serif};font-size:1.0625rem;line-height:1.6;color:var(--ink);background:#fff;overflow-wrap:break-word}
p,li{unicode-bidi:plaintext}
.skip{position:absolute;left:-9999px}
.skip:focus{left:1rem;top:1rem;background:#fff;color:var(--link);padding:.5rem;z-index:1}
.masthead{background:var(--primary);color:var(--on-primary);padding:1.5rem 1rem 1.25rem}
.masthead>*{max-width:42rem;margin-left:auto;margin-right:auto}
.masthead h1{font-family:${sans};font-weight:700;font-size:clamp(1.6rem,5vw,2.5rem);line-height:1.2;margin-top:.5rem;margin-bottom:.5rem}
.masthead .subtitle{font-size:1.15rem;margin-top:0}
.masthead .byline,.masthead .organisation{color:var(--on-primary-muted);font-family:${sans};font-weight:700;font-size:.95rem}
.masthead .logo{display:block;max-height:3rem;width:auto}
.cover{margin-top:1rem;margin-bottom:0}
.cover img{width:100%;height:auto;display:block}
.cover figcaption{color:var(--on-primary-muted);font-size:.85rem;margin-top:.35rem}
main{max-width:42rem;margin:0 auto;padding:1rem}
h2,h3,h4,h5,h6{font-family:${sans};font-weight:700;color:var(--primary);line-height:1.25;margin:2rem 0 .6rem}
h2{font-size:1.5rem;border-bottom:2px solid var(--accent);padding-bottom:.2rem}
h3{font-size:1.2rem}
h4,h5,h6{font-size:1.05rem}
a{color:var(--link);text-decoration-thickness:1px;text-underline-offset:2px}
a.cite{text-decoration-style:dotted}
.summary,.key-points,.key-figures{background:var(--box);padding:.25rem 1rem .5rem;border-left:4px solid var(--primary);margin:1.5rem 0}
.summary h2,.key-points h2,.key-figures h2{border:0;margin-top:.75rem;font-size:1.15rem}
.figure-value{font-family:${sans};font-weight:700;color:var(--primary);font-size:1.3rem}
blockquote{margin:1.25rem 0;padding:.1rem 1rem;border-left:4px solid var(--rule);color:var(--ink)}
.callout{background:var(--box);border-left:4px solid var(--primary);padding:.25rem 1rem;margin:1.25rem 0}
.callout-warn{border-left-color:var(--accent)}
.callout-title{margin-bottom:.25rem;color:var(--primary)}
figure{margin:1.5rem 0}
figure img,p img{max-width:100%;height:auto}
figcaption,caption{font-family:${sans};font-size:.95rem;color:var(--muted);margin-top:.4rem;text-align:start}
figcaption .caption-label,caption .caption-label{font-weight:700;color:var(--ink)}
.table-wrap{overflow-x:auto;margin:1.25rem 0}
table{border-collapse:collapse;width:100%;font-size:.95rem}
caption{caption-side:top;margin-bottom:.4rem}
th,td{border-bottom:1px solid var(--rule);padding:.35rem .5rem;text-align:start;vertical-align:top}
th{background:var(--box);font-family:${sans};font-weight:700}
.align-center{text-align:center}.align-right{text-align:end}
pre{overflow-x:auto;background:#f6f7f9;padding:.75rem;font-size:.9rem;white-space:pre-wrap}
code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em}
.math{font-style:italic}
.display-math{display:block;text-align:center;margin:1rem 0}
.eq-number{float:right}
sup{line-height:0}
.note-ref{text-decoration:none;font-family:${sans};font-weight:700;padding:0 .1em 0 0}
.notes,.sources{font-size:.95rem}
.notes ol,.source-list{padding-left:1.5rem}
.source-list li{margin-bottom:.5rem}
.source-list li:target,.notes li:target{background:var(--box)}
.back{text-decoration:none}
hr{border:0;border-top:1px solid var(--rule);margin:2rem 0}
.colophon{max-width:42rem;margin:2rem auto 0;padding:1rem;border-top:1px solid var(--rule);color:var(--muted);font-size:.9rem}
@media (min-width:48rem){body{font-size:1.125rem}main{max-width:46rem;padding:1.5rem 2rem 3rem}.masthead{padding:2.5rem 2rem 2rem}}
@media print{
@page{margin:18mm 16mm}
body{font-size:10.5pt;line-height:1.45;color:#000}
.skip{display:none}
.masthead{background:none;color:var(--primary);padding:0}
.masthead .byline,.masthead .organisation,.cover figcaption{color:var(--muted)}
main{max-width:none;padding:0}
h2,h3,h4{break-after:avoid}
figure,table,.callout,.summary,.key-points{break-inside:avoid}
.table-wrap{overflow:visible}
main a[href^="http"]::after{content:" <" attr(href) ">";font-size:.85em;color:var(--muted);word-break:break-all}
.pagebreak{break-after:page}
.back{display:none}
}
`;
}
