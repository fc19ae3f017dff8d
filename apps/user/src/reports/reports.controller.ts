import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser, Page } from '@rendezvous/platform';
import {
  ApiPageResponse,
  CurrentUser,
  DEFAULT_PAGE_SIZE,
  ListQueryDto,
} from '@rendezvous/platform';
import { ActiveUserApi } from '../common/active-user-api.decorator';
import { ApiJsonBody } from '../common/api-json-body';
import { CreateReportDto } from './dto/create-report.dto';
import { OwnReportView } from './report-views';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@ActiveUserApi()
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Post()
  @ApiOperation({
    summary: 'Report someone (not yourself); also blocks them unless block is false',
  })
  @ApiJsonBody(CreateReportDto, {
    subjectUserId: '4f9c2a1e-8b7d-4c3a-9e2f-1a2b3c4d5e6f',
    reason: 'harassment',
    details: 'Kept messaging me after I said no.',
    context: { type: 'match', id: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a' },
    block: true,
  })
  @ApiCreatedResponse({ type: OwnReportView, description: 'the report, status open' })
  @ApiResponse({ status: 404, description: 'unknown, deleted, suspended or banned person' })
  @ApiResponse({
    status: 409,
    description: 'an open report of yours on this person exists (MODERATION.REPORT_ALREADY_OPEN)',
  })
  @ApiResponse({
    status: 429,
    description:
      'REPORTS_PER_DAY reports filed this UTC day (MODERATION.REPORT_LIMIT), or the gateway’s limits; Retry-After',
  })
  file(@CurrentUser() caller: AuthUser, @Body() body: CreateReportDto): Promise<OwnReportView> {
    return this.reports.file(caller.id, body);
  }

  @Get('mine')
  @ApiOperation({ summary: 'The caller’s reports, newest first, without decisions or notes' })
  @ApiPageResponse(OwnReportView, 'the caller’s reports, newest first')
  mine(
    @CurrentUser() caller: AuthUser,
    @Query() query: ListQueryDto,
  ): Promise<Page<OwnReportView>> {
    return this.reports.mine(caller.id, query.limit ?? DEFAULT_PAGE_SIZE, query.cursor);
  }
}
