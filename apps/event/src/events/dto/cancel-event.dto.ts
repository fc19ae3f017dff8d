import { ApiPropertyOptional } from '@nestjs/swagger';
import { NOTE_MAX_LENGTH } from '@rendezvous/contracts';
import { IsText, Optional } from '@rendezvous/platform';

/** DELETE /events/:id, optional body. Notes are not word-filtered: they may quote abuse. */
export class CancelEventDto {
  @ApiPropertyOptional({
    minLength: 1,
    maxLength: NOTE_MAX_LENGTH,
    description:
      'Why it is cancelled; goes to the audit log when a moderator or admin cancels an event ' +
      'they do not organize',
  })
  @Optional()
  @IsText(NOTE_MAX_LENGTH, 1)
  note?: string;
}

/** A valid DELETE /events/:id body, shown in the documentation. */
export const CANCEL_EVENT_EXAMPLE = {
  note: 'Reported as spam by several attendees',
} satisfies CancelEventDto;
