import { ApiProperty } from '@nestjs/swagger';
import { UserObject } from '../users/user-object';

/** What signup, login and refresh answer (API.md, Identity). */
export class AuthResult {
  @ApiProperty({ type: UserObject })
  user: UserObject;

  @ApiProperty({ description: 'a JWT (ES256) for `Authorization: Bearer`' })
  accessToken: string;

  @ApiProperty({ description: 'opaque; trade it at POST /auth/refresh (once)' })
  refreshToken: string;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'seconds the access token is valid' })
  expiresIn: number;
}
