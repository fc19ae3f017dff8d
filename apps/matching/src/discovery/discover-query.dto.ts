import { ApiPropertyOptional } from '@nestjs/swagger';
import { ListQueryDto } from '@rendezvous/platform';
import { IsOptional, IsUUID } from 'class-validator';

export class DiscoverQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'only people attending this event' })
  @IsOptional()
  @IsUUID()
  eventId?: string;
}
