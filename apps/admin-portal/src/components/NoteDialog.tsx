import { NOTE_MAX_LENGTH } from '@rendezvous/contracts/values';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Stack,
  TextField,
} from '@mui/material';
import type { FormEvent, ReactNode } from 'react';
import { useId, useState } from 'react';

export const NOTE_MAX = NOTE_MAX_LENGTH;

/** Whether a moderator's note is acceptable (API.md: every note is 1–2000 characters). */
export function noteProblem(note: string): string | null {
  if (note.trim().length === 0) return 'A note is required.';
  if (note.length > NOTE_MAX) return `A note is at most ${NOTE_MAX} characters.`;
  return null;
}

interface Props {
  open: boolean;
  title: string;
  description?: ReactNode;
  confirmLabel: string;
  destructive?: boolean;
  /** Extra fields above the note (a duration, a role). */
  children?: ReactNode;
  onClose: () => void;
  onConfirm: (note: string) => Promise<void>;
}

/** A confirmation that needs a note; the API's answer to a refusal is shown in place. */
export function NoteDialog({
  open,
  title,
  description,
  confirmLabel,
  destructive,
  children,
  onClose,
  onConfirm,
}: Props) {
  const [note, setNote] = useState('');
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const titleId = useId();
  const problem = noteProblem(note);

  const close = () => {
    setNote('');
    setTouched(false);
    setError(null);
    onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (problem) return;
    setBusy(true);
    setError(null);
    try {
      await onConfirm(note);
      close();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'The action failed.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={close} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <DialogTitle id={titleId}>{title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {description && <DialogContentText component="div">{description}</DialogContentText>}
            {error && (
              <Alert severity="error" role="alert">
                {error}
              </Alert>
            )}
            {children}
            <TextField
              label="Note"
              value={note}
              onChange={(event) => setNote(event.target.value)}
              onBlur={() => setTouched(true)}
              required
              multiline
              minRows={3}
              error={touched && problem !== null}
              helperText={
                (touched && problem) || `Kept in the audit log. ${note.length}/${NOTE_MAX}`
              }
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>Cancel</Button>
          <Button
            type="submit"
            variant="contained"
            color={destructive ? 'error' : 'primary'}
            disabled={busy}
          >
            {confirmLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
