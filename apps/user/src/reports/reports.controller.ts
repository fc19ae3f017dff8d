import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser, Page } from '@rendezvous/platform';
import { CurrentUser, DEFAULT_PAGE_SIZE, ListQueryDto } from '@rendezvous/platform';
import { ActiveUserApi } from '../common/active-user-api.decorator';
import { CreateReportDto } from './dto/create-report.dto';
import type { OwnReportView } from './report-views';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@ActiveUserApi()
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Post()
  @ApiOperation({ summary: 'Report someone; also blocks them unless block is false' })
  @ApiResponse({
    status: 201,
    description: '{ id, subjectUserId, reason, status: "open", createdAt }',
  })
  @ApiResponse({ status: 400, description: 'invalid fields, or yourself (subjectUserId)' })
  @ApiResponse({ status: 404, description: 'unknown, deleted, suspended or banned person' })
  @ApiResponse({ status: 409, description: 'an open report of yours on this person exists' })
  @ApiResponse({ status: 429, description: 'REPORTS_PER_DAY reached; Retry-After to UTC midnight' })
  file(@CurrentUser() caller: AuthUser, @Body() body: CreateReportDto): Promise<OwnReportView> {
    return this.reports.file(caller.id, body);
  }

  @Get('mine')
  @ApiOperation({ summary: 'The caller’s reports, newest first, without decisions or notes' })
  @ApiResponse({
    status: 200,
    description: '{ items: [{ id, subjectUserId, reason, status, createdAt }], nextCursor }',
  })
  mine(
    @CurrentUser() caller: AuthUser,
    @Query() query: ListQueryDto,
  ): Promise<Page<OwnReportView>> {
    return this.reports.mine(caller.id, query.limit ?? DEFAULT_PAGE_SIZE, query.cursor);
  }
}
