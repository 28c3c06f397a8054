/** Never a black screen: a failed render shows the fallback, is logged for staff, and is retried. */
import { Component, type ComponentChildren } from 'preact';
import type { ActiveContent } from '../../sync/index.ts';
import { AppContext, type AppModels } from '../app/context.ts';
import { Fallback } from './Fallback.tsx';
import { saveLastGood } from './last-good.ts';
import { reloadFor } from './reload.ts';
import { describeError, logResilienceEvent } from './resilience-log.ts';
import { BreakProbe, e2eMode } from './test-hooks.ts';

/** Long enough for a visitor to read where the help desk is; short enough that the next one finds a working screen. */
export const RETRY_AFTER_MS = 20_000;
/** Failing this many times in a row means the page itself is unwell: reload it (at most once per cooldown). */
export const FAILURES_BEFORE_RELOAD = 3;
export const RENDER_RELOAD_COOLDOWN_MS = 15 * 60_000;

type State = { error?: unknown };

export class RenderGuard extends Component<{ children: ComponentChildren }, State> {
  static override contextType = AppContext;
  override state: State = {};
  /** Failed renders since the last good one (not state: a commit may run before a pending setState lands). */
  private failures = 0;
  /** Set when a child threw in the render being committed, which must not count as a good render. */
  private failedThisRender = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly probe = e2eMode();

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error };
  }

  override componentDidCatch(error: unknown): void {
    this.failures += 1;
    this.failedThisRender = true;
    const failures = this.failures;
    logResilienceEvent('render', describeError(error));
    this.setState({ error });
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      if (
        failures >= FAILURES_BEFORE_RELOAD &&
        reloadFor(`rendering failed ${failures} times in a row`, RENDER_RELOAD_COOLDOWN_MS)
      )
        return;
      this.retry();
    }, RETRY_AFTER_MS);
  }

  override componentDidMount(): void {
    this.rendered();
  }

  override componentDidUpdate(): void {
    this.rendered();
  }

  override componentWillUnmount(): void {
    clearTimeout(this.retryTimer);
  }

  /** Nobody tapped: the visit that broke is over; the playlist shows (or home, on a touch). */
  private readonly retry = () => {
    this.models()?.session.wipe();
    this.setState({ error: undefined });
  };

  /** A visitor tapped "start again": home, in the default language, and try rendering again. */
  private readonly startAgain = () => {
    clearTimeout(this.retryTimer);
    this.models()?.visit.reset();
    this.setState({ error: undefined });
  };

  private models(): AppModels | undefined {
    return this.context as AppModels | undefined;
  }

  /** A render that got through: remember the content's names for the fallback, forget old failures. */
  private rendered() {
    const failed = this.state.error !== undefined || this.failedThisRender;
    this.failedThisRender = false;
    if (failed) return;
    const content: ActiveContent | undefined = this.models()?.sync.content.peek();
    if (content) saveLastGood(content);
    this.failures = 0;
  }

  render() {
    if (this.state.error !== undefined) return <Fallback onStartAgain={this.startAgain} />;
    return (
      <>
        {this.probe && <BreakProbe />}
        {this.props.children}
      </>
    );
  }
}
