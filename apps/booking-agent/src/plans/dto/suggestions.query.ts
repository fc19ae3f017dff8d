import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { IsNumberIn, Optional, QueryNumber } from '@rendezvous/platform';

export class SuggestionsQuery {
  @ApiProperty({ format: 'uuid', description: 'the other person' })
  @IsUUID('all', { message: 'with must be a user id' })
  with: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @Optional()
  @QueryNumber()
  @IsNumberIn(1, 100, true)
  limit?: number;
}
