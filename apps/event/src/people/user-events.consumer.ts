import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type {
  Envelope,
  UserDeletedData,
  UserStateData,
  UserStatusData,
} from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { InboxService } from '@rendezvous/platform';
import { AccountDeletionService } from '../deletion/account-deletion.service';
import { AccountStandingService } from '../safety/account-standing.service';
import { PeopleRepository } from './people.repository';

@Controller()
export class UserEventsConsumer {
  constructor(
    private readonly inbox: InboxService,
    private readonly people: PeopleRepository,
    private readonly deletion: AccountDeletionService,
    private readonly standing: AccountStandingService,
  ) {}

  @EventPattern(TOPICS.USER_CREATED)
  async onUserCreated(@Payload() event: Envelope<UserStateData>): Promise<void> {
    await this.apply(event);
  }

  @EventPattern(TOPICS.USER_UPDATED)
  async onUserUpdated(@Payload() event: Envelope<UserStateData>): Promise<void> {
    await this.apply(event);
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

  // Redelivery and arrival out of order are normal: the repository applies only newer versions.
  private async apply(event: Envelope<UserStateData>): Promise<void> {
    await this.inbox.once(event, (tx) =>
      this.people.applyState(tx, event.data, event.aggregateVersion),
    );
  }
}
