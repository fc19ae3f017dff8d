import { Alert, Box, Card, CardContent, CardHeader, Grid, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Title, useDataProvider } from 'react-admin';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { AdminDataProvider } from '../../data/data-provider';
import { DAILY_SERIES, formatStat, TODAY } from './stat-labels';

const REFRESH_MS = 15_000;

export function Dashboard() {
  const data = useDataProvider<AdminDataProvider>();
  const stats = useQuery({
    queryKey: ['admin-stats'],
    queryFn: () => data.stats(),
    refetchInterval: REFRESH_MS,
  });
  const daily = useQuery({
    queryKey: ['admin-stats-daily', 30],
    queryFn: () => data.dailyStats(30),
    refetchInterval: REFRESH_MS * 4,
  });

  return (
    <Box component="section" aria-labelledby="dashboard-title" sx={{ p: { xs: 1, sm: 2 } }}>
      <Title title="Dashboard" />
      <Typography id="dashboard-title" component="h1" variant="h5" gutterBottom>
        Today
      </Typography>
      {stats.error && <Alert severity="error">{(stats.error as Error).message}</Alert>}
      {/* One small definition list per card: a dl may hold only dt and dd (and div groups). */}
      <Grid container spacing={2}>
        {TODAY.map((entry) => (
          <Grid key={entry.key} size={{ xs: 6, sm: 4, md: 3, lg: 2 }}>
            <Card variant="outlined" sx={{ height: '100%' }}>
              <CardContent component="dl" sx={{ m: 0 }}>
                <Typography component="dt" variant="body2" color="text.secondary">
                  {entry.label}
                </Typography>
                <Typography component="dd" variant="h5" sx={{ m: 0 }} data-stat={entry.key}>
                  {stats.data ? formatStat(entry, stats.data[entry.key]) : '…'}
                </Typography>
              </CardContent>
            </Card>
          </Grid>
        ))}
      </Grid>
      <Typography component="h2" variant="h6" sx={{ mt: 3, mb: 1 }}>
        Last 30 days
      </Typography>
      {daily.error && <Alert severity="error">{(daily.error as Error).message}</Alert>}
      <Grid container spacing={2}>
        {[DAILY_SERIES.slice(0, 4), DAILY_SERIES.slice(4)].map((series, index) => (
          <Grid key={index} size={{ xs: 12, lg: 6 }}>
            <Card variant="outlined">
              <CardHeader
                title={index === 0 ? 'People and matching' : 'Events, bookings and reports'}
                slotProps={{ title: { component: 'h3', variant: 'subtitle1' } }}
              />
              <CardContent sx={{ height: 280 }}>
                <ResponsiveContainer width="100%" height="100%">
                  <LineChart data={daily.data ?? []} accessibilityLayer>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis
                      dataKey="day"
                      tickFormatter={(day: string) => day.slice(5)}
                      minTickGap={16}
                    />
                    <YAxis allowDecimals={false} width={40} />
                    <Tooltip />
                    <Legend />
                    {series.map((line) => (
                      <Line
                        key={line.key}
                        type="monotone"
                        dataKey={line.key}
                        name={line.label}
                        stroke={line.colour}
                        dot={false}
                        isAnimationActive={false}
                      />
                    ))}
                  </LineChart>
                </ResponsiveContainer>
              </CardContent>
            </Card>
          </Grid>
        ))}
      </Grid>
    </Box>
  );
}
