/* tslint:disable */
/* eslint-disable */
export const memory: WebAssembly.Memory;
export const __wbg_annotator_free: (a: number, b: number) => void;
export const annotate: (a: any, b: any) => [number, number, number];
export const annotator_annotate: (a: number, b: any, c: any) => [number, number, number];
export const annotator_new: (a: any) => [number, number, number];
export const checkLexicon: (a: any) => [number, number];
export const languages: () => [number, number, number];
export const loadPack: (a: any) => [number, number, number, number];
export const packs: () => [number, number, number];
export const senses: (a: any, b: number) => [number, number, number];
export const start: () => void;
export const version: () => [number, number];
export const __wbindgen_malloc: (a: number, b: number) => number;
export const __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
export const __wbindgen_free: (a: number, b: number, c: number) => void;
export const __wbindgen_exn_store: (a: number) => void;
export const __externref_table_alloc: () => number;
export const __wbindgen_externrefs: WebAssembly.Table;
export const __externref_table_dealloc: (a: number) => void;
export const __wbindgen_start: () => void;
