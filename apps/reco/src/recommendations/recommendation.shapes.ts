import { ApiProperty } from '@nestjs/swagger';
import { PersonFactors, VenueFactors } from '../scoring/factors.shapes';

const SCORE = { minimum: 0 } as const;

export class VenueRecommendation {
  @ApiProperty({ format: 'uuid' })
  venueId!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty(SCORE)
  score!: number;

  @ApiProperty({
    type: Number,
    minimum: 0,
    nullable: true,
    description: 'null without a location (popular venues)',
  })
  distanceKm!: number | null;

  @ApiProperty({ type: VenueFactors })
  factors!: VenueFactors;
}

export class VenueRecommendations {
  @ApiProperty({ type: [VenueRecommendation], description: 'best first' })
  items!: VenueRecommendation[];
}

export class PersonRecommendation {
  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty(SCORE)
  score!: number;

  @ApiProperty({ type: PersonFactors })
  factors!: PersonFactors;
}

export class PersonRecommendations {
  @ApiProperty({ type: [PersonRecommendation], description: 'best first' })
  items!: PersonRecommendation[];
}

/** One person's side of a venue for two. */
export class MeetTrip {
  @ApiProperty({ minimum: 0 })
  distanceKm!: number;

  @ApiProperty(SCORE)
  score!: number;
}

export class MeetRecommendation {
  @ApiProperty({ format: 'uuid' })
  venueId!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ ...SCORE, description: "the two people's venue scores added" })
  score!: number;

  @ApiProperty({ minimum: 0, description: 'the longer of the two trips, as shown below' })
  distanceKm!: number;

  @ApiProperty({ type: MeetTrip, description: "the caller's own trip, exact" })
  you!: MeetTrip;

  @ApiProperty({
    type: MeetTrip,
    description: "the other person's trip from the centre of their cell: whole km and at least 1",
  })
  them!: MeetTrip;
}

export class MeetRecommendations {
  @ApiProperty({
    type: [MeetRecommendation],
    description: 'the longer trip shortest first, then both scores added',
  })
  items!: MeetRecommendation[];
}
