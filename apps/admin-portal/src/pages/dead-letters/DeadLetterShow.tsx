import { Box, Button, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { Show, useDataProvider, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { DetailList } from '../../components/DetailList';
import { NoteDialog } from '../../components/NoteDialog';
import type { AdminDataProvider, DeadLetterDetail } from '../../data/data-provider';
import { DETAIL_QUERY } from '../../data/detail-query';

const pretty = (value: unknown) =>
  typeof value === 'string' ? value : JSON.stringify(value, null, 2);

function Code({ label, value }: { label: string; value: unknown }) {
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography component="h2" variant="h6" gutterBottom>
          {label}
        </Typography>
        <Box
          component="pre"
          tabIndex={0}
          aria-label={label}
          sx={{ m: 0, p: 1, bgcolor: 'grey.100', overflow: 'auto', maxHeight: 420, fontSize: 13 }}
        >
          {pretty(value)}
        </Box>
      </CardContent>
    </Card>
  );
}

function DeadLetterView() {
  const letter = useRecordContext<DeadLetterDetail>();
  const data = useDataProvider<AdminDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState<'replay' | 'discard' | null>(null);
  if (!letter) return null;

  const act = async (note: string) => {
    if (open === 'replay') {
      await data.replayDeadLetter(letter.id, note);
      notify(`Replayed to ${letter.originalTopic}.`, { type: 'success' });
    } else {
      await data.discardDeadLetter(letter.id, note);
      notify('Discarded.', { type: 'success' });
    }
    refresh();
  };

  return (
    <Stack spacing={2} sx={{ p: { xs: 1, sm: 2 } }}>
      <Box>
        <Typography component="h1" variant="h5">
          {letter.eventType ?? 'Message'} on {letter.originalTopic}
        </Typography>
        <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
          <Chip
            label={letter.status}
            size="small"
            color={letter.status === 'pending' ? 'warning' : 'default'}
          />
          <Chip label={letter.consumerGroup} size="small" />
        </Stack>
      </Box>
      {letter.status === 'pending' && (
        <Stack direction="row" spacing={1}>
          <Button variant="contained" onClick={() => setOpen('replay')}>
            Replay
          </Button>
          <Button variant="outlined" color="error" onClick={() => setOpen('discard')}>
            Discard
          </Button>
        </Stack>
      )}
      <Card variant="outlined">
        <CardContent>
          <DetailList>
            <dt>Failed</dt>
            <dd>{new Date(letter.failedAt).toLocaleString('en-GB')}</dd>
            <dt>Error</dt>
            <dd style={{ overflowWrap: 'anywhere' }}>{letter.error}</dd>
            <dt>Dead-letter topic</dt>
            <dd>{letter.topic}</dd>
            <dt>Key</dt>
            <dd style={{ fontFamily: 'monospace' }}>{letter.key ?? '—'}</dd>
            <dt>Event id</dt>
            <dd style={{ fontFamily: 'monospace' }}>{letter.eventId ?? '—'}</dd>
          </DetailList>
        </CardContent>
      </Card>
      <Code label="Message" value={letter.value} />
      <Code label="Headers" value={letter.headers} />
      <NoteDialog
        open={open !== null}
        title={open === 'replay' ? 'Replay this message' : 'Discard this message'}
        description={
          open === 'replay'
            ? `Published again to ${letter.originalTopic} with its key and headers; consumers that already applied it skip it.`
            : 'It stays listed as discarded; nothing is published.'
        }
        confirmLabel={open === 'replay' ? 'Replay' : 'Discard'}
        destructive={open === 'discard'}
        onClose={() => setOpen(null)}
        onConfirm={act}
      />
    </Stack>
  );
}

export function DeadLetterShow() {
  return (
    <Show component="div" title="Dead letter" queryOptions={DETAIL_QUERY}>
      <DeadLetterView />
    </Show>
  );
}
