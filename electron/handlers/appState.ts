import { EventEmitter } from 'node:events';
import { AppError } from '../../shared/contract/define.js';
import type { AppEvent } from '../../shared/contract/index.js';
import { Session } from '../store/session.js';
import type { Platform } from '../platform/platform.js';

/**
 * What the privileged side holds between calls: which vault, the unlocked session (if any),
 * and the idle timer that locks it. One AppState per Electron app or browser-mode server.
 */
export class AppState {
  session: Session | null = null;
  vaultPath: string;
  lastActivity = Date.now();
  readonly events = new EventEmitter();
  /** A backup file picked with the shell's open dialog, waiting for `vault.restoreBackup`. */
  chosenBackupFile: string | null = null;
  private idleTimer: NodeJS.Timeout | null = null;

  /** `platform` is built once by the shell (electron/main) or the bridge; see electron/platform. */
  constructor(readonly platform: Platform) {
    this.vaultPath = platform.startVaultPath;
  }

  get mode(): Platform['mode'] {
    return this.platform.mode;
  }

  emit(event: AppEvent): void {
    this.events.emit('event', event);
  }

  requireSession(): Session {
    if (!this.session) throw new AppError('LOCKED', '档案库已锁定，请先解锁');
    return this.session;
  }

  touch(): void {
    this.lastActivity = Date.now();
  }

  open(session: Session): void {
    this.session?.vault.close();
    this.session = session;
    this.touch();
    this.startIdleTimer();
    // Every way in (create, unlock, restore) gets the search keys ready before 干部档案 is opened.
    // Then the list rows, so the first search or sort at 50 000 does not build them while the user waits.
    const stillOpen = () => this.session === session;
    void session.searchKeys
      .warm(session.doc.cadres.map((c) => c.name), stillOpen)
      .then(() => session.cadreViews.warm(() => session.doc, stillOpen));
  }

  lock(reason: 'idle' | 'manual'): void {
    if (!this.session) return;
    this.session.vault.close();
    this.session = null;
    this.stopIdleTimer();
    this.emit({ type: 'locked', reason });
  }

  private startIdleTimer(): void {
    this.stopIdleTimer();
    this.idleTimer = setInterval(() => {
      const minutes = this.session?.doc.settings.autoLockMinutes ?? 15;
      if (Date.now() - this.lastActivity > minutes * 60_000) this.lock('idle');
    }, 15_000);
    this.idleTimer.unref();
  }

  private stopIdleTimer(): void {
    if (this.idleTimer) clearInterval(this.idleTimer);
    this.idleTimer = null;
  }

  dispose(): void {
    this.lock('manual');
  }
}
