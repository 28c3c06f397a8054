/** Shows the screen on top of the visitor's stack; screens other than home arrive as lazy chunks. */

import type { VNode } from 'preact';
import { Home } from '../screens/Home/index.tsx';
import { arrivals, type LoadedScreen, type ScreenChunk, screenModule } from './lazy-screens.ts';
import type { Screen } from './screens.ts';

export function Router({ screen }: { screen: Screen }) {
  // Reading the signal re-renders this once a missing chunk arrives (usually it has: preloaded after the first
  // paint). Not an effect: effects wait for a frame, and a frozen test clock or a busy frame must not delay it.
  void arrivals.value;
  switch (screen.name) {
    case 'home':
      return <Home />;
    case 'services':
      return lazy('services', (m) => <m.ServiceFinder screen={screen} />);
    case 'service':
      return lazy('guide', (m) => <m.ServiceGuide id={screen.id} />);
    case 'flow':
      return lazy('flow', (m) => <m.FlowScreen id={screen.id} view={screen.view} />);
    case 'directory':
      return lazy('directory', (m) => <m.Directory />);
    case 'department':
      return lazy('directory', (m) => <m.DepartmentPage id={screen.id} />);
    case 'fees':
      return lazy('fees', (m) => <m.Fees fee={screen.fee} />);
    case 'complaints':
      return lazy('complaints', (m) => <m.Complaints />);
    case 'notices':
      return lazy('notices', (m) => <m.Notices />);
    case 'notice':
      return lazy('notices', (m) => <m.NoticeReader id={screen.id} />);
    case 'map':
      return lazy('map', (m) => (
        <m.MapScreen floor={screen.floor} place={screen.place} places={screen.places} />
      ));
    case 'search':
      return lazy('search', (m) => <m.SearchScreen query={screen.query} />);
  }
}

/** The screen from its chunk, or nothing for the moment until the chunk has arrived. */
function lazy<K extends ScreenChunk>(chunk: K, show: (m: LoadedScreen<K>) => VNode): VNode | null {
  const m = screenModule(chunk);
  return m ? show(m) : null;
}
