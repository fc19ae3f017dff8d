import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { EVENT_LIMITS } from '@rendezvous/contracts';
import { IsNumberIn, IsText } from '@rendezvous/platform';

export const trimmed = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() : value;

export class EventLocationDto {
  @ApiProperty({ minLength: 1, maxLength: EVENT_LIMITS.LOCATION_NAME_MAX, example: 'Station F' })
  @Transform(trimmed)
  @IsText(EVENT_LIMITS.LOCATION_NAME_MAX, 1)
  name: string;

  @ApiProperty({ minimum: -90, maximum: 90, example: 48.8343 })
  @IsNumberIn(-90, 90)
  lat: number;

  @ApiProperty({ minimum: -180, maximum: 180, example: 2.3713 })
  @IsNumberIn(-180, 180)
  lng: number;
}
