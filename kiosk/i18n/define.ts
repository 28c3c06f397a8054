/** Declares a namespace of UI strings: English must have exactly the keys of Chinese (checked by tsc and a test). */
export type StringTree = { [key: string]: string | StringTree };
type SameShape<T> = { [K in keyof T]: T[K] extends string ? string : SameShape<T[K]> };

export type Strings<T extends StringTree = StringTree> = { 'zh-CN': T; en: SameShape<T> };

export const defineStrings = <T extends StringTree>(zh: T, en: SameShape<T>): Strings<T> => ({
  'zh-CN': zh,
  en,
});
