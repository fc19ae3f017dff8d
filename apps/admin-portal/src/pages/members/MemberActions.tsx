import { Button, MenuItem, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import {
  useDataProvider,
  useGetIdentity,
  useNotify,
  usePermissions,
  useRefresh,
} from 'react-admin';
import { memberActions } from '../../auth/permissions';
import type { MemberAction } from '../../auth/permissions';
import type { Role } from '../../auth/token';
import { NoteDialog } from '../../components/NoteDialog';
import type { AdminDataProvider, MemberDetail } from '../../data/data-provider';
import { SuspensionHoursField, suspensionDuration } from '../../components/SuspensionHoursField';

type Member = Pick<MemberDetail, 'id' | 'name' | 'role' | 'status'>;

const LABELS: Record<MemberAction, string> = {
  suspend: 'Suspend',
  ban: 'Ban',
  reinstate: 'Reinstate',
  role: 'Change role',
};

/** Suspend, ban, reinstate and role changes, each with a required note; only those the role allows. */
export function MemberActions({ member }: { member: Member }) {
  const data = useDataProvider<AdminDataProvider>();
  const { permissions } = usePermissions<Role>();
  const { identity } = useGetIdentity();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState<MemberAction | null>(null);
  const [hours, setHours] = useState('');
  const [role, setRole] = useState<Role>(member.role);
  const actions = memberActions(permissions ?? null, member, identity?.id === member.id);

  const done = (message: string) => {
    notify(message, { type: 'success' });
    refresh();
  };

  const run: Record<MemberAction, (note: string) => Promise<void>> = {
    suspend: async (note) => {
      await data.suspend(member.id, { note, ...suspensionDuration(hours) });
      done(`${member.name} is suspended.`);
    },
    ban: async (note) => {
      await data.ban(member.id, note);
      done(`${member.name} is banned.`);
    },
    reinstate: async (note) => {
      await data.reinstate(member.id, note);
      done(`${member.name} is reinstated.`);
    },
    role: async (note) => {
      await data.changeRole(member.id, { role, note });
      done(`${member.name} is now ${role}.`);
    },
  };

  if (actions.length === 0) return null;
  return (
    <>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {actions.map((action) => (
          <Button
            key={action}
            variant="outlined"
            color={action === 'ban' || action === 'suspend' ? 'error' : 'primary'}
            onClick={() => setOpen(action)}
          >
            {LABELS[action]}
          </Button>
        ))}
      </Stack>
      {open && (
        <NoteDialog
          open
          title={`${LABELS[open]} ${member.name}`}
          confirmLabel={LABELS[open]}
          destructive={open === 'ban' || open === 'suspend'}
          description={
            open === 'suspend'
              ? 'They are signed out everywhere within seconds and hidden from everyone until the suspension ends or they are reinstated.'
              : open === 'ban'
                ? 'A ban also cancels their registrations and the events and plans they organise.'
                : undefined
          }
          onClose={() => setOpen(null)}
          onConfirm={run[open]}
        >
          {open === 'suspend' && <SuspensionHoursField value={hours} onChange={setHours} />}
          {open === 'role' && (
            <TextField
              select
              label="Role"
              value={role}
              onChange={(event) => setRole(event.target.value as Role)}
            >
              {(['user', 'moderator', 'admin'] as const).map((choice) => (
                <MenuItem key={choice} value={choice}>
                  {choice}
                </MenuItem>
              ))}
            </TextField>
          )}
        </NoteDialog>
      )}
    </>
  );
}
