import { ApiPropertyOptional } from '@nestjs/swagger';
import type { AuditAction } from '@rendezvous/contracts';
import { AUDIT_ACTIONS } from '@rendezvous/contracts';
import { IsOneOf, ListQueryDto, Optional } from '@rendezvous/platform';
import { IsUUID } from 'class-validator';

export class AuditQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'who acted' })
  @Optional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'the person acted on' })
  @Optional()
  @IsUUID()
  subjectUserId?: string;

  @ApiPropertyOptional({ enum: AUDIT_ACTIONS })
  @Optional()
  @IsOneOf(AUDIT_ACTIONS)
  action?: AuditAction;
}
