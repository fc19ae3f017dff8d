import EventIcon from '@mui/icons-material/Event';
import FlagIcon from '@mui/icons-material/Flag';
import HistoryIcon from '@mui/icons-material/History';
import MarkunreadMailboxIcon from '@mui/icons-material/MarkunreadMailbox';
import PeopleIcon from '@mui/icons-material/People';
import StorefrontIcon from '@mui/icons-material/Storefront';
import { QueryClient } from '@tanstack/react-query';
import { Admin, Resource } from 'react-admin';
import { can } from './auth/permissions';
import { LoginPage } from './auth/LoginPage';
import type { Role } from './auth/token';
import { PortalLayout } from './layout/PortalLayout';
import { theme } from './layout/theme';
import { AuditList } from './pages/audit/AuditList';
import { Dashboard } from './pages/dashboard/Dashboard';
import { DeadLetterList } from './pages/dead-letters/DeadLetterList';
import { DeadLetterShow } from './pages/dead-letters/DeadLetterShow';
import { EventList } from './pages/events/EventList';
import { EventShow } from './pages/events/EventShow';
import { MemberList } from './pages/members/MemberList';
import { MemberShow } from './pages/members/MemberShow';
import { ReportList } from './pages/reports/ReportList';
import { VenueCreate } from './pages/venues/VenueCreate';
import { VenueEdit } from './pages/venues/VenueEdit';
import { VenueList } from './pages/venues/VenueList';
import type { Services } from './services';
import { ServicesContext } from './services-context';

// The API is the source of truth and moderators act on fresh data: no retry storms on errors
// (a 429 says when to come back), and a tab regaining focus reloads what it shows.
const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, staleTime: 5_000, refetchOnWindowFocus: true } },
});

/**
 * Moderators see the pages their role can act on; admins see everything. Without `requireAuth`:
 * with it, react-admin 5.15 sent a signed-out visitor to the sign-in page over a thousand times
 * (its LogoutOnMount mounting again after each store reset) before the form appeared, seconds
 * later; every page checks the session itself (list, show and dashboard controllers).
 */
export function App({ services }: { services: Services }) {
  return (
    <ServicesContext.Provider value={services}>
      <Admin
        title="Rendezvous admin"
        dataProvider={services.dataProvider}
        authProvider={services.authProvider}
        queryClient={queryClient}
        loginPage={LoginPage}
        layout={PortalLayout}
        theme={theme}
        dashboard={Dashboard}
        disableTelemetry
      >
        {(role: Role | null) => [
          <Resource
            key="reports"
            name="reports"
            list={ReportList}
            icon={FlagIcon}
            options={{ label: 'Reports' }}
          />,
          <Resource
            key="members"
            name="members"
            list={MemberList}
            show={MemberShow}
            icon={PeopleIcon}
            recordRepresentation="name"
          />,
          <Resource
            key="events"
            name="events"
            list={EventList}
            show={EventShow}
            icon={EventIcon}
            recordRepresentation="title"
          />,
          <Resource
            key="venues"
            name="venues"
            list={VenueList}
            create={can.editVenues(role) ? VenueCreate : undefined}
            edit={can.editVenues(role) ? VenueEdit : undefined}
            icon={StorefrontIcon}
            recordRepresentation="name"
          />,
          ...(can.seeDeadLetters(role)
            ? [
                <Resource
                  key="dead-letters"
                  name="dead-letters"
                  list={DeadLetterList}
                  show={DeadLetterShow}
                  icon={MarkunreadMailboxIcon}
                  options={{ label: 'Dead letters' }}
                />,
              ]
            : []),
          ...(can.seeAuditLog(role)
            ? [
                <Resource
                  key="audit"
                  name="audit"
                  list={AuditList}
                  icon={HistoryIcon}
                  options={{ label: 'Audit log' }}
                />,
              ]
            : []),
        ]}
      </Admin>
    </ServicesContext.Provider>
  );
}
