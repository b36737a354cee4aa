// Code replacements: the pure expander and the TSV exchange format.
export * from './codes';
