import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import { IsNumberIn, Optional, QueryNumber } from './validators';

export class ListQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 20 })
  @Optional()
  @QueryNumber()
  @IsNumberIn(1, 100, true)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @Optional()
  @IsString()
  cursor?: string;
}

export const DEFAULT_PAGE_SIZE = 20;
