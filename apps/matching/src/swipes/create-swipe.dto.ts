import { ApiProperty } from '@nestjs/swagger';
import type { SwipeAction } from '@rendezvous/contracts';
import { SWIPE_ACTIONS } from '@rendezvous/contracts';
import { IsOneOf } from '@rendezvous/platform';
import { IsUUID } from 'class-validator';

export class CreateSwipeDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  targetUserId: string;

  @ApiProperty({ enum: SWIPE_ACTIONS })
  @IsOneOf(SWIPE_ACTIONS)
  action: SwipeAction;
}

export const CREATE_SWIPE_EXAMPLE: CreateSwipeDto = {
  targetUserId: '5f0c7a8e-3d2b-4c1a-9e6f-1b2c3d4e5f60',
  action: 'like',
};
