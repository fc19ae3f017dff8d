import type { LedgerSession } from './session-loss';
import { sessionLosses } from './session-loss';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 12, minute));
const session = (sessionId: string, userId: string, minute: number): LedgerSession => ({
  sessionId,
  userId,
  startedAt: at(minute),
});

describe(sessionLosses.name, () => {
  it("reports each person's newest session once, and the older ones as replaced", () => {
    const older = session('s1', 'ada', 1);
    const newer = session('s2', 'ada', 5);
    const bobs = session('s3', 'bob', 2);
    expect(sessionLosses([newer, older, bobs], new Set())).toEqual({
      lost: [newer, bobs],
      replaced: [older],
    });
  });

  it('reports nothing Redis still holds', () => {
    const ada = session('s1', 'ada', 1);
    expect(sessionLosses([ada], new Set(['s1']))).toEqual({ lost: [], replaced: [] });
  });

  it('closes a replaced session even when the newest is kept', () => {
    const older = session('s1', 'ada', 1);
    const newer = session('s2', 'ada', 5);
    expect(sessionLosses([older, newer], new Set(['s2']))).toEqual({
      lost: [],
      replaced: [older],
    });
  });
});
