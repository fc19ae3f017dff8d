import type { ReactNode } from 'react';
import { Layout } from 'react-admin';
import { ConnectionBanner } from '../connection/ConnectionBanner';
import { LiveConnection } from '../realtime/LiveConnection';

export function PortalLayout({ children }: { children: ReactNode }) {
  return (
    <Layout>
      <LiveConnection />
      <ConnectionBanner />
      {children}
    </Layout>
  );
}
