const minuteFormat = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

const secondFormat = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "medium",
  timeZone: "UTC",
});

/** The time of an attempt in a list, as shown and in full. */
export interface AttemptTime {
  /** The time in UTC to the minute, or to the second where another attempt shares its minute. */
  text: string;
  /** The time in UTC to the second, for a tooltip. */
  full: string;
}

/** Returns the minute of `date` since the epoch, the unit that the short format shows. */
function minuteOf(date: Date): number {
  return Math.floor(date.getTime() / 60_000);
}

/**
 * Formats the submission times of a list of attempts in UTC. A time shows its seconds only where
 * another attempt of the same list was submitted in the same minute, so that the two differ, and
 * the rest stay short.
 */
export function formatAttemptTimes(dates: readonly Date[]): AttemptTime[] {
  const perMinute = new Map<number, number>();
  for (const date of dates) perMinute.set(minuteOf(date), (perMinute.get(minuteOf(date)) ?? 0) + 1);
  return dates.map((date) => {
    const full = secondFormat.format(date);
    const shared = (perMinute.get(minuteOf(date)) ?? 0) > 1;
    return { text: shared ? full : minuteFormat.format(date), full };
  });
}
