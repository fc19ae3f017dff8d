const HOUR_MS = 60 * 60 * 1000;

/** `lastActiveAt` moves at most once an hour, so logins don't flood `user.updated`. */
export function shouldTouchLastActive(lastActiveAt: Date | null, now: Date = new Date()): boolean {
  return lastActiveAt === null || now.getTime() - lastActiveAt.getTime() >= HOUR_MS;
}
