import { Body, Controller, Post } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@rendezvous/platform';
import { CurrentUser } from '@rendezvous/platform';
import { CREATE_SWIPE_EXAMPLE, CreateSwipeDto } from './create-swipe.dto';
import { SwipeResult } from './swipe.shapes';
import { SwipesService } from './swipes.service';

@ApiTags('matching')
@Controller('matching/swipes')
export class SwipesController {
  constructor(private readonly swipes: SwipesService) {}

  @Post()
  @ApiOperation({
    summary: 'Like, pass or super-like someone; a mutual like makes a match',
    description: 'Swiping on yourself is a 400.',
  })
  @ApiBody({ type: CreateSwipeDto, examples: { like: { value: CREATE_SWIPE_EXAMPLE } } })
  @ApiCreatedResponse({ type: SwipeResult, description: '`match` is there when `matched`' })
  @ApiResponse({ status: 404, description: 'unknown, deleted, suspended or blocked person' })
  @ApiResponse({ status: 409, description: 'already swiped on this person' })
  @ApiResponse({
    status: 429,
    description:
      "today's super likes are used up (`Retry-After`: seconds to the next UTC midnight), or too many requests",
  })
  swipe(@CurrentUser() caller: AuthUser, @Body() body: CreateSwipeDto): Promise<SwipeResult> {
    return this.swipes.swipe(caller.id, body.targetUserId, body.action);
  }
}
