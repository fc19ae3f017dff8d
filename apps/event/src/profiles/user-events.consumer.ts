import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { Envelope, UserStateData } from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';
import { InboxService } from '@rendezvous/platform';
import { ProfilesRepository } from './profiles.repository';

@Controller()
export class UserEventsConsumer {
  constructor(
    private readonly inbox: InboxService,
    private readonly profiles: ProfilesRepository,
  ) {}

  @EventPattern(TOPICS.USER_CREATED)
  async onUserCreated(@Payload() event: Envelope<UserStateData>): Promise<void> {
    await this.apply(event);
  }

  @EventPattern(TOPICS.USER_UPDATED)
  async onUserUpdated(@Payload() event: Envelope<UserStateData>): Promise<void> {
    await this.apply(event);
  }

  // Redelivery and arrival out of order are normal: the repository applies only newer versions.
  private async apply(event: Envelope<UserStateData>): Promise<void> {
    await this.inbox.once(event, (tx) =>
      this.profiles.applyState(tx, event.data, event.aggregateVersion),
    );
  }
}
