import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AuditAction } from '@rendezvous/contracts';
import { AUDIT_ACTIONS } from '@rendezvous/contracts';
import { DATE_TIME, UUID } from '../common/api-schemas';

/** An audit entry as API.md shows it: absent optionals are left out. */
export class AuditEntry {
  @ApiProperty(UUID)
  id: string;

  @ApiProperty({ ...UUID, description: 'who acted' })
  actorId: string;

  @ApiProperty({ enum: AUDIT_ACTIONS })
  action: AuditAction;

  @ApiPropertyOptional({ ...UUID, description: 'the person acted on' })
  subjectUserId?: string;

  @ApiPropertyOptional({ description: 'the id of the report, event, venue, dead letter or model' })
  objectId?: string;

  @ApiPropertyOptional()
  note?: string;

  @ApiProperty(DATE_TIME)
  at: string;
}
