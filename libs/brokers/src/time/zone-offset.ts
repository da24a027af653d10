/** How far `zone`'s wall clock runs ahead of UTC at `ms`; undefined for a zone Intl does not know. */
export function zoneOffsetMs(zone: string, ms: number): number | undefined {
  // Intl writes whole seconds: the offset is measured from the same whole second.
  const whole = Math.floor(ms / 1000) * 1000;
  try {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }).formatToParts(new Date(whole));
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
  } catch {
    return undefined;
  }
}
