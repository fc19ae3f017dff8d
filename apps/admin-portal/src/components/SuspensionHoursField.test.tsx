import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { SuspensionHoursField, suspensionDuration } from './SuspensionHoursField';

function Harness({ seen }: { seen: string[] }) {
  const [hours, setHours] = useState('');
  return (
    <SuspensionHoursField
      value={hours}
      onChange={(next) => {
        seen.push(next);
        setHours(next);
      }}
    />
  );
}

describe('suspensionDuration', () => {
  it('sends whole hours when typed and nothing when empty (until reinstated)', () => {
    expect(suspensionDuration('')).toEqual({});
    expect(suspensionDuration('  ')).toEqual({});
    expect(suspensionDuration('48')).toEqual({ durationHours: 48 });
  });
});

describe('SuspensionHoursField', () => {
  it('is a number field bounded by the API’s limits that reports what is typed', async () => {
    const seen: string[] = [];
    render(<Harness seen={seen} />);
    const field = screen.getByRole('spinbutton', { name: 'Duration in hours' });
    expect(field).toHaveAttribute('min', '1');
    expect(field).toHaveAttribute('max', '8760');
    expect(screen.getByText('1–8760; empty suspends until reinstated')).toBeInTheDocument();
    await userEvent.setup().type(field, '72');
    expect(field).toHaveValue(72);
    expect(seen.at(-1)).toBe('72');
  });
});
