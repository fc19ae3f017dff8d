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
