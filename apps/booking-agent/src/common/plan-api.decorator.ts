import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse } from '@nestjs/swagger';
import { BEARER_SCHEME } from '@rendezvous/platform';

/** Every plan and booking route needs an access token. */
export const PlanApi = () =>
  applyDecorators(
    ApiBearerAuth(BEARER_SCHEME),
    ApiResponse({ status: 401, description: 'missing or invalid token, or a deleted account' }),
  );
