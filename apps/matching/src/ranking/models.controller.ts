import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { COMMON_ERRORS, DomainError } from '@rendezvous/contracts';
import type { AuthUser } from '@rendezvous/platform';
import { CurrentUser } from '@rendezvous/platform';
import { ModelVersionParams } from './model-version.params';
import { ActiveRanking, RankingModels, TrainingStarted } from './models.shapes';
import { ModelsService } from './models.service';

// Checked here as well as at the gateway: a request that reaches the service directly is refused too.
function assertAdmin(caller: AuthUser): void {
  if (caller.role !== 'admin') {
    throw new DomainError(COMMON_ERRORS.FORBIDDEN, 'Only admins can manage ranking models');
  }
}

const NOT_ADMIN = { status: 403, description: 'not an admin (COMMON.FORBIDDEN)' };

@ApiTags('admin')
@Controller('admin/matching/models')
export class ModelsController {
  constructor(private readonly models: ModelsService) {}

  @Get()
  @ApiOperation({
    summary:
      'Learned ranking models, newest first, with validation metrics beside the rule-based score’s, and which ranks (admins only)',
  })
  @ApiOkResponse({ type: RankingModels })
  @ApiResponse(NOT_ADMIN)
  list(@CurrentUser() caller: AuthUser): Promise<RankingModels> {
    assertAdmin(caller);
    return this.models.list();
  }

  @Post('train')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Trains a model now, in the background (while one trains, answers with that one); audited as model.trained',
  })
  @ApiResponse({ status: 202, type: TrainingStarted })
  @ApiResponse(NOT_ADMIN)
  train(@CurrentUser() caller: AuthUser): Promise<TrainingStarted> {
    assertAdmin(caller);
    return this.models.train(caller.id);
  }

  @Post('rule-based/activate')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Hands discovery back to the rule-based score; audited as model.activated',
  })
  @ApiOkResponse({ type: ActiveRanking })
  @ApiResponse(NOT_ADMIN)
  activateRuleBased(@CurrentUser() caller: AuthUser): Promise<ActiveRanking> {
    assertAdmin(caller);
    return this.models.activate(caller.id, null);
  }

  @Post(':version/activate')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Lets a model rank discovery; only one whose validation AUC beats the rule-based score’s by MATCHING_MODEL_MIN_AUC_GAIN; audited as model.activated',
  })
  @ApiOkResponse({ type: ActiveRanking })
  @ApiResponse(NOT_ADMIN)
  @ApiResponse({ status: 404, description: 'no such model (MATCHING.MODEL_NOT_FOUND)' })
  @ApiResponse({
    status: 409,
    description: 'not trained, or below the margin (MATCHING.MODEL_NOT_ELIGIBLE)',
  })
  activate(
    @CurrentUser() caller: AuthUser,
    @Param() { version }: ModelVersionParams,
  ): Promise<ActiveRanking> {
    assertAdmin(caller);
    return this.models.activate(caller.id, Number(version));
  }
}
