import type { AdminStats, DailyStats } from '../../data/data-provider';

/** Today's counters as the dashboard shows them, in the order of API.md's Admin section. */
export const TODAY: { key: keyof AdminStats; label: string; format?: (value: number) => string }[] =
  [
    { key: 'usersTotal', label: 'Members' },
    { key: 'swipesToday', label: 'Swipes today' },
    { key: 'matchesToday', label: 'Matches today' },
    {
      key: 'mutualMatchRate',
      label: 'Mutual match rate',
      format: (value) => `${(value * 100).toFixed(1)} %`,
    },
    { key: 'queueWaiting', label: 'Waiting in queues' },
    { key: 'activeProximitySessions', label: 'Proximity sessions' },
    { key: 'eventsScheduled', label: 'Events scheduled' },
    { key: 'registrationsToday', label: 'Registrations today' },
    { key: 'bookingsConfirmedToday', label: 'Bookings confirmed today' },
    { key: 'bookingsFailedToday', label: 'Bookings failed today' },
    { key: 'reportsOpen', label: 'Open reports' },
  ];

export const DAILY_SERIES: {
  key: Exclude<keyof DailyStats, 'day'>;
  label: string;
  colour: string;
}[] = [
  { key: 'signups', label: 'Sign-ups', colour: '#1565c0' },
  { key: 'swipes', label: 'Swipes', colour: '#6a1b9a' },
  { key: 'likes', label: 'Likes', colour: '#ad1457' },
  { key: 'matches', label: 'Matches', colour: '#2e7d32' },
  { key: 'registrations', label: 'Registrations', colour: '#ef6c00' },
  { key: 'bookingsConfirmed', label: 'Bookings confirmed', colour: '#00838f' },
  { key: 'bookingsFailed', label: 'Bookings failed', colour: '#c62828' },
  { key: 'reports', label: 'Reports', colour: '#4e342e' },
];

export const formatStat = (entry: (typeof TODAY)[number], value: number): string =>
  entry.format ? entry.format(value) : value.toLocaleString('en');
