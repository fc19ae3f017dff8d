import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { USER_LIMITS } from '@rendezvous/contracts';
import { IsEmailAddress, IsPostableText, IsText } from '@rendezvous/platform';
import { normaliseEmail } from '../email';

const trimmed = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() : value;

const EMAIL = {
  format: 'email',
  maxLength: USER_LIMITS.EMAIL_MAX,
  description: 'trimmed and lower-cased',
} as const;

/** The bound of a presented password: long enough for any password ever set. */
const PRESENTED_PASSWORD_MAX = 1024;
const REFRESH_TOKEN_MAX = 512;

export class SignupDto {
  @ApiProperty(EMAIL)
  @Transform(({ value }: { value: unknown }) => normaliseEmail(value))
  @IsEmailAddress(USER_LIMITS.EMAIL_MAX)
  email: string;

  @ApiProperty({ minLength: USER_LIMITS.PASSWORD_MIN, maxLength: USER_LIMITS.PASSWORD_MAX })
  @IsText(USER_LIMITS.PASSWORD_MAX, USER_LIMITS.PASSWORD_MIN)
  password: string;

  @ApiProperty({ minLength: 1, maxLength: USER_LIMITS.NAME_MAX, description: 'trimmed' })
  @Transform(trimmed)
  @IsPostableText(USER_LIMITS.NAME_MAX, 1)
  name: string;
}

export class LoginDto {
  @ApiProperty(EMAIL)
  @Transform(({ value }: { value: unknown }) => normaliseEmail(value))
  @IsText(USER_LIMITS.EMAIL_MAX, 1)
  email: string;

  @ApiProperty({ minLength: 1, maxLength: PRESENTED_PASSWORD_MAX })
  @IsText(PRESENTED_PASSWORD_MAX, 1)
  password: string;
}

export class RefreshTokenDto {
  @ApiProperty({
    minLength: 1,
    maxLength: REFRESH_TOKEN_MAX,
    description: 'the opaque refresh token from signup, login or refresh',
  })
  @IsText(REFRESH_TOKEN_MAX, 1)
  refreshToken: string;
}
