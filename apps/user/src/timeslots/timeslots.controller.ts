import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser, Page } from '@rendezvous/platform';
import {
  ApiPageResponse,
  CurrentUser,
  DEFAULT_PAGE_SIZE,
  IdParams,
  ListQueryDto,
} from '@rendezvous/platform';
import { ActiveUserApi } from '../common/active-user-api.decorator';
import { ApiJsonBody } from '../common/api-json-body';
import { CreateTimeslotDto } from './dto/create-timeslot.dto';
import { Timeslot } from './timeslot';
import { TimeslotsService } from './timeslots.service';

@ApiTags('timeslots')
@ActiveUserApi()
@Controller('users/me/timeslots')
export class TimeslotsController {
  constructor(private readonly timeslots: TimeslotsService) {}

  @Post()
  @ApiOperation({ summary: 'Publish a free timeslot (endsAt after startsAt, not in the past)' })
  @ApiJsonBody(CreateTimeslotDto, {
    startsAt: '2099-06-01T09:00:00Z',
    endsAt: '2099-06-01T10:30:00Z',
  })
  @ApiCreatedResponse({ type: Timeslot, description: 'the slot, status free' })
  @ApiResponse({ status: 409, description: 'overlaps one of the caller’s slots' })
  create(@CurrentUser() caller: AuthUser, @Body() body: CreateTimeslotDto): Promise<Timeslot> {
    return this.timeslots.create(caller.id, body);
  }

  @Get()
  @ApiOperation({ summary: 'The caller’s future slots by start time' })
  @ApiPageResponse(Timeslot, 'the caller’s slots that have not ended, soonest first')
  list(@CurrentUser() caller: AuthUser, @Query() query: ListQueryDto): Promise<Page<Timeslot>> {
    return this.timeslots.list(caller.id, query.limit ?? DEFAULT_PAGE_SIZE, query.cursor);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove one of the caller’s slots' })
  @ApiNoContentResponse({ description: 'removed' })
  @ApiResponse({ status: 404, description: 'no such slot of the caller' })
  async remove(@CurrentUser() caller: AuthUser, @Param() params: IdParams): Promise<void> {
    await this.timeslots.remove(caller.id, params.id);
  }
}
