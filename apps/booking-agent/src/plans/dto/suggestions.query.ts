import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { IsNumberIn, Optional, QueryNumber } from '@rendezvous/platform';

/** How many shared windows `GET /plans/suggestions` offers unless told otherwise. */
export const SUGGESTIONS_DEFAULT = 20;

export class SuggestionsQuery {
  @ApiProperty({ format: 'uuid', description: 'the other person' })
  @IsUUID('all', { message: 'with must be a user id' })
  with: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: SUGGESTIONS_DEFAULT })
  @Optional()
  @QueryNumber()
  @IsNumberIn(1, 100, true)
  limit?: number;
}
