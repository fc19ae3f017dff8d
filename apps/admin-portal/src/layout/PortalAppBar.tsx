import { AppBar, UserMenu, useGetIdentity } from 'react-admin';

/**
 * react-admin's app bar whose user menu is named by the name it shows: its default label,
 * "Profile", differed from the visible text (WCAG 2.5.3, label in name).
 */
export function PortalAppBar() {
  const { identity } = useGetIdentity();
  const name = typeof identity?.fullName === 'string' ? identity.fullName : 'Profile';
  return <AppBar userMenu={<UserMenu label={name} />} />;
}
