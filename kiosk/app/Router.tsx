/** Shows the screen on top of the visitor's stack; screens other than home arrive as lazy chunks. */
import { useEffect, useState } from 'preact/hooks';
import { Home } from '../screens/Home/index.tsx';
import { loadScreen, type ScreenChunk, screenModule } from './lazy-screens.ts';
import type { Screen } from './screens.ts';

const CHUNK: Record<Exclude<Screen['name'], 'home'>, ScreenChunk> = {
  services: 'services',
  service: 'guide',
  flow: 'flow',
  directory: 'directory',
  department: 'directory',
  fees: 'fees',
  complaints: 'complaints',
  notices: 'notices',
  notice: 'notices',
  map: 'map',
  search: 'search',
};

export function Router({ screen }: { screen: Screen }) {
  const chunk = screen.name === 'home' ? undefined : CHUNK[screen.name];
  // Re-render once the chunk arrives (it usually has, preloaded after the first paint).
  const [, arrived] = useState(0);
  useEffect(() => {
    if (chunk && !screenModule(chunk)) void loadScreen(chunk).then(() => arrived((n) => n + 1));
  }, [chunk]);
  switch (screen.name) {
    case 'home':
      return <Home />;
    case 'services': {
      const m = screenModule('services');
      return m ? <m.ServiceFinder screen={screen} /> : null;
    }
    case 'service': {
      const m = screenModule('guide');
      return m ? <m.ServiceGuide id={screen.id} /> : null;
    }
    case 'flow': {
      const m = screenModule('flow');
      return m ? <m.FlowScreen id={screen.id} view={screen.view} /> : null;
    }
    case 'directory': {
      const m = screenModule('directory');
      return m ? <m.Directory /> : null;
    }
    case 'department': {
      const m = screenModule('directory');
      return m ? <m.DepartmentPage id={screen.id} /> : null;
    }
    case 'fees': {
      const m = screenModule('fees');
      return m ? <m.Fees fee={screen.fee} /> : null;
    }
    case 'complaints': {
      const m = screenModule('complaints');
      return m ? <m.Complaints /> : null;
    }
    case 'notices': {
      const m = screenModule('notices');
      return m ? <m.Notices /> : null;
    }
    case 'notice': {
      const m = screenModule('notices');
      return m ? <m.NoticeReader id={screen.id} /> : null;
    }
    case 'map': {
      const m = screenModule('map');
      return m ? <m.MapScreen floor={screen.floor} place={screen.place} /> : null;
    }
    case 'search': {
      const m = screenModule('search');
      return m ? <m.SearchScreen query={screen.query} /> : null;
    }
  }
}
