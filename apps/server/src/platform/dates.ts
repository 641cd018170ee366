/** Today's date in Vietnam ('YYYY-MM-DD'), whatever the server's time zone. */
export function todayInVietnam(now: Date = new Date()): string {
  return vietnamDay.format(now);
}

// Made once: building a formatter costs far more than using it.
const vietnamDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });

/** '2024-09-05' → '05/09/2024', the way dates are written in Vietnamese messages. */
export function viDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}

/** The local day of a moment, written the Vietnamese way: '05/09/2024'. */
export function viDay(moment: Date): string {
  return viDate(todayInVietnam(moment));
}

/** Adds days to a 'YYYY-MM-DD' day. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
