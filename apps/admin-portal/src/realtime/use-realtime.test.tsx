import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { Services } from '../services';
import { ServicesContext } from '../services-context';
import type { ReportCreated } from './realtime';
import { useRealtime } from './use-realtime';

/** A Realtime stand-in that records subscriptions and delivers to them on demand. */
function fakeRealtime() {
  const listeners = new Set<(payload: ReportCreated) => void>();
  const on = vi.fn((_event: string, listener: (payload: ReportCreated) => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  });
  const deliver = (payload: ReportCreated) => listeners.forEach((listener) => listener(payload));
  return { on, deliver, listeners };
}

const report = (reportId: string): ReportCreated => ({
  notificationId: `n-${reportId}`,
  occurredAt: '2026-12-05T10:00:00Z',
  reportId,
  subjectUserId: 'u2',
  reason: 'spam',
  subjectOpenReports: 1,
});

describe('useRealtime', () => {
  it('subscribes once, calls the latest handler and unsubscribes on unmount', () => {
    const realtime = fakeRealtime();
    const services = { realtime } as unknown as Services;
    const wrapper = ({ children }: { children: ReactNode }) => (
      <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>
    );
    const first = vi.fn();
    const second = vi.fn();
    const { rerender, unmount } = renderHook(
      ({ handler }) => useRealtime('moderation.report_created', handler),
      { wrapper, initialProps: { handler: first } },
    );

    rerender({ handler: second });
    realtime.deliver(report('r1'));

    expect(realtime.on).toHaveBeenCalledTimes(1);
    expect(realtime.on).toHaveBeenCalledWith('moderation.report_created', expect.any(Function));
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith(report('r1'));

    unmount();
    expect(realtime.listeners.size).toBe(0);
  });
});
