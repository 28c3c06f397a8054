/** Shows the screen on top of the visitor's stack. */
import { Complaints } from '../screens/Complaints/index.tsx';
import { DepartmentPage, Directory } from '../screens/Directory/index.tsx';
import { Fees } from '../screens/Fees/index.tsx';
import { FlowScreen } from '../screens/Flow/index.tsx';
import { Home } from '../screens/Home/index.tsx';
import { MapScreen } from '../screens/Map/index.tsx';
import { NoticeReader, Notices } from '../screens/Notices/index.tsx';
import { SearchScreen } from '../screens/Search/index.tsx';
import { ServiceGuide } from '../screens/ServiceGuide/index.tsx';
import { ServiceFinder } from '../screens/Services/index.tsx';
import type { Screen } from './screens.ts';

export function Router({ screen }: { screen: Screen }) {
  switch (screen.name) {
    case 'home':
      return <Home />;
    case 'services':
      return <ServiceFinder screen={screen} />;
    case 'service':
      return <ServiceGuide id={screen.id} />;
    case 'flow':
      return <FlowScreen id={screen.id} view={screen.view} />;
    case 'directory':
      return <Directory />;
    case 'department':
      return <DepartmentPage id={screen.id} />;
    case 'fees':
      return <Fees fee={screen.fee} />;
    case 'complaints':
      return <Complaints />;
    case 'notices':
      return <Notices />;
    case 'notice':
      return <NoticeReader id={screen.id} />;
    case 'map':
      return <MapScreen floor={screen.floor} place={screen.place} />;
    case 'search':
      return <SearchScreen query={screen.query} />;
  }
}
