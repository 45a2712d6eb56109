/**
 * Browser mode's bridge stops reading a call at its size cap: an announced oversize body is
 * refused unread, and a chunked one as soon as it passes the cap (it used to read to the end).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY, startBridge, type Bridge } from './server.js';

let bridge: Bridge;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bridge-cap-'));
  bridge = await startBridge({ rendererDir: dir, vaultPath: join(dir, 'v.cdv') });
});
afterAll(async () => {
  await bridge.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Streams `total` bytes chunked; resolves with how much had been sent when the server answered or
 * hung up. A raw client may see the hang-up (EPIPE) before the answer; browsers always announce
 * a length, which the other test covers.
 */
function sendChunked(total: number): Promise<{ status: number; body: string; sentWhenAnswered: number }> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = request(
      { host: '127.0.0.1', port: bridge.port, path: '/api/invoke', method: 'POST', headers: { host: `127.0.0.1:${bridge.port}`, 'content-type': 'application/json', 'x-cadre-token': bridge.token, 'transfer-encoding': 'chunked' } },
      (res) => {
        answered = true;
        const sentWhenAnswered = sent;
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, sentWhenAnswered }));
      },
    );
    req.on('error', (e: NodeJS.ErrnoException) => {
      if (answered) return;
      answered = true;
      if (e.code === 'EPIPE' || e.code === 'ECONNRESET') resolve({ status: 0, body: '', sentWhenAnswered: sent });
      else reject(e);
    });
    const chunk = Buffer.alloc(1024 * 1024, 0x41);
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    req.write('{"method":"vault.status","input":{},"padding":"');
    pump();
  });
}

describe('bridge body cap', () => {
  it('stops reading a chunked body that outgrows the cap right there', async () => {
    const r = await sendChunked(MAX_BODY * 3);
    if (r.status !== 0) {
      expect(r.status).toBe(413);
      expect(JSON.parse(r.body).error.message).toBe('请求过大（浏览器模式下一次最多 150 MB）');
    }
    // Answered near the cap (what sat in socket buffers aside), far from the 450 MB offered.
    expect(r.sentWhenAnswered).toBeLessThan(MAX_BODY + 32 * 1024 * 1024);
  }, 60_000);

  it('refuses an announced oversize body before reading it', async () => {
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: bridge.port, path: '/api/invoke', method: 'POST', headers: { host: `127.0.0.1:${bridge.port}`, 'content-type': 'application/json', 'x-cadre-token': bridge.token, 'content-length': String(MAX_BODY + 1) } },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      req.write('{'); // one byte of the announced 150 MB: the answer must not wait for the rest
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error.message).toBe('请求过大（浏览器模式下一次最多 150 MB）');
  });
});
