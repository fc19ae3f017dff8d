import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ReportContextType, ReportReason } from '@rendezvous/contracts';
import {
  REPORT_CONTEXT_TYPES,
  REPORT_DETAILS_MAX_LENGTH,
  REPORT_REASONS,
} from '@rendezvous/contracts';
import { IsBool, IsOneOf, IsText, NestedObject, Optional } from '@rendezvous/platform';
import { IsUUID } from 'class-validator';

export class ReportContextDto {
  @ApiProperty({ enum: REPORT_CONTEXT_TYPES })
  @IsOneOf(REPORT_CONTEXT_TYPES)
  type: ReportContextType;

  @ApiPropertyOptional({ format: 'uuid', description: 'the match, event, plan ... reported from' })
  @Optional()
  @IsUUID()
  id?: string;
}

export class CreateReportDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  subjectUserId: string;

  @ApiProperty({ enum: REPORT_REASONS })
  @IsOneOf(REPORT_REASONS)
  reason: ReportReason;

  @ApiPropertyOptional({
    maxLength: REPORT_DETAILS_MAX_LENGTH,
    description: 'not filtered: victims quote what they received',
  })
  @Optional()
  @IsText(REPORT_DETAILS_MAX_LENGTH)
  details?: string;

  @ApiPropertyOptional({ type: ReportContextDto })
  @Optional()
  @NestedObject(() => ReportContextDto, 'context must be an object { type, id? }')
  context?: ReportContextDto;

  @ApiPropertyOptional({ default: true, description: 'also block the subject' })
  @Optional()
  @IsBool()
  block?: boolean;
}
