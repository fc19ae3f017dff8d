import { ApiProperty } from '@nestjs/swagger';
import { PROXIMITY_LIMITS } from '@rendezvous/contracts';
import { Check } from '@rendezvous/platform';
import { bleTokenProblem, detectedTokenProblem, interestsProblem } from './session-input';

const TOKEN_DOC = {
  minLength: PROXIMITY_LIMITS.BLE_TOKEN_MIN,
  maxLength: PROXIMITY_LIMITS.BLE_TOKEN_MAX,
} as const;

export class CreateSessionDto {
  @ApiProperty({ ...TOKEN_DOC, description: 'the token this phone advertises over Bluetooth' })
  @Check('isBleToken', bleTokenProblem)
  bleToken: string;

  @ApiProperty({
    type: 'array',
    items: {
      type: 'string',
      minLength: 1,
      maxLength: PROXIMITY_LIMITS.INTEREST_MAX,
      pattern: '\\S',
    },
    minItems: PROXIMITY_LIMITS.INTERESTS_MIN,
    maxItems: PROXIMITY_LIMITS.INTERESTS_MAX,
    description: 'only keyed hashes and category labels are kept',
  })
  @Check('isInterestList', interestsProblem)
  interests: string[];
}

export const CREATE_SESSION_EXAMPLE: CreateSessionDto = {
  bleToken: 'c0ffee42c0ffee42',
  interests: ['devops', 'chess', 'jazz'],
};

export class ReportEncounterDto {
  @ApiProperty({ ...TOKEN_DOC, description: "the caller's live session token" })
  @Check('isBleToken', bleTokenProblem)
  ownToken: string;

  @ApiProperty({ ...TOKEN_DOC, description: 'the token the phone saw; not ownToken' })
  @Check('isDetectedToken', (value, body) => detectedTokenProblem(value, body))
  detectedToken: string;
}

export const REPORT_ENCOUNTER_EXAMPLE: ReportEncounterDto = {
  ownToken: 'c0ffee42c0ffee42',
  detectedToken: 'feedbead5eed1234',
};
