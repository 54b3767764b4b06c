import { useEffect, useState } from 'react';
import { systemClock } from '../../shared/time/clock';
import type { Clock } from '../../shared/time/clock';

/** The current time in ms, refreshed every second while `active` (for countdowns). */
export function useNow(active: boolean, clock: Clock = systemClock): number {
  const [now, setNow] = useState(() => clock.now().getTime());
  useEffect(() => {
    if (!active) return;
    setNow(clock.now().getTime());
    const timer = window.setInterval(() => setNow(clock.now().getTime()), 1000);
    return () => window.clearInterval(timer);
  }, [active, clock]);
  return now;
}
