import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AccountStatus, Role } from '@rendezvous/contracts';
import {
  ACCOUNT_STATUSES,
  NOTE_MAX_LENGTH,
  ROLES,
  SUSPENSION_MAX_HOURS,
  USER_LIMITS,
} from '@rendezvous/contracts';
import { IsNumberIn, IsOneOf, IsText, ListQueryDto, Optional } from '@rendezvous/platform';

export class AdminUsersQueryDto extends ListQueryDto {
  @ApiPropertyOptional({
    minLength: 1,
    maxLength: USER_LIMITS.EMAIL_MAX,
    description: 'an email prefix or a part of the name, any case',
  })
  @Optional()
  @IsText(USER_LIMITS.EMAIL_MAX, 1)
  q?: string;

  @ApiPropertyOptional({ enum: ACCOUNT_STATUSES, description: 'an ended suspension is active' })
  @Optional()
  @IsOneOf(ACCOUNT_STATUSES)
  status?: AccountStatus;

  @ApiPropertyOptional({ enum: ROLES })
  @Optional()
  @IsOneOf(ROLES)
  role?: Role;
}

/** A moderator's note: every action carries one; never filtered (API.md). */
export class NoteDto {
  @ApiProperty({ minLength: 1, maxLength: NOTE_MAX_LENGTH })
  @IsText(NOTE_MAX_LENGTH, 1)
  note: string;
}

export class SuspendDto extends NoteDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: SUSPENSION_MAX_HOURS,
    description: 'whole hours; absent = until reinstated',
  })
  @Optional()
  @IsNumberIn(1, SUSPENSION_MAX_HOURS, true)
  durationHours?: number;
}

export class RoleDto extends NoteDto {
  @ApiProperty({ enum: ROLES })
  @IsOneOf(ROLES)
  role: Role;
}
