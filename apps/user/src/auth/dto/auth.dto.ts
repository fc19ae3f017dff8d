import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { USER_LIMITS } from '@rendezvous/contracts';
import { IsEmailAddress, IsPostableText, IsText } from '@rendezvous/platform';
import { normaliseEmail } from '../email';

const trimmed = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() : value;

export class SignupDto {
  @ApiProperty({ example: 'ada@example.com', description: 'trimmed and lower-cased' })
  @Transform(({ value }: { value: unknown }) => normaliseEmail(value))
  @IsEmailAddress(USER_LIMITS.EMAIL_MAX)
  email: string;

  @ApiProperty({ minLength: USER_LIMITS.PASSWORD_MIN, maxLength: USER_LIMITS.PASSWORD_MAX })
  @IsText(USER_LIMITS.PASSWORD_MAX, USER_LIMITS.PASSWORD_MIN)
  password: string;

  @ApiProperty({ minLength: 1, maxLength: USER_LIMITS.NAME_MAX, example: 'Ada Lovelace' })
  @Transform(trimmed)
  @IsPostableText(USER_LIMITS.NAME_MAX, 1)
  name: string;
}

export class LoginDto {
  @ApiProperty({ example: 'ada@example.com' })
  @Transform(({ value }: { value: unknown }) => normaliseEmail(value))
  @IsText(USER_LIMITS.EMAIL_MAX, 1)
  email: string;

  @ApiProperty()
  @IsText(1024, 1)
  password: string;
}

export class RefreshTokenDto {
  @ApiProperty({ description: 'the opaque refresh token from signup, login or refresh' })
  @IsText(512, 1)
  refreshToken: string;
}
