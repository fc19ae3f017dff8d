import { ApiProperty } from '@nestjs/swagger';
import { IsInstant } from '@rendezvous/platform';

export class CreateTimeslotDto {
  @ApiProperty({ type: String, format: 'date-time', description: 'not in the past' })
  @IsInstant()
  startsAt: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'after startsAt' })
  @IsInstant()
  endsAt: string;
}
