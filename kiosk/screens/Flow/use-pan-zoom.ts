/** One finger pans, two fingers pinch-zoom, inside the chart only; a drag never counts as a tap on a node. */
import { useRef, useState } from 'preact/hooks';
import { keepInView, type Point, pinch, type Size, type View, zoomAbout } from './pan-zoom.ts';

export const MIN_K = 0.3;
export const MAX_K = 3;
/** Movement below this many pixels is still a tap. */
const TAP_SLOP = 12;

type Gesture = { start: View; origin: Map<number, Point>; moved: boolean };

/**
 * `onTap` hears a touch that lifted where it landed. Chromium drops the click of a tap that lands while it
 * still thinks a flick is gliding (even with nothing to scroll), so a chart that has just been flicked would
 * ignore the next tap on a step; the tap is taken from the pointer events instead.
 */
export function usePanZoom(
  chart: Size,
  box: Size | undefined,
  initial: View,
  onTap: (target: Element) => void,
) {
  const [view, setView] = useState<View | undefined>(undefined);
  const current = view ?? initial;
  const latest = useRef(current);
  latest.current = current;
  const pointers = useRef(new Map<number, Point>());
  const gesture = useRef<Gesture | undefined>(undefined);
  const suppressClick = useRef(false);

  const set = (v: View) => {
    const next = box ? keepInView(v, chart, box) : v;
    latest.current = next;
    setView(next);
  };
  const at = (e: PointerEvent): Point => {
    const r = (e.currentTarget as HTMLElement).getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  // Each change in the number of fingers starts a new gesture from where the chart is now.
  const restart = (moved: boolean) => {
    gesture.current =
      pointers.current.size > 0
        ? { start: latest.current, origin: new Map(pointers.current), moved }
        : undefined;
  };

  const handlers = {
    onPointerDown(e: PointerEvent) {
      // The first finger down starts afresh: a finger whose lift went unseen is forgotten.
      if (e.isPrimary) pointers.current.clear();
      pointers.current.set(e.pointerId, at(e));
      suppressClick.current = false;
      restart(false);
    },
    onPointerMove(e: PointerEvent) {
      const g = gesture.current;
      if (!g || !pointers.current.has(e.pointerId)) return;
      pointers.current.set(e.pointerId, at(e));
      const [a, b] = [...g.origin.keys()];
      const a0 = g.origin.get(a!)!;
      const a1 = pointers.current.get(a!) ?? a0;
      const still = [...g.origin].every(([id, p0]) => {
        const p1 = pointers.current.get(id) ?? p0;
        return Math.hypot(p1.x - p0.x, p1.y - p0.y) < TAP_SLOP;
      });
      if (!g.moved && still) return;
      if (!g.moved) {
        g.moved = true;
        // Only now: capturing on pointerdown would take the tap away from the node button.
        (e.currentTarget as HTMLElement).setPointerCapture?.(e.pointerId);
      }
      if (b !== undefined && pointers.current.has(b)) {
        set(pinch(g.start, a0, g.origin.get(b)!, a1, pointers.current.get(b)!, MIN_K, MAX_K));
      } else {
        set({ k: g.start.k, x: g.start.x + a1.x - a0.x, y: g.start.y + a1.y - a0.y });
      }
    },
    onPointerUp(e: PointerEvent) {
      if (!pointers.current.delete(e.pointerId)) return;
      if (gesture.current?.moved) suppressClick.current = true;
      else if (e.pointerType !== 'mouse' && pointers.current.size === 0 && e.target instanceof Element)
        onTap(e.target);
      restart(gesture.current?.moved ?? false);
    },
    onPointerCancel(e: PointerEvent) {
      pointers.current.delete(e.pointerId);
      restart(true);
    },
    /** The click that ends a drag or a pinch is not a tap on whatever lies under the finger. */
    onClickCapture(e: MouseEvent) {
      if (suppressClick.current) {
        suppressClick.current = false;
        e.preventDefault();
        e.stopPropagation();
      }
    },
  };

  return {
    view: current,
    handlers,
    zoom(factor: number) {
      if (box) set(zoomAbout(latest.current, factor, { x: box.width / 2, y: box.height / 2 }, MIN_K, MAX_K));
    },
    reset: () => setView(undefined),
  };
}
