import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A browser profile whose IndexedDB folder (where the extension keeps its journal) is a small disk of its own (a
 * tmpfs, mounted as root), which a test can fill up and empty again: the extension's database then runs out of room the
 * way it does on a full disk. Only that folder: the rest of a profile (history and cookie journals, caches) takes and
 * frees pages all the time, so a disk shared with it had room now and then, and under load a write of the extension
 * could land in it before the disk was filled again.
 */
export class SmallDisk {
  private constructor(
    readonly dir: string,
    private readonly root: string,
    private readonly filler: string,
  ) {}

  static mount(megabytes = 256): SmallDisk {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pgs-small-disk-'));
    const dir = path.join(root, 'profile', 'Default', 'IndexedDB');
    fs.mkdirSync(dir, { recursive: true });
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', dir], { stdio: 'pipe' });
    } catch (error) {
      fs.rmSync(root, { recursive: true, force: true });
      throw new Error(
        `This test mounts a small disk (tmpfs) for a browser profile's IndexedDB and fills it, which needs root: ${(error as Error).message}`,
      );
    }
    // Chrome reads only the *.indexeddb.leveldb folders in there.
    return new SmallDisk(dir, root, path.join(dir, '.filler'));
  }

  get profileDir(): string {
    return path.join(this.root, 'profile');
  }

  /** Fills the disk, leaving `leaveBytes` free. */
  fill(leaveBytes = 0): void {
    fillUp(this.dir, this.filler, leaveBytes);
  }

  private keeper: ChildProcess | undefined;

  /**
   * Fills the disk, and keeps it full until `empty`: the browser frees a page of its own now and then (a failed
   * database open cleans up after itself), and on a full disk the next writer gets it. A separate process takes such a
   * page back within a millisecond or two, where a timer in the test's own process, which a busy machine delays, left
   * it free long enough for a write of the extension to land.
   */
  keepFull(): void {
    this.fill();
    this.keeper ??= spawn(process.execPath, ['--input-type=module', '-e', KEEPER, this.dir, this.filler], {
      stdio: 'ignore',
    });
  }

  /** Frees the disk: the keeper has stopped before its filler goes. */
  async empty(): Promise<void> {
    await this.stopKeeper();
    fs.rmSync(this.filler, { force: true });
  }

  private async stopKeeper(): Promise<void> {
    const keeper = this.keeper;
    this.keeper = undefined;
    if (!keeper || keeper.exitCode !== null || keeper.signalCode !== null) return;
    const exited = new Promise((resolve) => keeper.once('exit', resolve));
    keeper.kill('SIGKILL');
    await exited;
  }

  async unmount(): Promise<void> {
    await this.stopKeeper();
    try {
      execFileSync('umount', ['-l', this.dir], { stdio: 'pipe' });
      fs.rmSync(this.root, { recursive: true, force: true });
    } catch {
      // Best effort: the tmpfs goes with the machine.
    }
  }
}

function fillUp(dir: string, filler: string, leaveBytes = 0): void {
  const { bavail, bsize } = fs.statfsSync(dir);
  let left = bavail * bsize - leaveBytes;
  if (left <= 0) return;
  const fd = fs.openSync(filler, 'a');
  try {
    const chunk = Buffer.alloc(1 << 20);
    while (left > 0) {
      const n = Math.min(left, chunk.length);
      try {
        fs.writeSync(fd, chunk, 0, n);
      } catch {
        break; // full
      }
      left -= n;
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** The keeper (argv: the disk, the filler file): takes back any room on the disk, checking every millisecond. */
const KEEPER = `
import fs from 'node:fs';
const [dir, filler] = process.argv.slice(-2);
const chunk = Buffer.alloc(1 << 20);
setInterval(() => {
  const { bavail, bsize } = fs.statfsSync(dir);
  let left = bavail * bsize;
  if (left <= 0) return;
  const fd = fs.openSync(filler, 'a');
  try {
    while (left > 0) {
      const n = Math.min(left, chunk.length);
      try {
        fs.writeSync(fd, chunk, 0, n);
      } catch {
        break;
      }
      left -= n;
    }
  } finally {
    fs.closeSync(fd);
  }
}, 1);
`;
