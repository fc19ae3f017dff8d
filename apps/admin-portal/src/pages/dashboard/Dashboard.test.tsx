import { QueryClient } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { AdminContext, testDataProvider } from 'react-admin';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/problem';
import type { AdminStats } from '../../data/data-provider';
import { Dashboard } from './Dashboard';
import { formatStat, TODAY } from './stat-labels';

const STATS: AdminStats = {
  usersTotal: 12_345,
  swipesToday: 1_002_003,
  matchesToday: 0,
  mutualMatchRate: 0.1234,
  queueWaiting: 7,
  activeProximitySessions: 3,
  eventsScheduled: 42,
  registrationsToday: 5,
  bookingsConfirmedToday: 2,
  bookingsFailedToday: 1,
  reportsOpen: 9,
};

function entry(key: keyof AdminStats) {
  const found = TODAY.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`no counter ${key}`);
  return found;
}

describe('formatStat', () => {
  it('groups counts by thousands and shows the match rate as a percentage', () => {
    expect(formatStat(entry('usersTotal'), 12_345)).toBe('12,345');
    expect(formatStat(entry('swipesToday'), 0)).toBe('0');
    expect(formatStat(entry('mutualMatchRate'), 0.1234)).toBe('12.3 %');
    expect(formatStat(entry('mutualMatchRate'), 1)).toBe('100.0 %');
  });

  it('covers every counter of the stats answer once', () => {
    expect(TODAY.map((stat) => stat.key).sort()).toEqual(Object.keys(STATS).sort());
  });
});

describe('Dashboard', () => {
  beforeEach(() => {
    // recharts sizes its charts with ResizeObserver, which jsdom lacks.
    vi.stubGlobal(
      'ResizeObserver',
      class {
        observe = vi.fn();
        unobserve = vi.fn();
        disconnect = vi.fn();
      },
    );
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  const renderWith = (stats: () => Promise<AdminStats>) =>
    render(
      <AdminContext
        // As in App: no retries, so an error shows at once.
        queryClient={new QueryClient({ defaultOptions: { queries: { retry: false } } })}
        dataProvider={{ ...testDataProvider(), stats, dailyStats: async () => [] }}
      >
        <Dashboard />
      </AdminContext>,
    );

  it("shows today's counters formatted, each under its label", async () => {
    renderWith(async () => STATS);
    const rate = await screen.findByText('12.3 %');
    expect(rate).toHaveAttribute('data-stat', 'mutualMatchRate');
    const terms = screen.getAllByRole('term').map((term) => term.textContent);
    const values = screen.getAllByRole('definition').map((value) => value.textContent);
    expect(Object.fromEntries(terms.map((term, index) => [term, values[index]]))).toMatchObject({
      Members: '12,345',
      'Swipes today': '1,002,003',
      'Matches today': '0',
      'Mutual match rate': '12.3 %',
      'Open reports': '9',
    });
  });

  it('shows the API error instead of the counters', async () => {
    // react-admin logs data provider failures; this one is expected.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    renderWith(() =>
      Promise.reject(new ApiError({ title: 'Forbidden', detail: 'Moderators only.' }, 403, null)),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('Moderators only.');
    expect(document.querySelector('[data-stat="usersTotal"]')).toHaveTextContent('…');
  });
});
