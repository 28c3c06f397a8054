/** The office directory: the department tree, and one department's page (where, when, what it does, its services). */
import type { Department, Hall } from '../../../content/schema.ts';
import { useApp, useT } from '../../app/context.ts';
import { windowList, windowsByFloor } from '../../logic/windows.ts';
import { HoursBadge } from '../../ui/HoursBadge.tsx';
import { Icon } from '../../ui/Icon.tsx';
import { ListButton } from '../../ui/ListButton.tsx';
import { PlaceLink } from '../../ui/PlaceLink.tsx';
import { RichText } from '../../ui/RichText.tsx';
import { ScreenTitle } from '../../ui/ScreenTitle.tsx';
import { departmentTree, type TreeNode } from './tree.ts';
import './style.css';

/** "6、7号窗口" / "Windows 6, 7", or undefined for no windows. */
function useWindowsText(): (windows: string[]) => string | undefined {
  const t = useT('directory');
  return (windows) =>
    windows.length === 0
      ? undefined
      : t(windows.length === 1 ? 'window' : 'windows', { list: windowList(windows, t('separator')) });
}

type Floor = Hall['floors'][number];
type Found = { place: Hall['floors'][number]['places'][number]; floor: Floor };

/**
 * Where a department is, as the plan has it: its windows by the floor each is on (issue 12: an office
 * upstairs may have its windows downstairs), then its own place when that is not one of its windows.
 */
function useWhere(): (d: Department) => {
  windows: ReturnType<typeof windowsByFloor<Floor>>;
  office: Found | undefined;
  floor: Floor | undefined;
} {
  const { view } = useApp();
  const floors = view.content.value.hall.floors;
  return (d) => {
    const windows = windowsByFloor(d.windows, floors, d.location?.floor);
    const found = d.location?.place ? view.places.value.get(d.location.place) : undefined;
    const office = found && !windows.some((g) => g.places.includes(found.place.id)) ? found : undefined;
    const floor = found?.floor ?? floors.find((f) => f.id === d.location?.floor);
    return { windows, office, floor };
  };
}

/** One line under a department's name: its kind, its windows and their floor, its office and its floor. */
function useWhereLine(): (d: Department) => string {
  const { view } = useApp();
  const t = useT('directory');
  const text = view.text.value;
  const where = useWhere();
  const windowsText = useWindowsText();
  return (d) => {
    const { windows, office, floor } = where(d);
    const parts = windows.map((g) => [windowsText(g.windows), g.floor && text(g.floor.name)]);
    if (office) parts.push([text(office.place.name), text(office.floor.name)]);
    else if (windows.length === 0 && floor) parts.push([text(floor.name)]);
    const said = parts.map((p) => p.filter(Boolean).join(' · ')).join(t('groupSeparator'));
    return [text(d.kind), said].filter(Boolean).join(' · ');
  };
}

export function Directory() {
  const { view } = useApp();
  const t = useT('directory');
  const tree = departmentTree(view.content.value.departments);
  return (
    <div class="directory">
      <ScreenTitle title={t('title')} subtitle={t('subtitle')} />
      <ul class="plain-list directory-tree" aria-label={t('departments')}>
        {tree.map((node) => (
          <DepartmentItem key={node.item.id} node={node} />
        ))}
      </ul>
    </div>
  );
}

function DepartmentItem({ node }: { node: TreeNode<Department> }) {
  const { view, visit } = useApp();
  const where = useWhereLine();
  const d = node.item;
  return (
    <li class="directory-item">
      <ListButton
        title={view.text.value(d.name)}
        detail={where(d)}
        onClick={() => visit.go({ name: 'department', id: d.id })}
      />
      {node.children.length > 0 && (
        <ul class="plain-list directory-children">
          {node.children.map((child) => (
            <DepartmentItem key={child.item.id} node={child} />
          ))}
        </ul>
      )}
    </li>
  );
}

export function DepartmentPage({ id }: { id: string }) {
  const { view, visit } = useApp();
  const t = useT('directory');
  const text = view.text.value;
  const windowsText = useWindowsText();
  const placesOf = useWhere();
  const where = useWhereLine();
  const d = view.department(id);
  if (!d) {
    return (
      <>
        <ScreenTitle title={t('title')} />
        <p>{t('notFound')}</p>
      </>
    );
  }
  const departments = view.content.value.departments;
  const parent = d.parent ? departments.find((p) => p.id === d.parent) : undefined;
  const units = departments.filter((u) => u.parent === d.id);
  const services = view.services.value.filter((s) => s.department === d.id);
  const { windows, office, floor } = placesOf(d);
  const responsibilities = view.rich.value(d.responsibilities);
  const windowsLabel = windowsText(d.windows);
  return (
    <div class="department">
      <ScreenTitle title={text(d.name)} subtitle={text(d.kind) || undefined} />
      <div class="department-layout">
        <section class="department-card department-where" aria-labelledby="department-where">
          <h2 id="department-where">{t('where')}</h2>
          {windowsLabel && <p class="department-windows">{windowsLabel}</p>}
          {windows.map((g) =>
            g.places.length > 0 ? (
              <PlaceLink key={g.windows.join()} place={g.places} label={windowsText(g.windows)} />
            ) : (
              <p key={g.windows.join()} class="department-floor">
                {[windowsText(g.windows), g.floor && text(g.floor.name)].filter(Boolean).join(' · ')}
              </p>
            ),
          )}
          {office ? (
            <PlaceLink place={office.place.id} />
          ) : (
            windows.length === 0 &&
            floor && (
              <button
                type="button"
                class="place-link"
                onClick={() => visit.go({ name: 'map', floor: floor.id })}
              >
                <Icon name="pin" size={28} />
                <span>{t('floorMap', { floor: text(floor.name) })}</span>
              </button>
            )
          )}
          <h3>{t('hours')}</h3>
          <HoursBadge hours={d.hours} />
          {(d.phone || d.email) && (
            <>
              <h3>{t('contact')}</h3>
              <dl class="department-contact">
                {d.phone && (
                  <div>
                    <dt>
                      <Icon name="phone" size={28} /> {t('phone')}
                    </dt>
                    <dd class="department-phone">{d.phone}</dd>
                  </div>
                )}
                {d.email && (
                  <div>
                    <dt>{t('email')}</dt>
                    <dd class="department-email">{d.email}</dd>
                  </div>
                )}
              </dl>
            </>
          )}
        </section>
        <section class="department-services" aria-labelledby="department-services">
          <h2 id="department-services">{t('services')}</h2>
          {services.length > 0 ? (
            <ul class="plain-list" aria-labelledby="department-services">
              {services.map((s) => (
                <li key={s.id}>
                  <ListButton
                    title={text(s.name)}
                    detail={text(s.type) || undefined}
                    onClick={() => visit.go({ name: 'service', id: s.id })}
                  />
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('noServices')}</p>
          )}
          {units.length > 0 && (
            <>
              <h2 id="department-units">{t('units')}</h2>
              <ul class="plain-list" aria-labelledby="department-units">
                {units.map((u) => (
                  <li key={u.id}>
                    <ListButton
                      title={text(u.name)}
                      detail={where(u)}
                      onClick={() => visit.go({ name: 'department', id: u.id })}
                    />
                  </li>
                ))}
              </ul>
            </>
          )}
          {parent && (
            <>
              <h2 id="department-parent">{t('partOf')}</h2>
              <ListButton
                title={text(parent.name)}
                detail={where(parent)}
                onClick={() => visit.go({ name: 'department', id: parent.id })}
              />
            </>
          )}
        </section>
        {responsibilities.length > 0 && (
          <section class="department-duties" aria-labelledby="department-duties">
            <h2 id="department-duties">{t('responsibilities')}</h2>
            <RichText nodes={responsibilities} />
          </section>
        )}
        {d.leaders.length > 0 && (
          <section class="department-leaders" aria-labelledby="department-leaders">
            <h2 id="department-leaders">{t('leaders')}</h2>
            <ul class="plain-list">
              {d.leaders.map((l) => (
                <li key={text(l.name)} class="leader">
                  <span class="leader-name">{text(l.name)}</span>
                  <span class="leader-title">{text(l.title)}</span>
                  {l.duties && <span class="leader-duties">{text(l.duties)}</span>}
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </div>
  );
}
