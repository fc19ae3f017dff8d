import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBody,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { COMMON_ERRORS, DomainError } from '@rendezvous/contracts';
import type { AuthUser, Page } from '@rendezvous/platform';
import {
  ApiPageResponse,
  CurrentUser,
  DEFAULT_PAGE_SIZE,
  IdParams,
  decodeCursor,
} from '@rendezvous/platform';
import { DeadLetterNote, DeadLetterQuery } from './dead-letters.dto';
import { DeadLetterItemShape, DeadLetterShape } from './dead-letters.shapes';
import { DeadLetters } from './dead-letters';

function assertAdmin(caller: AuthUser): void {
  if (caller.role !== 'admin') {
    throw new DomainError(COMMON_ERRORS.FORBIDDEN, 'Only admins can handle dead letters');
  }
}

const NOT_ADMIN = { status: 403, description: 'not an admin' };
const UNKNOWN = { status: 404, description: 'no such dead letter' };
const DECIDED = { status: 409, description: 'already replayed or discarded' };
const NOTE_BODY = {
  required: true,
  schema: { $ref: getSchemaPath(DeadLetterNote) },
  examples: { valid: { summary: 'a valid request', value: { note: 'the consumer is fixed' } } },
};

@ApiTags('admin')
@ApiExtraModels(DeadLetterNote)
@Controller('admin/dead-letters')
export class DeadLettersController {
  constructor(private readonly deadLetters: DeadLetters) {}

  @Get()
  @ApiOperation({ summary: 'The messages consumers gave up on, newest first (admins only)' })
  @ApiPageResponse(DeadLetterItemShape, 'dead letters matching the filters, newest first')
  @ApiResponse(NOT_ADMIN)
  list(
    @CurrentUser() caller: AuthUser,
    @Query() query: DeadLetterQuery,
  ): Promise<Page<DeadLetterItemShape>> {
    assertAdmin(caller);
    const { limit, cursor, ...filters } = query;
    return this.deadLetters.list(
      filters,
      limit ?? DEFAULT_PAGE_SIZE,
      decodeCursor(cursor, 'instant'),
    );
  }

  @Get(':id')
  @ApiOperation({ summary: 'One dead letter with its message, emails and coordinates redacted' })
  @ApiOkResponse({ type: DeadLetterShape })
  @ApiResponse(NOT_ADMIN)
  @ApiResponse(UNKNOWN)
  read(@CurrentUser() caller: AuthUser, @Param() { id }: IdParams): Promise<DeadLetterShape> {
    assertAdmin(caller);
    return this.deadLetters.read(id);
  }

  @Post(':id/replay')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Publishes the message again to its original topic (original key and headers plus `dlq-replayed-from`); audited',
  })
  @ApiBody(NOTE_BODY)
  @ApiResponse({ status: 202, type: DeadLetterItemShape, description: 'the item, `replayed`' })
  @ApiResponse(NOT_ADMIN)
  @ApiResponse(UNKNOWN)
  @ApiResponse(DECIDED)
  replay(
    @CurrentUser() caller: AuthUser,
    @Param() { id }: IdParams,
    @Body() { note }: DeadLetterNote,
  ): Promise<DeadLetterItemShape> {
    assertAdmin(caller);
    return this.deadLetters.decide(id, 'replayed', caller.id, note);
  }

  @Post(':id/discard')
  @HttpCode(200)
  @ApiOperation({ summary: 'Marks the dead letter as handled without replaying it; audited' })
  @ApiBody(NOTE_BODY)
  @ApiOkResponse({ type: DeadLetterItemShape, description: 'the item, `discarded`' })
  @ApiResponse(NOT_ADMIN)
  @ApiResponse(UNKNOWN)
  @ApiResponse(DECIDED)
  discard(
    @CurrentUser() caller: AuthUser,
    @Param() { id }: IdParams,
    @Body() { note }: DeadLetterNote,
  ): Promise<DeadLetterItemShape> {
    assertAdmin(caller);
    return this.deadLetters.decide(id, 'discarded', caller.id, note);
  }
}
