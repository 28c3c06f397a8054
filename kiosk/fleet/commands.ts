/**
 * Carries out the commands staff gave in the console, each once (done ids are kept with the outbox),
 * each logged as an event of the next report. A reload waits until nobody uses the screen.
 */
import { effect, type ReadonlySignal } from '@preact/signals';
import type { Command } from '../../fleet/protocol.ts';
import type { TerminalMode } from '../config.ts';
import type { Outbox } from './outbox.ts';

const REMEMBER_DONE = 200;

export type CommandTargets = {
  checkNow: () => Promise<unknown>;
  switchMode: (mode: TerminalMode) => void;
  useUrlMode: () => void;
  idle: ReadonlySignal<boolean>;
  /** Records why and reloads the page (the reason survives the reload in the resilience log). */
  reload: (reason: string) => void;
  /** Something changed that the service should hear about soon. */
  changed: () => void;
};

export function createCommandRunner(outbox: Outbox, targets: CommandTargets) {
  let reloadWaiting: (() => void) | undefined;
  let reloaded = false;

  const note = (message: string, kind: 'info' | 'error' = 'info') =>
    outbox.updateMeta((meta) => {
      meta.queued.push({ at: new Date().toISOString(), kind, message });
    });

  const carryOut = async (command: Command): Promise<void> => {
    const what = `${command.kind}${command.mode ? ` ${command.mode}` : ''} (command ${command.id})`;
    switch (command.kind) {
      case 'sync-now':
        await note(`staff asked for a sync now: checking the feed, ${what}`);
        void targets.checkNow().finally(targets.changed);
        return;
      case 'set-mode':
        if (command.mode === 'default') targets.useUrlMode();
        else if (command.mode === 'interactive' || command.mode === 'attract')
          targets.switchMode(command.mode);
        else return note(`a set-mode command without a known mode was ignored: ${what}`, 'error');
        return note(`mode set by staff from the console: ${what}`);
      case 'reload':
        await note(`staff asked for a reload: waiting until nobody uses the screen, ${what}`);
        if (reloadWaiting) return;
        // Never mid-visit: the same rule as a new app version (kiosk/app/app-updates.ts).
        reloadWaiting = effect(() => {
          if (targets.idle.value && !reloaded) {
            reloaded = true;
            targets.reload(`fleet: staff asked for a reload from the console (${what})`);
          }
        });
        return;
      default:
        return note(
          `a command of unknown kind was ignored: ${JSON.stringify(command).slice(0, 200)}`,
          'error',
        );
    }
  };

  return {
    /** Carries out the commands not done before, in the order given. */
    async run(commands: Command[]): Promise<void> {
      if (commands.length === 0) return;
      for (const command of commands) {
        const { doneCommands } = await outbox.meta();
        if (doneCommands.includes(command.id)) continue;
        // Marked done first: a reload (or a crash) half-way must not carry it out twice.
        await outbox.updateMeta((meta) => {
          meta.doneCommands = [...meta.doneCommands, command.id].slice(-REMEMBER_DONE);
        });
        await carryOut(command);
      }
      targets.changed();
    },
  };
}
