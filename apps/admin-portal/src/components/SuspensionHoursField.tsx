import { SUSPENSION_MAX_HOURS } from '@rendezvous/contracts/values';
import { TextField } from '@mui/material';

/** The request field for the hours typed: none when empty (suspended until reinstated). */
export function suspensionDuration(hours: string): { durationHours?: number } {
  return hours.trim() === '' ? {} : { durationHours: Number(hours) };
}

/** How long a suspension lasts, in whole hours; empty suspends until reinstated. */
export function SuspensionHoursField({
  value,
  onChange,
}: {
  value: string;
  onChange: (hours: string) => void;
}) {
  return (
    <TextField
      label="Duration in hours"
      type="number"
      value={value}
      onChange={(event) => onChange(event.target.value)}
      slotProps={{ htmlInput: { min: 1, max: SUSPENSION_MAX_HOURS } }}
      helperText={`1–${SUSPENSION_MAX_HOURS}; empty suspends until reinstated`}
    />
  );
}
