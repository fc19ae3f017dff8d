import { Button, MenuItem, TextField } from '@mui/material';
import { useState } from 'react';
import {
  useDataProvider,
  useNotify,
  usePermissions,
  useRecordContext,
  useRefresh,
} from 'react-admin';
import { can } from '../../auth/permissions';
import type { Role } from '../../auth/token';
import { NoteDialog } from '../../components/NoteDialog';
import { SuspensionHoursField, suspensionDuration } from '../../components/SuspensionHoursField';
import type { AdminDataProvider, Decision } from '../../data/data-provider';

type Action = Decision['action'];

const ACTIONS: { id: Action; label: string }[] = [
  { id: 'dismiss', label: 'Dismiss' },
  { id: 'warn', label: 'Warn' },
  { id: 'suspend', label: 'Suspend' },
  { id: 'ban', label: 'Ban' },
];

/** Decides an open report: dismiss, warn, suspend (optionally timed) or ban (admins), with a note. */
export function DecideButton() {
  const report = useRecordContext<{ id: string; status: string; reason: string }>();
  const data = useDataProvider<AdminDataProvider>();
  const { permissions } = usePermissions<Role>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [action, setAction] = useState<Action>('dismiss');
  const [hours, setHours] = useState('');
  if (!report || report.status !== 'open') return null;
  const allowed = ACTIONS.filter((choice) => choice.id !== 'ban' || can.ban(permissions ?? null));

  const decide = async (note: string) => {
    await data.decideReport(report.id, {
      action,
      note,
      ...(action === 'suspend' ? suspensionDuration(hours) : {}),
    });
    notify(`Report decided: ${action}.`, { type: 'success' });
    refresh();
  };

  return (
    <>
      <Button
        size="small"
        variant="outlined"
        onClick={(event) => {
          event.stopPropagation();
          setOpen(true);
        }}
        aria-label={`Decide report ${report.id}`}
      >
        Decide
      </Button>
      {open && (
        <NoteDialog
          open
          title="Decide report"
          description={`Reason: ${report.reason.replace(/_/g, ' ')}`}
          confirmLabel="Decide"
          destructive={action === 'ban' || action === 'suspend'}
          onClose={() => setOpen(false)}
          onConfirm={decide}
        >
          <TextField
            select
            label="Decision"
            value={action}
            onChange={(event) => setAction(event.target.value as Action)}
          >
            {allowed.map((choice) => (
              <MenuItem key={choice.id} value={choice.id}>
                {choice.label}
              </MenuItem>
            ))}
          </TextField>
          {action === 'suspend' && <SuspensionHoursField value={hours} onChange={setHours} />}
        </NoteDialog>
      )}
    </>
  );
}
