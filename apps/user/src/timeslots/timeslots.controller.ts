import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser, Page } from '@rendezvous/platform';
import { CurrentUser, DEFAULT_PAGE_SIZE, IdParams, ListQueryDto } from '@rendezvous/platform';
import { ActiveUserApi } from '../common/active-user-api.decorator';
import { CreateTimeslotDto } from './dto/create-timeslot.dto';
import type { Timeslot } from './timeslots.service';
import { TimeslotsService } from './timeslots.service';

@ApiTags('timeslots')
@ActiveUserApi()
@Controller('users/me/timeslots')
export class TimeslotsController {
  constructor(private readonly timeslots: TimeslotsService) {}

  @Post()
  @ApiOperation({ summary: 'Publish a free timeslot' })
  @ApiResponse({ status: 201, description: '{ id, startsAt, endsAt, status: "free" }' })
  @ApiResponse({ status: 400, description: 'endsAt <= startsAt, or start in the past' })
  @ApiResponse({ status: 409, description: 'overlaps one of the caller’s slots' })
  create(@CurrentUser() caller: AuthUser, @Body() body: CreateTimeslotDto): Promise<Timeslot> {
    return this.timeslots.create(caller.id, body);
  }

  @Get()
  @ApiOperation({ summary: 'The caller’s future slots by start time' })
  @ApiResponse({
    status: 200,
    description: '{ items: [{ id, startsAt, endsAt, status }], nextCursor }',
  })
  list(@CurrentUser() caller: AuthUser, @Query() query: ListQueryDto): Promise<Page<Timeslot>> {
    return this.timeslots.list(caller.id, query.limit ?? DEFAULT_PAGE_SIZE, query.cursor);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove one of the caller’s slots' })
  @ApiResponse({ status: 204, description: 'removed' })
  @ApiResponse({ status: 404, description: 'no such slot of the caller' })
  async remove(@CurrentUser() caller: AuthUser, @Param() params: IdParams): Promise<void> {
    await this.timeslots.remove(caller.id, params.id);
  }
}
