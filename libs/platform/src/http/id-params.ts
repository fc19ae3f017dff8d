import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class UserIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  userId: string;
}

export class IdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}

export class UserIdBody {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  userId: string;
}
