import { UseGuards, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { BEARER_SCHEME } from '@rendezvous/platform';
import { ActiveUserGuard } from './active-user.guard';

/** Routes of a signed-in person whose account still exists (a deleted one's token gets 401). */
export const ActiveUserApi = () =>
  applyDecorators(ApiBearerAuth(BEARER_SCHEME), UseGuards(ActiveUserGuard));
