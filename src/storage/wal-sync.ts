import { closeSync, fsync, fsyncSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

export type SyncFile = (fd: number) => Promise<void>;

const fsyncInPool: SyncFile = (fd) => new Promise((resolve, reject) => fsync(fd, (error) => (error ? reject(error) : resolve())));

/**
 * Makes a SQLite database's write-ahead log durable with an fsync of the `-wal` file run on
 * libuv's thread pool, so that the event loop goes on while the disk flushes.
 *
 * The writer runs with `synchronous = NORMAL`, where a commit writes its WAL frames but does
 * not sync them (checkpoints still sync the WAL first and the database after). One fsync of
 * the WAL file after the commit makes those frames, and everything before them, durable:
 * the same guarantee as `synchronous = FULL`, which issues that fsync itself, blocking.
 */
export class WalSync {
  #fd: number | undefined;
  constructor(private readonly databaseFile: string, private readonly syncFile: SyncFile = fsyncInPool) {}

  /** The WAL's descriptor, opened once; its directory entry is made durable at the same time. */
  #wal(): number {
    if (this.#fd === undefined) {
      const directory = openSync(dirname(this.databaseFile), 'r');
      try {
        fsyncSync(directory);
      } finally {
        closeSync(directory);
      }
      this.#fd = openSync(`${this.databaseFile}-wal`, 'r');
    }
    return this.#fd;
  }

  sync(): Promise<void> {
    try {
      return this.syncFile(this.#wal());
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** Blocking, for the last commit when the store closes. */
  syncNow(): void {
    fsyncSync(this.#wal());
  }

  close(): void {
    if (this.#fd !== undefined) closeSync(this.#fd);
    this.#fd = undefined;
  }
}
