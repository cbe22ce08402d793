import { execFileSync } from 'node:child_process';
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

  /** Fills the disk (again, if the browser freed some since), leaving `leaveBytes` free. */
  fill(leaveBytes = 0): void {
    const { bavail, bsize } = fs.statfsSync(this.dir);
    const free = bavail * bsize;
    const fd = fs.openSync(this.filler, 'a');
    try {
      const chunk = Buffer.alloc(1 << 20);
      let left = free - leaveBytes;
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

  private keeping: ReturnType<typeof setInterval> | undefined;

  /**
   * Fills the disk now and again every 20 ms until `empty`: the browser frees space of its own now and then (a
   * compaction deletes old files, a database reopens), and a full disk should stay full while the test needs it.
   */
  keepFull(): void {
    this.fill();
    clearInterval(this.keeping);
    this.keeping = setInterval(() => this.fill(), 20);
  }

  empty(): void {
    clearInterval(this.keeping);
    this.keeping = undefined;
    fs.rmSync(this.filler, { force: true });
  }

  unmount(): void {
    clearInterval(this.keeping);
    try {
      execFileSync('umount', ['-l', this.dir], { stdio: 'pipe' });
      fs.rmSync(this.root, { recursive: true, force: true });
    } catch {
      // Best effort: the tmpfs goes with the machine.
    }
  }
}
