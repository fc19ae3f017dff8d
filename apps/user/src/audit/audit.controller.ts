import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Page } from '@rendezvous/platform';
import { DEFAULT_PAGE_SIZE } from '@rendezvous/platform';
import { ActiveUserApi } from '../common/active-user-api.decorator';
import { RequireRole } from '../common/roles';
import type { AuditEntry } from './audit-log.repository';
import { AuditQueryDto } from './audit-query.dto';
import { AuditService } from './audit.service';

@ApiTags('admin')
@ActiveUserApi()
@Controller('admin/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @RequireRole('admin')
  @ApiOperation({ summary: 'The audit log, newest first (admins only); no route changes it' })
  @ApiResponse({
    status: 200,
    description:
      '{ items: [{ id, actorId, action, subjectUserId?, objectId?, note?, at }], nextCursor }',
  })
  @ApiResponse({ status: 400, description: 'a bad filter or cursor' })
  list(@Query() query: AuditQueryDto): Promise<Page<AuditEntry>> {
    const { limit, cursor, ...filters } = query;
    return this.audit.list(filters, limit ?? DEFAULT_PAGE_SIZE, cursor);
  }
}
