import { Box, Button, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { Show, useDataProvider, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { DetailList } from '../../components/DetailList';
import { NoteDialog } from '../../components/NoteDialog';
import type { AdminDataProvider, EventDetail } from '../../data/data-provider';
import { DETAIL_QUERY } from '../../data/detail-query';

function EventDetailView() {
  const event = useRecordContext<EventDetail>();
  const data = useDataProvider<AdminDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [cancelling, setCancelling] = useState(false);
  if (!event) return null;

  const cancel = async (note: string) => {
    await data.cancelEvent(event.id, note);
    notify(`“${event.title}” is cancelled; everyone registered or waitlisted is told.`, {
      type: 'success',
    });
    refresh();
  };

  return (
    <Stack spacing={2} sx={{ p: { xs: 1, sm: 2 } }}>
      <Box>
        <Typography component="h1" variant="h5">
          {event.title}
        </Typography>
        <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
          <Chip label={event.category} size="small" />
          <Chip
            label={event.status}
            size="small"
            color={event.status === 'scheduled' ? 'success' : 'default'}
          />
        </Stack>
      </Box>
      {event.status === 'scheduled' && (
        <Box>
          <Button variant="outlined" color="error" onClick={() => setCancelling(true)}>
            Cancel event
          </Button>
        </Box>
      )}
      <Card variant="outlined">
        <CardContent>
          <DetailList>
            <dt>Starts</dt>
            <dd>{new Date(event.startsAt).toLocaleString('en-GB')}</dd>
            <dt>Ends</dt>
            <dd>{new Date(event.endsAt).toLocaleString('en-GB')}</dd>
            <dt>Where</dt>
            <dd>{event.location.name}</dd>
            <dt>Registered</dt>
            <dd>
              {event.registeredCount} of {event.capacity}, {event.waitlistedCount} waitlisted
            </dd>
            <dt>Organizer</dt>
            <dd style={{ fontFamily: 'monospace' }}>{event.organizerId}</dd>
            <dt>Tags</dt>
            <dd>{event.tags.join(', ') || '—'}</dd>
            <dt>Description</dt>
            <dd style={{ whiteSpace: 'pre-wrap' }}>{event.description || '—'}</dd>
          </DetailList>
        </CardContent>
      </Card>
      <NoteDialog
        open={cancelling}
        title={`Cancel “${event.title}”`}
        description="The event stays readable with status cancelled and leaves the lists; everyone registered or waitlisted is notified."
        confirmLabel="Cancel event"
        destructive
        onClose={() => setCancelling(false)}
        onConfirm={cancel}
      />
    </Stack>
  );
}

export function EventShow() {
  return (
    <Show component="div" title="Event" queryOptions={DETAIL_QUERY}>
      <EventDetailView />
    </Show>
  );
}
