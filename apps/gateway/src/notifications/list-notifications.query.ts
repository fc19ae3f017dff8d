import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsUUID, Max, Min } from 'class-validator';
import { Optional } from '@rendezvous/platform';

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
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 20;
}
