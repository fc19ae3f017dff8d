import { Module } from '@nestjs/common';
import { KeysModule } from '../keys/keys.module';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginLockout } from './login-lockout';

@Module({
  imports: [KeysModule, UsersModule],
  controllers: [AuthController],
  providers: [AuthService, LoginLockout],
})
export class AuthModule {}
