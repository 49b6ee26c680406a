import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A small tmpfs of our own, to fill up or make read-only. Needs root and mount rights;
 * returns undefined where the sandbox forbids mounting.
 */
export function mountTmpfs(sizeKb: number): { dir: string; readOnly(): void; readWrite(): void; unmount(): void } | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  return {
    dir,
    readOnly: () => execFileSync('mount', ['-o', 'remount,ro', dir], { stdio: 'ignore' }),
    readWrite: () => execFileSync('mount', ['-o', 'remount,rw', dir], { stdio: 'ignore' }),
    unmount: () => execFileSync('umount', ['-l', dir], { stdio: 'ignore' }),
  };
}
