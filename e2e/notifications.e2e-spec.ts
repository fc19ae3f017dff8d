import { waitFor } from '@rendezvous/testing';
import { signUp } from './support/api-client';
import type { RealtimeClient } from './support/realtime-client';
import { connectRealtime, refusedHandshake } from './support/realtime-client';
import { tampered } from './support/tokens';
import { expectData } from './support/typed-api';

describe('real-time notifications through the gateway', () => {
  const sockets: RealtimeClient[] = [];
  const connect = async (token: string) => {
    const client = await connectRealtime(token);
    sockets.push(client);
    return client;
  };

  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });

  it('refuses a handshake without a valid access token', async () => {
    const ada = await signUp('Ada');
    expect(await refusedHandshake(undefined)).toBe('unauthorized');
    expect(await refusedHandshake('garbage')).toBe('unauthorized');
    expect(await refusedHandshake(tampered(ada.token))).toBe('unauthorized');
  });

  it('pushes a connection request to every device of the recipient and to nobody else', async () => {
    const ada = await signUp('Ada');
    const bob = await signUp('Bob');
    const carol = await signUp('Carol');
    const bobPhone = await connect(bob.token);
    const bobLaptop = await connect(bob.token);
    const carolPhone = await connect(carol.token);

    const request = await ada.api.POST('/api/v1/users/me/connections', {
      body: { userId: bob.id },
    });
    expectData(request, 201);

    const onPhone = await bobPhone.next('connection.requested');
    const onLaptop = await bobLaptop.next('connection.requested');
    expect(onPhone.payload).toMatchObject({ userId: ada.id });
    expect(onPhone.payload.notificationId).toEqual(expect.any(String));
    expect(onPhone.payload.occurredAt).toEqual(expect.any(String));
    expect(onLaptop.payload.notificationId).toBe(onPhone.payload.notificationId);

    // Carol gets her own request later, and only that one.
    await ada.api.POST('/api/v1/users/me/connections', { body: { userId: carol.id } });
    await carolPhone.next('connection.requested');
    expect(carolPhone.received.map((r) => r.payload.userId)).toEqual([ada.id]);
    expect(carolPhone.received).toHaveLength(1);

    const accepted = await bob.api.POST('/api/v1/users/me/connections/{userId}/accept', {
      params: { path: { userId: ada.id } },
    });
    expectData(accepted, 200);
    const adaPhone = await connect(ada.token);
    const history = await waitFor(
      async () => {
        const page = expectData(await ada.api.GET('/api/v1/notifications'), 200);
        return page.items.find((n) => n.event === 'connection.accepted');
      },
      { timeoutMs: 10_000, message: 'connection.accepted in the history' },
    );
    expect(history.payload).toMatchObject({ userId: bob.id });
    expect(adaPhone.socket.connected).toBe(true);
  });

  it('keeps notifications for a person who was offline, oldest first and paged with after', async () => {
    const ada = await signUp('Ada');
    const bob = await signUp('Bob');
    const carol = await signUp('Carol');
    for (const requester of [ada, carol]) {
      const request = await requester.api.POST('/api/v1/users/me/connections', {
        body: { userId: bob.id },
      });
      expectData(request, 201);
    }

    const all = await waitFor(
      async () => {
        const page = expectData(await bob.api.GET('/api/v1/notifications'), 200);
        return page.items.length >= 2 ? page : undefined;
      },
      { timeoutMs: 10_000, message: 'two notifications in the history' },
    );
    expect(all.items.map((n) => n.event)).toEqual(['connection.requested', 'connection.requested']);
    expect(all.items.map((n) => n.payload.userId)).toEqual([ada.id, carol.id]);
    expect(all.nextCursor).toBeNull();

    const first = expectData(
      await bob.api.GET('/api/v1/notifications', { params: { query: { limit: 1 } } }),
      200,
    );
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).toBe(all.items[0].notificationId);
    const rest = await bob.api.GET('/api/v1/notifications', {
      params: { query: { after: String(first.nextCursor) } },
    });
    expect(expectData(rest, 200).items.map((n) => n.notificationId)).toEqual([
      all.items[1].notificationId,
    ]);

    // Nobody else sees Bob's notifications.
    expect(expectData(await ada.api.GET('/api/v1/notifications'), 200).items).toEqual([]);
    expect((await bob.client.get('/notifications?limit=500')).status).toBe(400);
  });

  it('disconnects and refuses a person who deleted their account', async () => {
    const ada = await signUp('Ada');
    const phone = await connect(ada.token);
    const disconnected = new Promise<void>((resolve) =>
      phone.socket.once('disconnect', () => resolve()),
    );
    expect((await ada.api.DELETE('/api/v1/users/me')).response.status).toBe(204);
    await disconnected;
    await waitFor(async () => (await refusedHandshake(ada.token)) === 'unauthorized', {
      timeoutMs: 5_000,
      message: 'the handshake to be refused',
    });
  });
});
