import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser, Page } from '@rendezvous/platform';
import { ApiPageResponse, CurrentUser, DEFAULT_PAGE_SIZE, IdParams } from '@rendezvous/platform';
import { ActiveUserApi } from '../common/active-user-api.decorator';
import { ApiJsonBody } from '../common/api-json-body';
import { RequireRole } from '../common/roles';
import { DecisionDto } from './dto/decision.dto';
import { ReportQueueQueryDto } from './dto/report-queries.dto';
import { QueueItem } from './report-views';
import { ReportsService } from './reports.service';

@ApiTags('admin')
@ActiveUserApi()
@Controller('admin/reports')
export class AdminReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get()
  @RequireRole('moderator')
  @ApiOperation({ summary: 'The moderation queue, oldest first (status defaults to open)' })
  @ApiPageResponse(QueueItem, 'reports matching the filters, oldest first')
  queue(@Query() query: ReportQueueQueryDto): Promise<Page<QueueItem>> {
    const { limit, cursor, status, ...filters } = query;
    return this.reports.queue(
      { ...filters, status: status ?? 'open' },
      limit ?? DEFAULT_PAGE_SIZE,
      cursor,
    );
  }

  @Post(':id/decision')
  @RequireRole(
    'moderator',
    'a ban by a moderator; acting on an admin, or a moderator acting on a moderator',
  )
  @HttpCode(200)
  @ApiOperation({ summary: 'Dismiss, warn, suspend or ban (admins only) on an open report' })
  @ApiJsonBody(DecisionDto, {
    action: 'suspend',
    durationHours: 72,
    note: 'Harassment confirmed from the messages quoted in the report.',
  })
  @ApiOkResponse({ type: QueueItem, description: 'the report, status dismissed or actioned' })
  @ApiResponse({
    status: 404,
    description: 'no such report, or (except to dismiss) its subject is deleted',
  })
  @ApiResponse({
    status: 409,
    description:
      'already decided (MODERATION.REPORT_ALREADY_DECIDED), or suspending or banning a banned person (MODERATION.ACCOUNT_STATE_CONFLICT)',
  })
  decide(
    @CurrentUser() caller: AuthUser,
    @Param() params: IdParams,
    @Body() body: DecisionDto,
  ): Promise<QueueItem> {
    return this.reports.decide(caller, params.id, body);
  }
}
