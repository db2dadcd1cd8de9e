/** Import files larger than this are refused before reading (the contract allows 50 MB). */
export const IMPORT_LIMIT_BYTES = 50_000_000;
