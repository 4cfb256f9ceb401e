// Which Node versions Kabinet supports: the range in package.json's `engines`, said at start when this is not one.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const PACKAGE_JSON = path.resolve(import.meta.dirname, '../../../package.json');

/** The lowest supported version, from `engines.node` (written `>=MAJOR.MINOR`), as [major, minor]. */
export function minimumNode(): [number, number] {
  const engines = (JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { engines?: { node?: string } }).engines;
  const match = /^>=\s*(\d+)\.(\d+)(\.\d+)?$/.exec(engines?.node?.trim() ?? '');
  if (!match) throw new Error(`package.json engines.node must read ">=MAJOR.MINOR", not ${engines?.node}`);
  return [Number(match[1]), Number(match[2])];
}

/** A warning to log when `version` (default: this process's Node) is older than the supported range, else null. */
export function unsupportedNodeWarning(version = process.versions.node): string | null {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const [minMajor, minMinor] = minimumNode();
  if (major > minMajor || (major === minMajor && minor >= minMinor)) return null;
  const endOfLife = major <= 20 ? ' is past its end of life and' : '';
  return (
    `Node ${version}${endOfLife} is not supported: install Node 24 LTS (or ${minMajor}.${minMinor}+). ` +
    'Kabinet still starts on it, but some of its packages declare newer Node versions and may stop working.'
  );
}
