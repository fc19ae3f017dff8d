import { Module } from '@nestjs/common';
import { PlatformModule } from '@rendezvous/platform';
import { UserConfig } from './config';

@Module({
  imports: [PlatformModule.forRoot({ service: 'user', config: UserConfig, database: {} })],
})
export class AppModule {}
