import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ConnectionStatus, ConnectionType } from '@rendezvous/contracts';
import { UUID } from '../common/api-schemas';
import { MATCH_STRENGTH } from './connection-rules';

const STATUSES = ['pending', 'accepted'] as const satisfies readonly ConnectionStatus[];
const TYPES = ['request', 'match'] as const satisfies readonly ConnectionType[];
const DIRECTIONS = ['incoming', 'outgoing'] as const;

/** A connection as one of its two people sees it. */
export class ConnectionView {
  @ApiProperty({ ...UUID, description: 'the other person' })
  userId: string;

  @ApiProperty({ enum: STATUSES })
  status: ConnectionStatus;

  @ApiProperty({ enum: TYPES, description: '`match` when a match exists, else `request`' })
  type: ConnectionType;

  @ApiProperty({
    minimum: 0,
    maximum: MATCH_STRENGTH,
    description: '0.5 an accepted request, 0.8 a match (the higher when both), 0 while pending',
  })
  strength: number;

  @ApiPropertyOptional({ enum: DIRECTIONS, description: 'who asked, when it began as a request' })
  direction?: (typeof DIRECTIONS)[number];
}
