import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class SuggestionsQuery {
  @ApiProperty({ format: 'uuid', description: 'the other person' })
  @IsUUID('all', { message: 'with must be a user id' })
  with: string;
}
