import { ApiProperty } from '@nestjs/swagger';
import type { CompatibilityFactors } from '@rendezvous/contracts';
import { FACTOR_KEYS } from '@rendezvous/contracts';

const SHARE = { type: 'number', minimum: 0, maximum: 1 } as const;

/** One person in discovery (API.md, Matching). */
export class DiscoveryItem {
  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: String, nullable: true })
  headline!: string | null;

  @ApiProperty({
    ...SHARE,
    description:
      'compatibility: the weighted factors; when a learned model ranks, the model’s score (the chance of a like)',
  })
  score!: number;

  @ApiProperty({
    type: 'object',
    properties: Object.fromEntries(FACTOR_KEYS.map((key) => [key, SHARE])),
    required: [...FACTOR_KEYS],
    selfRequired: true,
    description: 'each factor from 0 to 1',
  })
  factors!: CompatibilityFactors;

  @ApiProperty({ type: [String], description: 'the interests both people have, normalised' })
  sharedInterests!: string[];

  @ApiProperty({
    type: 'integer',
    minimum: 1,
    nullable: true,
    description:
      'to the centre of their cell, whole km and at least 1; null when either location is unknown',
  })
  distanceKm!: number | null;

  @ApiProperty({
    type: 'object',
    properties: { version: { type: 'integer', minimum: 1 } },
    required: ['version'],
    selfRequired: false,
    description: 'present when a learned model ranked this answer: which one',
  })
  model?: { version: number };
}
