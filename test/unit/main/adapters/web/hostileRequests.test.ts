import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, serve, signIn } from '../../../../helpers/transportServer';
import { jsonBodyOf, rawExchange, rawPost } from '../../../../helpers/rawHttp';

afterEach(closeAll);

/** Raw TCP requests, as a hostile local process would send them; no HTTP client library. */
describe('the HTTP transport against hostile requests', () => {
  it('refuses a body that is not application/json with 415 and invalid_request', async () => {
    const t = await serve();
    const cookie = await signIn(t);
    const port = Number(new URL(t.origin).port);
    const answer = await rawExchange(port, [
      rawPost(port, 'search', '{"query":"velde"}', { cookie, 'content-type': 'text/plain' }),
    ]);
    expect(answer.status).toBe(415);
    expect(jsonBodyOf(answer.text)).toMatchObject({ ok: false, error: 'invalid_request' });
    const form = await rawExchange(port, [
      rawPost(port, 'search', 'query=velde', { cookie, 'content-type': 'application/x-www-form-urlencoded' }),
    ]);
    expect(form.status).toBe(415);
    const withCharset = await rawExchange(port, [
      rawPost(port, 'search', '{"query":"velde"}', {
        cookie,
        'content-type': 'application/json; charset=utf-8',
      }),
    ]);
    expect(withCharset.status).toBe(200);
  });

  it('refuses a small method body over 64 KiB, announced or streamed, before reading it', async () => {
    const t = await serve();
    const cookie = await signIn(t);
    const port = Number(new URL(t.origin).port);
    const announced = await rawExchange(port, [
      `POST /api/search HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\ncookie: ${cookie}\r\ncontent-type: application/json\r\ncontent-length: ${64 * 1024 + 1}\r\n\r\n`,
    ]);
    expect(announced.status).toBe(413);
    expect(jsonBodyOf(announced.text)).toMatchObject({ ok: false, error: 'invalid_request' });
    expect(announced.closed).toBe(true);

    const chunk = `{"query":"${'a'.repeat(32 * 1024)}`;
    const size = Buffer.byteLength(chunk).toString(16);
    const streamed = await rawExchange(port, [
      `POST /api/search HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\ncookie: ${cookie}\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n`,
      `${size}\r\n${chunk}\r\n`,
      `${size}\r\n${chunk}\r\n`,
      `${size}\r\n${chunk}\r\n`,
    ]);
    expect(streamed.status).toBe(413);
  });

  it('gives importPackage a large limit of its own, refused as package_too_large above it', async () => {
    const t = await serve();
    const cookie = await signIn(t);
    const port = Number(new URL(t.origin).port);
    const huge = await rawExchange(port, [
      `POST /api/importPackage HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\ncookie: ${cookie}\r\ncontent-type: application/json\r\ncontent-length: ${t.limits.importBodyBytes + 1}\r\n\r\n`,
    ]);
    expect(huge.status).toBe(413);
    expect(jsonBodyOf(huge.text)).toEqual({ ok: false, error: 'package_too_large' });
    // 1 MiB is far above a small method's limit and fine for an import (refused by its checks).
    const body = JSON.stringify({
      fileName: 'x.lkb',
      contentBase64: 'A'.repeat(1024 * 1024),
      allowUnsigned: false,
      preview: true,
      adminPin: '',
    });
    const big = await rawExchange(port, [rawPost(port, 'importPackage', body, { cookie })]);
    expect(big.status).toBe(200);
    expect(jsonBodyOf(big.text)).toMatchObject({ ok: false });
  });

  it('refuses deeply nested JSON while it arrives, and ignores brackets inside strings', async () => {
    const t = await serve();
    const cookie = await signIn(t);
    const port = Number(new URL(t.origin).port);
    const deep = await rawExchange(port, [
      rawPost(port, 'search', `{"query":${'['.repeat(60_000)}`, { cookie }),
    ]);
    expect(deep.status).toBe(400);
    expect(jsonBodyOf(deep.text)).toMatchObject({ ok: false, error: 'invalid_request' });
    expect(JSON.stringify(jsonBodyOf(deep.text))).toMatch(/genest/);
    const nine = `{"a":${'['.repeat(8)}${']'.repeat(8)}}`;
    expect((await rawExchange(port, [rawPost(port, 'search', nine, { cookie })])).status).toBe(400);
    const inString = JSON.stringify({ query: `[[[[[[[[[[[[{{{{{{{{{{ \\" [[[[` });
    const fine = await rawExchange(port, [rawPost(port, 'search', inString, { cookie })]);
    expect(fine.status).toBe(200);
    expect(jsonBodyOf(fine.text)).toMatchObject({ ok: true });
    const broken = await rawExchange(port, [rawPost(port, 'search', '{"query": "velde"', { cookie })]);
    expect(broken.status).toBe(400);
  });

  it('drops a client that trickles its headers (slowloris) after headersTimeout', async () => {
    const t = await serve({ limits: { headersTimeoutMs: 1000 } });
    const port = Number(new URL(t.origin).port);
    const dribble: (string | number)[] = [`POST /api/search HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\n`];
    for (let i = 0; i < 40; i++) dribble.push(300, `x-slow-${i}: 1\r\n`);
    const answer = await rawExchange(port, dribble, 20_000);
    expect(answer.closed).toBe(true);
    expect(answer.status).toBe(408);
  });

  it('answers a small body that trickles in with 408 and unavailable/timeout', async () => {
    const t = await serve({ limits: { smallBodyTimeoutMs: 1000 } });
    const cookie = await signIn(t);
    const port = Number(new URL(t.origin).port);
    const parts: (string | number)[] = [
      `POST /api/search HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\ncookie: ${cookie}\r\ncontent-type: application/json\r\ncontent-length: 40\r\n\r\n{"q`,
    ];
    for (let i = 0; i < 30; i++) parts.push(300, ' ');
    const answer = await rawExchange(port, parts, 20_000);
    expect(answer.status).toBe(408);
    expect(jsonBodyOf(answer.text)).toEqual({ ok: false, error: 'unavailable', reason: 'timeout' });
  });

  it('closes connections above the cap at once, and serves again when they are gone', async () => {
    const t = await serve({ limits: { maxConnections: 4 } });
    const port = Number(new URL(t.origin).port);
    const get = `GET /index.html HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\n\r\n`;
    // Four keep-alive connections, each answered once, so the server certainly counts them.
    const held = await Promise.all(
      Array.from(
        { length: 4 },
        () =>
          new Promise<net.Socket>((resolve, reject) => {
            const socket = net.connect(port, '127.0.0.1', () => socket.write(get));
            socket.once('data', () => resolve(socket));
            socket.once('error', reject);
          }),
      ),
    );
    const fifth = await rawExchange(port, [get], 10_000);
    expect(fifth.closed).toBe(true);
    expect(fifth.text).toBe('');
    for (const socket of held) socket.destroy();
    let after = await rawExchange(port, [get.replace('\r\n\r\n', '\r\nconnection: close\r\n\r\n')], 10_000);
    for (let attempt = 0; attempt < 50 && after.status === null; attempt++) {
      await new Promise((r) => setTimeout(r, 100));
      after = await rawExchange(port, [get.replace('\r\n\r\n', '\r\nconnection: close\r\n\r\n')], 10_000);
    }
    expect(after.status).toBe(200);
  });
});
