import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@rendezvous/platform';
import { BEARER_SCHEME, CurrentUser } from '@rendezvous/platform';
import { ListNotificationsQuery } from './list-notifications.query';
import type { NotificationPage } from './notification-history';
import { NotificationHistory } from './notification-history';

@ApiTags('notifications')
@ApiBearerAuth(BEARER_SCHEME)
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly history: NotificationHistory) {}

  @Get()
  @ApiOperation({ summary: 'Missed notifications, oldest first' })
  @ApiOkResponse({
    description: '`{ items: [{ notificationId, event, occurredAt, payload }], nextCursor }`',
  })
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: ListNotificationsQuery,
  ): Promise<NotificationPage> {
    return this.history.page(user.id, query.after ?? query.cursor, query.limit);
  }
}
