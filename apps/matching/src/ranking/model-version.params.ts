import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class ModelVersionParams {
  @ApiProperty({ type: 'integer', minimum: 1, description: 'a model version' })
  @Matches(/^[1-9]\d{0,8}$/, { message: 'version must be a model version (a positive integer)' })
  version!: string;
}
