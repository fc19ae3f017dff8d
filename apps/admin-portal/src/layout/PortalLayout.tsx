import type { ReactNode } from 'react';
import { Layout } from 'react-admin';
import { ConnectionBanner } from '../connection/ConnectionBanner';
import { LiveConnection } from '../realtime/LiveConnection';
import { PortalAppBar } from './PortalAppBar';

export function PortalLayout({ children }: { children: ReactNode }) {
  return (
    <Layout appBar={PortalAppBar}>
      <LiveConnection />
      <ConnectionBanner />
      {children}
    </Layout>
  );
}
