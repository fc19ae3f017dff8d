import { Module } from '@nestjs/common';
import { UserConfig } from '../config';
import { JwksController } from './jwks.controller';
import { SigningKeys } from './signing-keys';

@Module({
  controllers: [JwksController],
  providers: [
    {
      provide: SigningKeys,
      inject: [UserConfig],
      useFactory: (c: UserConfig) => SigningKeys.load(c),
    },
  ],
  exports: [SigningKeys],
})
export class KeysModule {}
