import { endToEndHeaders } from './hop-by-hop';

describe(endToEndHeaders.name, () => {
  it('drops hop-by-hop headers and those the Connection header names', () => {
    expect(
      endToEndHeaders({
        authorization: 'Bearer x',
        'content-type': 'application/json',
        connection: 'keep-alive, Upgrade, X-Private',
        'keep-alive': 'timeout=5',
        upgrade: 'websocket',
        expect: '100-continue',
        te: 'trailers',
        'transfer-encoding': 'chunked',
        'x-private': 'secret',
        'proxy-authorization': 'Basic abc',
      }),
    ).toEqual({ authorization: 'Bearer x', 'content-type': 'application/json' });
  });
});
