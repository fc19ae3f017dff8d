import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/problem';
import { NOTE_MAX, NoteDialog, noteProblem } from './NoteDialog';

function setup(onConfirm: (note: string) => Promise<void> = async () => undefined) {
  const onClose = vi.fn();
  const confirm = vi.fn(onConfirm);
  render(
    <NoteDialog
      open
      title="Ban Ann"
      description="A ban also cancels their registrations."
      confirmLabel="Ban"
      destructive
      onClose={onClose}
      onConfirm={confirm}
    />,
  );
  return { onClose, confirm, user: userEvent.setup() };
}

const note = () => screen.getByRole('textbox', { name: /note/i });
const confirmButton = () => screen.getByRole('button', { name: 'Ban' });

describe('noteProblem', () => {
  it('accepts 1 to 2000 characters that are not all blank', () => {
    expect(noteProblem('x')).toBeNull();
    expect(noteProblem('x'.repeat(NOTE_MAX))).toBeNull();
    expect(noteProblem('   \n')).toBe('A note is required.');
    expect(noteProblem('x'.repeat(NOTE_MAX + 1))).toBe('A note is at most 2000 characters.');
  });
});

describe('NoteDialog', () => {
  it('is labelled by its title', () => {
    setup();
    expect(screen.getByRole('dialog', { name: 'Ban Ann' })).toBeInTheDocument();
  });

  it('blocks an empty note with a message', async () => {
    const { confirm, user } = setup();
    await user.click(note());
    await user.paste('   ');
    await user.click(confirmButton());
    expect(screen.getByText('A note is required.')).toBeInTheDocument();
    expect(note()).toHaveAttribute('aria-invalid', 'true');
    expect(confirm).not.toHaveBeenCalled();
  });

  it('blocks a note over 2000 characters', async () => {
    const { confirm, user } = setup();
    await user.click(note());
    await user.paste('y'.repeat(NOTE_MAX + 1));
    await user.click(confirmButton());
    expect(screen.getByText('A note is at most 2000 characters.')).toBeInTheDocument();
    expect(confirm).not.toHaveBeenCalled();
  });

  it('shows the API refusal in the dialog and stays open', async () => {
    const { onClose, user } = setup(() =>
      Promise.reject(
        new ApiError({ title: 'Conflict', detail: 'This member is already banned.' }, 409, null),
      ),
    );
    await user.click(note());
    await user.paste('Repeated harassment');
    await user.click(confirmButton());
    expect(await screen.findByRole('alert')).toHaveTextContent('This member is already banned.');
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    expect(note()).toHaveValue('Repeated harassment');
    expect(onClose).not.toHaveBeenCalled();
    expect(confirmButton()).toBeEnabled();
  });

  it('sends the note and closes on success', async () => {
    const { confirm, onClose, user } = setup();
    await user.click(note());
    await user.paste('Repeated harassment');
    await user.click(confirmButton());
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    expect(confirm).toHaveBeenCalledWith('Repeated harassment');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('disables the confirmation while the request runs', async () => {
    let finish!: () => void;
    const { user } = setup(
      () =>
        new Promise<void>((resolve) => {
          finish = resolve;
        }),
    );
    await user.click(note());
    await user.paste('ok');
    await user.click(confirmButton());
    expect(confirmButton()).toBeDisabled();
    finish();
    await waitFor(() => expect(confirmButton()).toBeEnabled());
  });
});
