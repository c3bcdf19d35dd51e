/**
 * Which times the journal believes. Nothing in this project can predate 2020
 * (the plans it follows are from 2022 on), and a file cannot describe work done
 * later than a day after it is read (a day covers every time zone and a
 * slightly fast clock). Every stored time is inside this window, so every
 * export writes four-digit years that import again.
 */
export const EARLIEST_TIME = Date.UTC(2020, 0, 1);
export const FUTURE_SLACK_MS = 86_400_000;

export function latestTime(now: number): number {
  return now + FUTURE_SLACK_MS;
}

export function plausibleTime(ms: number, now: number): boolean {
  return Number.isFinite(ms) && ms >= EARLIEST_TIME && ms <= latestTime(now);
}
