import { ApiProperty, IntersectionType, OmitType, PickType } from '@nestjs/swagger';
import type { AccountStatus, Role } from '@rendezvous/contracts';
import { ACCOUNT_STATUSES, ROLES } from '@rendezvous/contracts';
import { AuditEntry } from '../audit/audit-entry';
import {
  DATE_TIME,
  NULLABLE_CITY_ONLY_LOCATION,
  NULLABLE_DATE_TIME,
  UUID,
} from '../common/api-schemas';
import { UserObject, UserProfileView } from '../users/user-object';

/** A person as moderators list them (API.md, GET /admin/users). */
export class AdminUserItem {
  @ApiProperty(UUID)
  id: string;

  @ApiProperty({ type: String, format: 'email' })
  email: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: ROLES })
  role: Role;

  @ApiProperty({ enum: ACCOUNT_STATUSES, description: 'a timed suspension that ended is active' })
  status: AccountStatus;

  @ApiProperty({
    ...NULLABLE_DATE_TIME,
    description: 'end of a timed suspension; null when active, banned or until reinstated',
  })
  suspendedUntil: string | null;

  @ApiProperty(DATE_TIME)
  createdAt: string;

  @ApiProperty(NULLABLE_DATE_TIME)
  lastActiveAt: string | null;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'open reports about the person' })
  openReports: number;
}

/** The profile in admin views: `location.city` only (API.md, location privacy). */
export class AdminProfileView extends OmitType(UserProfileView, ['location'] as const) {
  @ApiProperty(NULLABLE_CITY_ONLY_LOCATION)
  location: { city: string | null } | null;
}

/** The user object plus standing, report counts and the audit entries about the person. */
export class AdminUserDetail extends IntersectionType(
  OmitType(UserObject, ['profile'] as const),
  PickType(AdminUserItem, ['status', 'suspendedUntil'] as const),
) {
  @ApiProperty({ type: AdminProfileView })
  profile: AdminProfileView;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'reports about the person, any status' })
  reportsAgainst: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'reports the person filed' })
  reportsFiled: number;

  @ApiProperty({
    type: [AuditEntry],
    description: 'audit entries about the person, newest first (the latest 100)',
  })
  history: AuditEntry[];
}
