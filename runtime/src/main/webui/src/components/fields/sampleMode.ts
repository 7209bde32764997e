import type { InjectionKey, Ref } from 'vue'

/**
 * Set by a record form that only previews sample values (the form designer's preview): its editors offer nothing
 * that would write, such as a reference's quick create.
 */
export const SAMPLE_ONLY: InjectionKey<Ref<boolean>> = Symbol('sample-only')
