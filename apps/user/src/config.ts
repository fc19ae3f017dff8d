import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { PlatformConfig } from '@rendezvous/platform';

export class UserConfig extends PlatformConfig {
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  override PORT = 3001;
}
