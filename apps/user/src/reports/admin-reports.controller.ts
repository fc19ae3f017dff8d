import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser, Page } from '@rendezvous/platform';
import { CurrentUser, DEFAULT_PAGE_SIZE, IdParams } from '@rendezvous/platform';
import { ActiveUserApi } from '../common/active-user-api.decorator';
import { RequireRole } from '../common/roles';
import { DecisionDto } from './dto/decision.dto';
import { ReportQueueQueryDto } from './dto/report-queries.dto';
import type { QueueItem } from './report-views';
import { ReportsService } from './reports.service';

const ITEM =
  '{ id, reporterId, subjectUserId, reason, details, context, status, createdAt, decidedAt, decidedBy, action, subjectOpenReports, autoHidden }';

@ApiTags('admin')
@ActiveUserApi()
@Controller('admin/reports')
export class AdminReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get()
  @RequireRole('moderator')
  @ApiOperation({ summary: 'The moderation queue, oldest first (status defaults to open)' })
  @ApiResponse({ status: 200, description: `{ items: [${ITEM}], nextCursor }` })
  @ApiResponse({ status: 400, description: 'a bad filter or cursor' })
  queue(@Query() query: ReportQueueQueryDto): Promise<Page<QueueItem>> {
    const { limit, cursor, status, ...filters } = query;
    return this.reports.queue(
      { ...filters, status: status ?? 'open' },
      limit ?? DEFAULT_PAGE_SIZE,
      cursor,
    );
  }

  @Post(':id/decision')
  @RequireRole('moderator')
  @HttpCode(200)
  @ApiOperation({ summary: 'Dismiss, warn, suspend or ban (admins only) on an open report' })
  @ApiResponse({ status: 200, description: `the report ${ITEM}` })
  @ApiResponse({ status: 400, description: 'invalid fields; durationHours without suspend' })
  @ApiResponse({
    status: 403,
    description: 'ban by a moderator; acting on an admin, or a moderator acting on a moderator',
  })
  @ApiResponse({ status: 404, description: 'no such report (or, except to dismiss, no subject)' })
  @ApiResponse({ status: 409, description: 'already decided (MODERATION.REPORT_ALREADY_DECIDED)' })
  decide(
    @CurrentUser() caller: AuthUser,
    @Param() params: IdParams,
    @Body() body: DecisionDto,
  ): Promise<QueueItem> {
    return this.reports.decide(caller, params.id, body);
  }
}
