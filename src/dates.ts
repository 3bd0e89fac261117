// Dates as briefs print them: "20 May 2024" from front matter's ISO "2024-05-20".
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export function formatDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  if (!y || !m || !d) return iso;
  return `${d} ${MONTHS[m - 1] ?? ""} ${y}`;
}

/** Midnight UTC of the brief's date: the fixed clock that makes builds reproducible. */
export function briefEpoch(iso: string | undefined, sourceDateEpoch: string | undefined): Date {
  if (sourceDateEpoch && /^\d+$/.test(sourceDateEpoch)) return new Date(Number(sourceDateEpoch) * 1000);
  if (iso) return new Date(`${iso}T00:00:00Z`);
  return new Date(0);
}
