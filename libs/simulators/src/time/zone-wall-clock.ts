/**
 * How far `zone`'s wall clock runs ahead of UTC at `utcMs` (Intl's zone data, DST included), measured from
 * the whole second so milliseconds survive; undefined for a zone Intl does not know. The simulators keep
 * this reader of their own: they are the oracles of the adapters' time handling, so they do not borrow it.
 */
export function zoneOffsetMs(zone: string, utcMs: number): number | undefined {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }).formatToParts(new Date(utcMs));
  } catch {
    return undefined;
  }
  const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return wall - Math.floor(utcMs / 1000) * 1000;
}
