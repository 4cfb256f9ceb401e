// Solves a CAPTCHA challenge the way the ALTCHA widget does, for tests that act as a client.
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';

/** The widget's payload for a challenge JSON from `captchaChallenge`. */
export async function solveCaptcha(challengeJson: string): Promise<string> {
  const challenge = JSON.parse(challengeJson) as Challenge;
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('could not solve the CAPTCHA challenge');
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}
