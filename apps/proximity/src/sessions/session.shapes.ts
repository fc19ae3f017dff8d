import { ApiProperty } from '@nestjs/swagger';
import type { InterestCategory } from '@rendezvous/contracts';
import { INTEREST_CATEGORIES } from '@rendezvous/contracts';

/** `POST /proximity/sessions` → `201` (API.md, Proximity). */
export class ProximitySession {
  @ApiProperty({ format: 'uuid' })
  sessionId!: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;
}

/** `POST /proximity/encounters` → `200` (API.md, Proximity). */
export class EncounterAnswer {
  @ApiProperty({ description: 'the two sessions share at least one interest' })
  match!: boolean;

  @ApiProperty({
    enum: INTEREST_CATEGORIES,
    isArray: true,
    uniqueItems: true,
    description: 'category labels of the shared interests, in display order; never the interests',
  })
  sharedInterests!: InterestCategory[];

  @ApiProperty({ description: "true only for the report that sent the pair's nudge" })
  nudgeSent!: boolean;
}
