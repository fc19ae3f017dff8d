import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser, Page } from '@rendezvous/platform';
import { CurrentUser, DEFAULT_PAGE_SIZE, IdParams, ListQueryDto } from '@rendezvous/platform';
import { PlanApi } from '../common/plan-api.decorator';
import { CreatePlanDto } from './dto/create-plan.dto';
import { SuggestionsQuery } from './dto/suggestions.query';
import type { BookingView, PlanView } from './plan-record';
import { PlansService } from './plans.service';

const PLAN_OBJECT =
  '{ id, organizerId, venueId, startsAt, endsAt, message, status, ' +
  'participants: [{ userId, role, status }], booking? }';
const BOOKING_OBJECT = '{ id, planId, venueId, startsAt, endsAt, partySize, reference, status }';

@ApiTags('plans')
@PlanApi()
@Controller()
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  @Post('plans')
  @ApiOperation({ summary: 'Propose a plan at a venue; the invitees are told' })
  @ApiResponse({ status: 201, description: PLAN_OBJECT })
  @ApiResponse({ status: 400, description: 'one errors entry per bad field; yourself invited' })
  @ApiResponse({ status: 404, description: 'unknown venue or invitee' })
  @ApiResponse({ status: 409, description: 'a coffee meeting outside the invitee’s free slots' })
  create(@CurrentUser() caller: AuthUser, @Body() body: CreatePlanDto): Promise<PlanView> {
    return this.plans.create(caller.id, body);
  }

  @Get('plans')
  @ApiOperation({ summary: 'The caller’s plans (as organizer or invitee), soonest first' })
  @ApiResponse({ status: 200, description: `{ items: [${PLAN_OBJECT}], nextCursor }` })
  list(@CurrentUser() caller: AuthUser, @Query() query: ListQueryDto): Promise<Page<PlanView>> {
    return this.plans.list(caller.id, query.limit ?? DEFAULT_PAGE_SIZE, query.cursor);
  }

  @Get('plans/suggestions')
  @ApiOperation({ summary: 'Upcoming windows when the caller and `with` both have free slots' })
  @ApiResponse({
    status: 200,
    description: '{ items: [{ startsAt, endsAt }] }, soonest first, `limit` (default 20) at most',
  })
  @ApiResponse({ status: 400, description: '`with` missing, not an id, or yourself' })
  @ApiResponse({ status: 404, description: '`with` names nobody known' })
  suggestions(@CurrentUser() caller: AuthUser, @Query() query: SuggestionsQuery) {
    return this.plans.suggestions(caller.id, query.with.toLowerCase(), query.limit);
  }

  @Get('plans/:id')
  @ApiOperation({ summary: 'One of the caller’s plans' })
  @ApiResponse({ status: 200, description: PLAN_OBJECT })
  @ApiResponse({ status: 404, description: 'no such plan, or not one of the caller’s' })
  get(@CurrentUser() caller: AuthUser, @Param() params: IdParams): Promise<PlanView> {
    return this.plans.get(caller.id, params.id);
  }

  @Post('plans/:id/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept an invitation; a two-person plan then books itself' })
  @ApiResponse({ status: 200, description: PLAN_OBJECT })
  @ApiResponse({ status: 403, description: 'not an invitee' })
  @ApiResponse({ status: 409, description: 'the plan is cancelled or has started' })
  accept(@CurrentUser() caller: AuthUser, @Param() params: IdParams): Promise<PlanView> {
    return this.plans.answer(caller.id, params.id, 'accepted');
  }

  @Post('plans/:id/decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline an invitation' })
  @ApiResponse({ status: 200, description: PLAN_OBJECT })
  @ApiResponse({ status: 403, description: 'not an invitee' })
  @ApiResponse({ status: 409, description: 'the plan is cancelled or has started' })
  decline(@CurrentUser() caller: AuthUser, @Param() params: IdParams): Promise<PlanView> {
    return this.plans.answer(caller.id, params.id, 'declined');
  }

  @Post('plans/:id/confirm')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Hand the plan to the booking agent (organizer only)',
    description:
      '`booking` the first time; a repeat answers the current status, never books twice.',
  })
  @ApiResponse({ status: 202, description: '{ status }' })
  @ApiResponse({ status: 403, description: 'not the organizer' })
  @ApiResponse({ status: 409, description: 'the plan is cancelled or has started' })
  confirm(@CurrentUser() caller: AuthUser, @Param() params: IdParams) {
    return this.plans.confirm(caller.id, params.id);
  }

  @Post('plans/:id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel the plan and its booking (organizer only)' })
  @ApiResponse({ status: 200, description: PLAN_OBJECT })
  @ApiResponse({ status: 403, description: 'not the organizer' })
  cancel(@CurrentUser() caller: AuthUser, @Param() params: IdParams): Promise<PlanView> {
    return this.plans.cancel(caller.id, params.id);
  }

  @Get('bookings')
  @ApiOperation({ summary: 'Bookings of the caller’s plans, soonest first' })
  @ApiResponse({ status: 200, description: `{ items: [${BOOKING_OBJECT}], nextCursor }` })
  bookings(
    @CurrentUser() caller: AuthUser,
    @Query() query: ListQueryDto,
  ): Promise<Page<BookingView>> {
    return this.plans.bookings(caller.id, query.limit ?? DEFAULT_PAGE_SIZE, query.cursor);
  }
}
