import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiCreatedResponse,
  ApiOkResponse,
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
import { BookingView } from './booking.view';
import { ConfirmationView } from './confirmation.view';
import { CREATE_PLAN_EXAMPLE, CreatePlanDto } from './dto/create-plan.dto';
import { SuggestionsQuery } from './dto/suggestions.query';
import { PlanView } from './plan.view';
import { PlansService } from './plans.service';
import { SuggestionList } from './suggestions.view';

const NO_PLAN = { status: 404, description: 'no such plan' };
const NOT_ORGANIZER = { status: 403, description: 'not the organizer' };
const NOT_INVITEE = { status: 403, description: 'not an invitee' };
const CLOSED = { status: 409, description: 'the plan is cancelled or has started' };

@ApiTags('plans')
@Controller()
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  @Post('plans')
  @ApiOperation({
    summary: 'Propose a plan at a venue; the invitees are told',
    description: 'A start in the past, or the caller among `inviteeIds`, is 400.',
  })
  @ApiBody({ type: CreatePlanDto, examples: { coffee: { value: CREATE_PLAN_EXAMPLE } } })
  @ApiCreatedResponse({
    type: PlanView,
    description: 'the plan, status proposed: the organizer accepted, the invitees invited',
  })
  @ApiResponse({ status: 404, description: 'unknown venue or invitee' })
  @ApiResponse({
    status: 409,
    description: 'a two-person plan outside the invitee’s free timeslots (when they publish some)',
  })
  create(@CurrentUser() caller: AuthUser, @Body() body: CreatePlanDto): Promise<PlanView> {
    return this.plans.create(caller.id, body);
  }

  @Get('plans')
  @ApiOperation({ summary: 'The caller’s plans (as organizer or invitee), soonest first' })
  @ApiPageResponse(PlanView, 'one page of the caller’s plans, soonest first')
  list(@CurrentUser() caller: AuthUser, @Query() query: ListQueryDto): Promise<Page<PlanView>> {
    return this.plans.list(caller.id, query.limit ?? DEFAULT_PAGE_SIZE, query.cursor);
  }

  @Get('plans/suggestions')
  @ApiOperation({
    summary: 'Upcoming windows when the caller and `with` both have free slots',
    description: '`with` the caller is 400.',
  })
  @ApiOkResponse({ type: SuggestionList, description: 'the windows, soonest first' })
  @ApiResponse({ status: 404, description: '`with` names nobody known, or across a block' })
  suggestions(
    @CurrentUser() caller: AuthUser,
    @Query() query: SuggestionsQuery,
  ): Promise<SuggestionList> {
    return this.plans.suggestions(caller.id, query.with.toLowerCase(), query.limit);
  }

  @Get('plans/:id')
  @ApiOperation({ summary: 'One of the caller’s plans' })
  @ApiOkResponse({ type: PlanView, description: 'the plan' })
  @ApiResponse({ status: 404, description: 'no such plan, or not one of the caller’s' })
  get(@CurrentUser() caller: AuthUser, @Param() params: IdParams): Promise<PlanView> {
    return this.plans.get(caller.id, params.id);
  }

  @Post('plans/:id/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept an invitation; a two-person plan then books itself' })
  @ApiOkResponse({ type: PlanView, description: 'the plan' })
  @ApiResponse(NOT_INVITEE)
  @ApiResponse(NO_PLAN)
  @ApiResponse(CLOSED)
  accept(@CurrentUser() caller: AuthUser, @Param() params: IdParams): Promise<PlanView> {
    return this.plans.answer(caller.id, params.id, 'accepted');
  }

  @Post('plans/:id/decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline an invitation' })
  @ApiOkResponse({ type: PlanView, description: 'the plan' })
  @ApiResponse(NOT_INVITEE)
  @ApiResponse(NO_PLAN)
  @ApiResponse(CLOSED)
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
  @ApiAcceptedResponse({ type: ConfirmationView, description: 'handed over, or where it stands' })
  @ApiResponse(NOT_ORGANIZER)
  @ApiResponse(NO_PLAN)
  @ApiResponse(CLOSED)
  confirm(@CurrentUser() caller: AuthUser, @Param() params: IdParams): Promise<ConfirmationView> {
    return this.plans.confirm(caller.id, params.id);
  }

  @Post('plans/:id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel the plan and its booking (organizer only)' })
  @ApiOkResponse({ type: PlanView, description: 'the plan, status cancelled (also on a repeat)' })
  @ApiResponse(NOT_ORGANIZER)
  @ApiResponse(NO_PLAN)
  cancel(@CurrentUser() caller: AuthUser, @Param() params: IdParams): Promise<PlanView> {
    return this.plans.cancel(caller.id, params.id);
  }

  @Get('bookings')
  @ApiOperation({ summary: 'Bookings of the caller’s plans, soonest first' })
  @ApiPageResponse(BookingView, 'one page of the bookings of the caller’s plans, soonest first')
  bookings(
    @CurrentUser() caller: AuthUser,
    @Query() query: ListQueryDto,
  ): Promise<Page<BookingView>> {
    return this.plans.bookings(caller.id, query.limit ?? DEFAULT_PAGE_SIZE, query.cursor);
  }
}
