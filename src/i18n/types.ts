/**
 * A translation of an English catalog: the same keys (nested objects allowed), every value a string. A key
 * missing in another language is a type error, and `catalogs.test.ts` checks keys and placeholders at run time.
 */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
