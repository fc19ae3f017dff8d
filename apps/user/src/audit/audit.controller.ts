import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page } from '@rendezvous/platform';
import { ApiPageResponse, DEFAULT_PAGE_SIZE } from '@rendezvous/platform';
import { ActiveUserApi } from '../common/active-user-api.decorator';
import { RequireRole } from '../common/roles';
import { AuditEntry } from './audit-entry';
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
  @ApiPageResponse(AuditEntry, 'audit entries matching the filters, newest first')
  list(@Query() query: AuditQueryDto): Promise<Page<AuditEntry>> {
    const { limit, cursor, ...filters } = query;
    return this.audit.list(filters, limit ?? DEFAULT_PAGE_SIZE, cursor);
  }
}
