import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@rendezvous/platform';
import { BEARER_SCHEME, CurrentUser } from '@rendezvous/platform';
import { CreateSwipeDto } from './create-swipe.dto';
import type { SwipeResult } from './swipes.service';
import { SwipesService } from './swipes.service';

@ApiTags('matching')
@ApiBearerAuth(BEARER_SCHEME)
@Controller('matching/swipes')
export class SwipesController {
  constructor(private readonly swipes: SwipesService) {}

  @Post()
  @ApiOperation({ summary: 'Like, pass or super-like someone; a mutual like makes a match' })
  @ApiResponse({ status: 201, description: '{ matched, match? }' })
  @ApiResponse({ status: 400, description: 'yourself, or a bad action' })
  @ApiResponse({ status: 404, description: 'unknown, deleted or blocked person' })
  @ApiResponse({ status: 409, description: 'already swiped on this person' })
  @ApiResponse({ status: 429, description: "today's super likes are used up (Retry-After)" })
  swipe(@CurrentUser() caller: AuthUser, @Body() body: CreateSwipeDto): Promise<SwipeResult> {
    return this.swipes.swipe(caller.id, body.targetUserId, body.action);
  }
}
