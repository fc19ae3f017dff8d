import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser } from '@rendezvous/platform';
import { CurrentUser, IdParams } from '@rendezvous/platform';
import { ActiveUserApi } from '../common/active-user-api.decorator';
import { ExportView } from './export-view';
import { ExportsService } from './exports.service';

@ApiTags('users')
@ActiveUserApi()
@Controller('users/me/exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Ask for an export of everything the services keep about the caller' })
  @ApiAcceptedResponse({
    type: ExportView,
    description: 'the export, status pending; normally ready within 10 seconds (`export.ready`)',
  })
  @ApiResponse({ status: 409, description: 'an export of the caller is still pending' })
  request(@CurrentUser() caller: AuthUser): Promise<ExportView> {
    return this.exports.request(caller.id);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One of the caller’s exports, with its data once ready' })
  @ApiOkResponse({ type: ExportView, description: 'the export' })
  @ApiResponse({ status: 404, description: 'no such export of the caller' })
  get(@CurrentUser() caller: AuthUser, @Param() params: IdParams): Promise<ExportView> {
    return this.exports.get(caller.id, params.id);
  }
}
