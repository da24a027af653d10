/** One formatter per zone: building one costs far more than formatting, and bars are converted by the thousand. */
const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterOf(zone: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
    } catch {
      formatter = null;
    }
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** How far `zone`'s wall clock runs ahead of UTC at `ms`; undefined for a zone Intl does not know. */
export function zoneOffsetMs(zone: string, ms: number): number | undefined {
  const formatter = formatterOf(zone);
  if (!formatter) return undefined;
  // Intl writes whole seconds: the offset is measured from the same whole second.
  const whole = Math.floor(ms / 1000) * 1000;
  const parts = formatter.formatToParts(new Date(whole));
  const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return wall - whole;
}
