// Dates as briefs print them: "20 May 2024" from front matter's ISO "2024-05-20".
// Front matter may also say "2024-05", "20 May 2024", "May 20, 2024" or Quarto's
// "today" / "now" / "last-modified"; all are read into ISO here ("YYYY", "YYYY-MM" or
// "YYYY-MM-DD"), the dynamic ones from a clock the caller supplies (never the wall clock).
// Anything else R Markdown would print as written ("12/9/2019", "Spring 2024") is kept as
// written: `date` then holds that text, and formatDate returns it unchanged.
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

const ISO = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

/** An ISO date this module wrote, as opposed to a date kept as the writer typed it. */
export function isIsoDate(value: string): boolean {
  return ISO.test(value);
}

export function formatDate(iso: string, format?: string): string {
  if (!ISO.test(iso)) return iso;
  const [y, m, d] = iso.split("-").map(Number);
  if (!y) return iso;
  if (format && m && d) return formatPattern(y, m, d, format);
  if (!m) return String(y);
  if (!d) return `${MONTHS[m - 1] ?? ""} ${y}`;
  return `${d} ${MONTHS[m - 1] ?? ""} ${y}`;
}

/** Quarto's date-format: the named forms and the common tokens (YYYY, MMMM, MMM, MM, M, DD, D). */
function formatPattern(y: number, m: number, d: number, format: string): string {
  const month = MONTHS[m - 1] ?? "";
  const named: Record<string, string> = { iso: "YYYY-MM-DD", short: "M/D/YYYY", medium: "MMM D, YYYY", long: "MMMM D, YYYY", full: "MMMM D, YYYY" };
  const pattern = named[format] ?? format;
  const two = (n: number) => String(n).padStart(2, "0");
  return pattern.replace(/YYYY|YY|MMMM|MMM|MM|M|DD|D|Do/g, (t) =>
    ({ YYYY: String(y), YY: two(y % 100), MMMM: month, MMM: month.slice(0, 3), MM: two(m), M: String(m), DD: two(d), D: String(d), Do: String(d) })[t] ?? t,
  );
}

/** Midnight UTC of the brief's date: the fixed clock that makes builds reproducible. */
export function briefEpoch(iso: string | undefined, sourceDateEpoch: string | undefined): Date {
  if (sourceDateEpoch && /^\d+$/.test(sourceDateEpoch)) return new Date(Number(sourceDateEpoch) * 1000);
  if (iso && ISO.test(iso)) {
    const [y = "1970", m = "01", d = "01"] = iso.split("-");
    return new Date(`${y}-${m}-${d}T00:00:00Z`);
  }
  // A date kept as written still fixes the year, when it names one.
  const year = iso ? /(?<!\d)(1[89]\d\d|2\d\d\d)(?!\d)/.exec(iso)?.[1] : undefined;
  return year ? new Date(`${year}-01-01T00:00:00Z`) : new Date(0);
}

/** Quarto's words, and LaTeX's "\\today" that Pandoc papers for PDF often carry. */
const DYNAMIC = new Set(["today", "now", "last-modified", "\\today"]);

/**
 * Reads a front-matter date into ISO, or says why it cannot. `clock` gives the moment
 * "today", "now" and "last-modified" stand for (SOURCE_DATE_EPOCH, or the file's time).
 */
export function readDate(value: string, clock?: () => Date): { iso: string } | { written: string } | { error: string } {
  const s = value.trim();
  // R Markdown's "`r Sys.Date()`" / "`r format(Sys.time(), '%d %B %Y')`": code for knitr that
  // means the day it runs, which is "today" here (and never run).
  if (DYNAMIC.has(s.toLowerCase()) || /^`r\s[^`]*\bSys\.(?:Date|time)\(\)[^`]*`$/.test(s)) {
    const d = clock?.() ?? new Date(0);
    return { iso: d.toISOString().slice(0, 10) };
  }
  let parts: [number, number?, number?] | undefined;
  // "2024-05-20T09:30:00Z", "2024-05-20 09:30": the day is what a brief prints.
  const stamp = /^(\d{4}-\d{1,2}-\d{1,2})[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/.exec(s);
  if (stamp) return readDate(stamp[1] ?? "", clock);
  const iso = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(s) ?? /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(s);
  if (iso) parts = [Number(iso[1]), iso[2] ? Number(iso[2]) : undefined, iso[3] ? Number(iso[3]) : undefined];
  const dmy = /^(\d{1,2})(?:st|nd|rd|th)?\.? ([A-Za-z]+)\.?,? (\d{4})$/.exec(s);
  if (dmy) parts = withMonth(dmy[2], Number(dmy[3]), Number(dmy[1]));
  const mdy = /^([A-Za-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/.exec(s);
  if (mdy) parts = withMonth(mdy[1], Number(mdy[3]), Number(mdy[2]));
  const my = /^([A-Za-z]+)\.?,? (\d{4})$/.exec(s);
  if (my) parts = withMonth(my[1], Number(my[2]));
  // "12/9/2019", "04.08.2024": day and month in an order only the writer knows. R Markdown
  // prints them as written, and so does briefpress, without a word when the numbers can be a date.
  const numeric = /^(\d{1,2})([/.])(\d{1,2})\2(\d{4}|\d{2})$/.exec(s);
  if (numeric && [[numeric[1], numeric[3]], [numeric[3], numeric[1]]].some(([a, b]) => Number(a) >= 1 && Number(a) <= 31 && Number(b) >= 1 && Number(b) <= 12)) return { written: s };
  if (!parts) return { error: 'expected a date such as 2024-05-20, "20 May 2024", "May 20, 2024", 2024-05, today or last-modified' };
  const [y, m, d] = parts;
  if (m === undefined) return { iso: String(y) };
  if (m < 1 || m > 12) return { error: `there is no month ${m}` };
  const mm = String(m).padStart(2, "0");
  if (d === undefined) return { iso: `${y}-${mm}` };
  const out = `${y}-${mm}-${String(d).padStart(2, "0")}`;
  const check = new Date(`${out}T00:00:00Z`);
  if (Number.isNaN(check.getTime()) || !check.toISOString().startsWith(out)) return { error: `${out} is not a real date` };
  return { iso: out };
}

function withMonth(name: string | undefined, y: number, d?: number): [number, number?, number?] | undefined {
  const lower = (name ?? "").toLowerCase();
  if (lower.length < 3) return undefined;
  const index = MONTHS.findIndex((m) => m.toLowerCase().startsWith(lower) || (lower === "sept" && m === "September"));
  return index < 0 ? undefined : [y, index + 1, d];
}
