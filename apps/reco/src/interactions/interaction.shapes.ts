import { ApiProperty } from '@nestjs/swagger';
import type { InteractionType } from '@rendezvous/contracts';
import { INTERACTION_TYPES } from '@rendezvous/contracts';
import { MAX_DWELL_SECONDS } from '../venues/venue.dto';

/** `POST /venues/:id/interactions` → `201`. */
export class Interaction {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  venueId!: string;

  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty({ enum: INTERACTION_TYPES })
  type!: InteractionType;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: MAX_DWELL_SECONDS })
  dwellSeconds!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}
