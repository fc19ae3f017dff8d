import { ApiProperty } from '@nestjs/swagger';
import { affinityText, CATEGORY_AFFINITY, VENUE_AFFINITY } from './formula-constants';

const SHARE = { minimum: 0, maximum: 1 } as const;

/** Why a venue scores as it does for a person; each from 0 to 1. */
export class VenueFactors {
  @ApiProperty({ ...SHARE, description: 'e^(−decay·km); 0 when the distance is unknown' })
  distance!: number;

  @ApiProperty({
    ...SHARE,
    description: `${affinityText(VENUE_AFFINITY)} from the person's own interactions with the venue`,
  })
  preference!: number;

  @ApiProperty({
    ...SHARE,
    description: "the venue's likes ÷ the most any venue has; 0 when none has any",
  })
  popularity!: number;
}

/** Why a connection scores as it does as a companion; each from 0 to 1. */
export class PersonFactors {
  @ApiProperty({ ...SHARE, description: "the connection's strength" })
  strength!: number;

  @ApiProperty({
    ...SHARE,
    description: `${affinityText(VENUE_AFFINITY)} of the friend on the venue; 0 without a venue`,
  })
  venue!: number;

  @ApiProperty({
    ...SHARE,
    description: `${affinityText(CATEGORY_AFFINITY)} of the friend on venues of its category; 0 without a venue`,
  })
  category!: number;
}
