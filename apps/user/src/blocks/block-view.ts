import { ApiProperty } from '@nestjs/swagger';
import { DATE_TIME, UUID } from '../common/api-schemas';

/** Someone the caller blocked. */
export class BlockView {
  @ApiProperty({ ...UUID, description: 'the blocked person' })
  userId: string;

  @ApiProperty(DATE_TIME)
  createdAt: string;
}
