import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@rendezvous/platform';
import { CurrentUser } from '@rendezvous/platform';
import { ListNotificationsQuery } from './list-notifications.query';
import { NotificationHistory } from './notification-history';
import { NotificationPage } from './notification.shapes';

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly history: NotificationHistory) {}

  @Get()
  @ApiOperation({ summary: 'Missed notifications, oldest first' })
  @ApiOkResponse({ type: NotificationPage })
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: ListNotificationsQuery,
  ): Promise<NotificationPage> {
    return this.history.page(user.id, query.after ?? query.cursor, query.limit);
  }
}
