/** Every screen a visitor can be on, as data: the navigation stack holds these. */
export type Screen =
  | { name: 'home' }
  | { name: 'services'; topic?: string; department?: string; audience?: 'person' | 'business' }
  | { name: 'service'; id: string }
  | { name: 'flow'; id: string; view?: 'chart' | 'list' }
  | { name: 'directory' }
  | { name: 'department'; id: string }
  | { name: 'fees'; fee?: string }
  | { name: 'complaints' }
  | { name: 'notices' }
  | { name: 'notice'; id: string }
  | { name: 'map'; floor?: string; place?: string; places?: string[] }
  | { name: 'search'; query?: string };
