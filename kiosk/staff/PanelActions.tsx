/** The panel's actions: sync now (with progress), switch mode, roll back (after a confirm), reload, close. */
import type { TFunction } from 'i18next';
import { useState } from 'preact/hooks';
import { useApp } from '../app/context.ts';
import { bytes } from './format.ts';

/** What the last action did, kept as a key so it follows a language switch. */
type Result =
  | { key: string; params: Record<string, string | number | undefined>; problem: boolean }
  | undefined;

function SyncProgress({ t }: { t: TFunction }) {
  const s = useApp().sync.status.value;
  if (!s.checking) return null;
  const p = s.progress;
  if (!p) return <p role="status">{t('sync.checking')}</p>;
  const percent = p.bytesTotal > 0 ? Math.round((p.bytesDone / p.bytesTotal) * 100) : 0;
  return (
    <div class="staff-progress">
      <div
        class="staff-meter"
        role="progressbar"
        aria-label={t('sync.progressLabel')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <span style={{ width: `${percent}%` }} />
      </div>
      <p role="status">
        {t('sync.progress', {
          filesDone: p.filesDone,
          filesTotal: p.filesTotal,
          bytesDone: bytes(p.bytesDone),
          bytesTotal: bytes(p.bytesTotal),
        })}
      </p>
    </div>
  );
}

export function PanelActions({ t, onClose }: { t: TFunction; onClose: () => void }) {
  const { engine, sync, terminalMode } = useApp();
  const [result, setResult] = useState<Result>(undefined);
  const [confirming, setConfirming] = useState(false);
  const status = sync.status.value;
  const previous = status.previous?.version;

  const syncNow = async () => {
    setResult(undefined);
    const outcome = await engine.checkNow();
    // Staff are at the screen, not a visitor: a version waiting for idle is shown now.
    if (outcome !== 'failed') await engine.activateStaged();
    const after = engine.getStatus();
    if (outcome === 'failed') {
      const reason = after.log.findLast((e) => e.kind === 'error')?.message ?? '';
      setResult({ key: 'sync.failed', params: { reason }, problem: true });
    } else if (outcome === 'updated') {
      setResult({ key: 'sync.updated', params: { version: after.active?.version }, problem: false });
    } else setResult({ key: 'sync.unchanged', params: {}, problem: false });
  };
  const rollBack = async () => {
    setConfirming(false);
    const version = await engine.rollback();
    if (version !== undefined) setResult({ key: 'confirm.rolledBack', params: { version }, problem: false });
  };
  const mode = terminalMode.mode.value;

  return (
    <div class="staff-actions-area">
      <SyncProgress t={t} />
      {!status.checking && result && (
        <p class={result.problem ? 'staff-result problem' : 'staff-result'} role="status">
          {t(result.key, result.params)}
        </p>
      )}
      <div class="staff-actions">
        <button
          type="button"
          class="staff-button primary"
          disabled={status.checking}
          onClick={() => void syncNow()}
        >
          {t('action.syncNow')}
        </button>
        <button
          type="button"
          class="staff-button"
          onClick={() => terminalMode.switchTo(mode === 'attract' ? 'interactive' : 'attract')}
        >
          {t(mode === 'attract' ? 'action.toInteractive' : 'action.toAttract')}
        </button>
        {terminalMode.source.value === 'staff' && (
          <button type="button" class="staff-button" onClick={() => terminalMode.useUrlMode()}>
            {t('action.urlMode')}
          </button>
        )}
        <button
          type="button"
          class="staff-button"
          disabled={previous === undefined || status.checking}
          onClick={() => setConfirming(true)}
        >
          {previous === undefined ? t('action.noRollback') : t('action.rollback', { version: previous })}
        </button>
        <button type="button" class="staff-button" onClick={() => location.reload()}>
          {t('action.reload')}
        </button>
        <button type="button" class="staff-button" onClick={onClose}>
          {t('action.close')}
        </button>
      </div>
      {confirming && previous !== undefined && (
        <div class="staff-confirm" role="alertdialog" aria-modal="true" aria-labelledby="staff-confirm-title">
          <div class="staff-confirm-box">
            <h2 id="staff-confirm-title">{t('confirm.rollbackTitle', { version: previous })}</h2>
            <p>{t('confirm.rollbackBody', { version: previous, from: status.active?.version })}</p>
            <div class="staff-actions">
              <button type="button" class="staff-button primary" onClick={() => void rollBack()}>
                {t('confirm.rollbackYes')}
              </button>
              <button type="button" class="staff-button" onClick={() => setConfirming(false)}>
                {t('confirm.cancel')}
              </button>
            </div>
          </div>
        </div>
      )}
    </div>
  );
}
