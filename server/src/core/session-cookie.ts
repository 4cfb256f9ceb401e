// The session cookie: its name, how the gateway reads it, and how identity sets and clears it.
import { parseCookie, stringifySetCookie } from 'cookie';

/** `__Host-` binds the cookie to the exact origin over HTTPS; plain HTTP (development) cannot use the prefix. */
export function sessionCookieName(publicUrl: string): string {
  return isHttps(publicUrl) ? '__Host-kabinet_session' : 'kabinet_session';
}

export function readSessionToken(cookieHeader: string | undefined, publicUrl: string): string | undefined {
  if (!cookieHeader) return undefined;
  const value = parseCookie(cookieHeader)[sessionCookieName(publicUrl)];
  return value && /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : undefined;
}

export function sessionSetCookie(token: string, maxAgeSeconds: number, publicUrl: string): string {
  return stringifySetCookie({
    name: sessionCookieName(publicUrl),
    value: token,
    httpOnly: true,
    sameSite: 'lax',
    secure: isHttps(publicUrl),
    path: '/',
    maxAge: Math.max(0, Math.floor(maxAgeSeconds)),
  });
}

export function sessionClearCookie(publicUrl: string): string {
  return sessionSetCookie('', 0, publicUrl);
}

function isHttps(publicUrl: string): boolean {
  return publicUrl.startsWith('https://');
}
