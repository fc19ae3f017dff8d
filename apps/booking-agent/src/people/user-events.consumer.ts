import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type {
  Envelope,
  UserBlockData,
  UserDeletedData,
  UserStateData,
  UserStatusData,
} from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { BlocksProjection, InboxService } from '@rendezvous/platform';
import { AccountDeletionService } from '../deletion/account-deletion.service';
import { AccountStandingService } from '../safety/account-standing.service';
import { PeopleRepository } from './people.repository';

/** Who exists, their blocks, deletions and standing; each applies only newer versions. */
@Controller()
export class UserEventsConsumer {
  constructor(
    private readonly inbox: InboxService,
    private readonly people: PeopleRepository,
    private readonly blocks: BlocksProjection,
    private readonly deletion: AccountDeletionService,
    private readonly standing: AccountStandingService,
  ) {}

  @EventPattern(TOPICS.USER_CREATED)
  async onUserCreated(@Payload() event: Envelope<UserStateData>): Promise<void> {
    await this.inbox.once(event, (tx) =>
      this.people.created(tx, event.data.userId, event.aggregateVersion),
    );
  }

  @EventPattern([TOPICS.USER_BLOCKED, TOPICS.USER_UNBLOCKED])
  async onBlock(@Payload() event: Envelope<UserBlockData>): Promise<void> {
    const active = event.type === TOPICS.USER_BLOCKED;
    await this.inbox.once(event, (tx) =>
      this.blocks.applyIfNewer(tx, event.data, active, event.aggregateVersion),
    );
  }

  @EventPattern(TOPICS.USER_DELETED)
  async onUserDeleted(@Payload() event: Envelope<UserDeletedData>): Promise<void> {
    await this.inbox.once(event, (tx) =>
      this.deletion.apply(tx, event.data, event.aggregateVersion),
    );
  }

  @EventPattern(TOPICS.USER_STATUS_CHANGED)
  async onUserStatusChanged(@Payload() event: Envelope<UserStatusData>): Promise<void> {
    await this.inbox.once(event, (tx) =>
      this.standing.apply(tx, event.data, event.aggregateVersion),
    );
  }
}
