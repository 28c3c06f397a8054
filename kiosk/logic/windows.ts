/** Window numbers for people: ["17","18","19"] reads "17–19", ["6","7"] reads "6、7" (or "6, 7"). */
export function windowList(windows: string[], separator: string): string {
  const parts: string[] = [];
  let i = 0;
  while (i < windows.length) {
    let j = i;
    // A run of three or more consecutive whole numbers is written as a range.
    while (j + 1 < windows.length && isNext(windows[j]!, windows[j + 1]!)) j++;
    if (j - i >= 2) {
      parts.push(`${windows[i]}–${windows[j]}`);
      i = j + 1;
    } else {
      parts.push(windows[i]!);
      i++;
    }
  }
  return parts.join(separator);
}

const isNext = (a: string, b: string) => /^\d+$/.test(a) && /^\d+$/.test(b) && Number(b) === Number(a) + 1;
