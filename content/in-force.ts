/** Whether dated content is in force on a hall date (YYYY-MM-DD, read in the hall's zone: hall-time.ts). */

/** A dated item is in force from `effective` to `expires`, both days included. */
export const inForce = (item: { effective?: string; expires?: string }, today: string): boolean =>
  (item.effective === undefined || item.effective <= today) &&
  (item.expires === undefined || today <= item.expires);

/** A notice shows from its `date` until `expires`, both days included. */
export const noticeInForce = (n: { date: string; expires?: string }, today: string): boolean =>
  n.date <= today && inForce({ expires: n.expires }, today);
