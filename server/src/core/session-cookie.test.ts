// The session cookie's attributes: HttpOnly and SameSite=Lax always; Secure and the __Host- prefix on HTTPS.
import { describe, expect, it } from 'vitest';
import { readSessionToken, sessionClearCookie, sessionSetCookie } from './session-cookie.js';

const token = 'A'.repeat(43);

describe('session cookie', () => {
  it('is HttpOnly and SameSite=Lax over HTTP (development)', () => {
    expect(sessionSetCookie(token, 60, 'http://localhost:4000')).toBe(
      `kabinet_session=${token}; Max-Age=60; Path=/; HttpOnly; SameSite=Lax`,
    );
  });

  it('is Secure and __Host- prefixed over HTTPS', () => {
    expect(sessionSetCookie(token, 60, 'https://lk.example.ru')).toBe(
      `__Host-kabinet_session=${token}; Max-Age=60; Path=/; HttpOnly; Secure; SameSite=Lax`,
    );
    expect(sessionClearCookie('https://lk.example.ru')).toMatch(/^__Host-kabinet_session=; Max-Age=0;/);
  });

  it('is read only under the name for the site, and only when it looks like a token', () => {
    expect(readSessionToken(`other=1; kabinet_session=${token}`, 'http://localhost:4000')).toBe(token);
    expect(readSessionToken(`kabinet_session=${token}`, 'https://lk.example.ru')).toBeUndefined();
    expect(readSessionToken('kabinet_session=../../etc', 'http://localhost:4000')).toBeUndefined();
    expect(readSessionToken(undefined, 'http://localhost:4000')).toBeUndefined();
  });
});
