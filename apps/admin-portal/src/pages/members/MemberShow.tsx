import {
  Box,
  Card,
  CardContent,
  Chip,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { Link, Show, useRecordContext } from 'react-admin';
import { DetailList } from '../../components/DetailList';
import { MemberActions } from './MemberActions';
import type { MemberDetail } from '../../data/data-provider';
import { DETAIL_QUERY } from '../../data/detail-query';

const when = (value: string | null | undefined) =>
  value ? new Date(value).toLocaleString('en-GB') : '—';

function MemberDetailView() {
  const member = useRecordContext<MemberDetail>();
  if (!member) return null;
  return (
    <Stack spacing={2} sx={{ p: { xs: 1, sm: 2 } }}>
      <Box>
        <Typography component="h1" variant="h5">
          {member.name}
        </Typography>
        <Typography color="text.secondary">{member.email}</Typography>
        <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
          <Chip label={member.role} size="small" />
          <Chip
            label={
              member.status === 'suspended' && member.suspendedUntil
                ? `suspended until ${when(member.suspendedUntil)}`
                : member.status
            }
            size="small"
            color={member.status === 'active' ? 'success' : 'error'}
          />
        </Stack>
      </Box>
      <MemberActions member={member} />
      <Card variant="outlined">
        <CardContent>
          <Typography component="h2" variant="h6" gutterBottom>
            Profile
          </Typography>
          <DetailList>
            <dt>Headline</dt>
            <dd>{member.profile.headline ?? '—'}</dd>
            <dt>Industry</dt>
            <dd>{member.profile.industry ?? '—'}</dd>
            <dt>City</dt>
            <dd>{member.profile.location?.city ?? '—'}</dd>
            <dt>Bio</dt>
            <dd>{member.profile.bio ?? '—'}</dd>
            <dt>Joined</dt>
            <dd>{when(member.createdAt)}</dd>
            <dt>Reports about them</dt>
            <dd>
              {member.reportsAgainst}{' '}
              {member.reportsAgainst > 0 && (
                <Link
                  to={`/reports?filter=${encodeURIComponent(JSON.stringify({ status: 'open', subjectUserId: member.id }))}`}
                >
                  open reports about them
                </Link>
              )}
            </dd>
            <dt>Reports they filed</dt>
            <dd>{member.reportsFiled}</dd>
          </DetailList>
        </CardContent>
      </Card>
      <Card variant="outlined">
        <CardContent>
          <Typography component="h2" variant="h6" gutterBottom>
            Moderation history
          </Typography>
          {member.history.length === 0 ? (
            <Typography color="text.secondary">No moderation actions.</Typography>
          ) : (
            <Box sx={{ overflowX: 'auto' }}>
              <Table size="small" aria-label="Moderation history">
                <TableHead>
                  <TableRow>
                    <TableCell>When</TableCell>
                    <TableCell>Action</TableCell>
                    <TableCell>By</TableCell>
                    <TableCell>Note</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {member.history.map((entry) => (
                    <TableRow key={entry.id}>
                      <TableCell>{when(entry.at)}</TableCell>
                      <TableCell>{entry.action}</TableCell>
                      <TableCell sx={{ fontFamily: 'monospace' }}>{entry.actorId}</TableCell>
                      <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{entry.note ?? ''}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Box>
          )}
        </CardContent>
      </Card>
    </Stack>
  );
}

export function MemberShow() {
  return (
    <Show component="div" title="Member" queryOptions={DETAIL_QUERY}>
      <MemberDetailView />
    </Show>
  );
}
