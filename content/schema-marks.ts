/** Marks on schema objects, so a walker can find every (L) and (Md) field without a second list of them. */
export const LOCALIZED = new WeakSet<object>();
export const MARKDOWN = new WeakSet<object>();
