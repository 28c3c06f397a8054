/** Marks on schema objects, so a walker can find every (L) and (Md) field without a second list of them. */
export const LOCALIZED = new WeakSet<object>();
export const MARKDOWN = new WeakSet<object>();
/** (L) fields whose plain value may be language-neutral (a number, an address on the web). */
export const NEUTRAL = new WeakSet<object>();
/** Fields written as one item or a list of them, mapped to their item schema. */
export const LIST_OF = new WeakMap<object, object>();
