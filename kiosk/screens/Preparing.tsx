/** First boot: content is being fetched (with progress), or cannot be, said plainly. Never a blank page. */
import type { SyncStatus } from '../../sync/index.ts';

export function Preparing({ status }: { status: SyncStatus }) {
  const p = status.progress;
  const failed = !status.checking && status.lastCheck !== undefined && status.lastSuccess === undefined;
  if (failed) {
    return (
      <main class="preparing">
        <h1>暂时无法显示内容</h1>
        <p>本机还没有内容，也无法连接内容服务器。请到服务台咨询工作人员。</p>
        <p lang="en">
          This screen has no content yet and cannot reach its content server. Please ask at the help desk.
        </p>
        <p class="quiet">{status.log.filter((e) => e.kind === 'error').at(-1)?.message}</p>
      </main>
    );
  }
  const percent = p && p.bytesTotal > 0 ? Math.round((p.bytesDone / p.bytesTotal) * 100) : 0;
  return (
    <main class="preparing" aria-busy="true">
      <h1>正在准备内容…</h1>
      <p lang="en">Preparing content…</p>
      <progress max={100} value={percent} aria-label="下载进度 Download progress" />
      <p class="quiet">{p ? `${p.filesDone} / ${p.filesTotal}` : ''}</p>
    </main>
  );
}
