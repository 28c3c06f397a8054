/**
 * The hidden gesture that opens the staff panel: five taps within 3 seconds in the screen's top-left
 * corner. One finger does it; a visitor does not, because nothing to tap is there and five quick taps
 * in one empty corner are not something people do by accident.
 */
export const CORNER_PX = 120;
export const TAPS = 5;
export const WITHIN_MS = 3000;

/** Feed it every pointerdown; it answers true on the tap that completes the gesture. */
export function createCornerTaps() {
  let taps: number[] = [];
  return (x: number, y: number, at: number): boolean => {
    if (x > CORNER_PX || y > CORNER_PX) {
      // A tap elsewhere breaks the sequence.
      taps = [];
      return false;
    }
    taps = [...taps.filter((t) => at - t < WITHIN_MS), at];
    if (taps.length < TAPS) return false;
    taps = [];
    return true;
  };
}
