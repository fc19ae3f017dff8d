import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601 } from 'class-validator';

export class CreateTimeslotDto {
  @ApiProperty({ format: 'date-time', description: 'not in the past' })
  @IsISO8601({ strict: true })
  startsAt: string;

  @ApiProperty({ format: 'date-time', description: 'after startsAt' })
  @IsISO8601({ strict: true })
  endsAt: string;
}
