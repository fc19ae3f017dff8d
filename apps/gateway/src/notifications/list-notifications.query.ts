import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsUUID, Max, Min } from 'class-validator';
import { Optional, QueryNumber } from '@rendezvous/platform';

export class ListNotificationsQuery {
  @ApiPropertyOptional({ description: 'Return the notifications after this one', format: 'uuid' })
  @Optional()
  @IsUUID()
  after?: string;

  @ApiPropertyOptional({ description: "Same as `after` (the previous page's `nextCursor`)" })
  @Optional()
  @IsUUID()
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @Optional()
  @QueryNumber()
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 20;
}
