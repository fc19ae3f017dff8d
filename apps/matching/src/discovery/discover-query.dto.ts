import { ApiPropertyOptional } from '@nestjs/swagger';
import { ListQueryDto, Optional } from '@rendezvous/platform';
import { IsUUID } from 'class-validator';

export class DiscoverQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'only people attending this event' })
  @Optional()
  @IsUUID()
  eventId?: string;
}
