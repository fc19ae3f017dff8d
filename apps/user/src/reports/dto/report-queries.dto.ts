import { ApiPropertyOptional } from '@nestjs/swagger';
import type { ReportReason, ReportStatus } from '@rendezvous/contracts';
import { REPORT_REASONS, REPORT_STATUSES } from '@rendezvous/contracts';
import { IsOneOf, ListQueryDto, Optional } from '@rendezvous/platform';
import { IsUUID } from 'class-validator';

export class ReportQueueQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: REPORT_STATUSES, default: 'open' })
  @Optional()
  @IsOneOf(REPORT_STATUSES)
  status?: ReportStatus;

  @ApiPropertyOptional({ enum: REPORT_REASONS })
  @Optional()
  @IsOneOf(REPORT_REASONS)
  reason?: ReportReason;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  subjectUserId?: string;
}
