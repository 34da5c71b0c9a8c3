/**
 * Air-quality standards as pure, versioned functions: AQI (HJ 633-2012 / HJ 633-2026), limits (GB 3095-2012 /
 * GB 3095-2026), validity and evaluation (HJ 663). See docs/standards-notes.md for the rules and the choices made.
 */
export * from './types.js';
export * from './versions.js';
export * from './rounding.js';
export * from './calendar.js';
export * from './aqi-tables.js';
export * from './aqi.js';
export * from './limits.js';
export * from './validity.js';
export * from './percentile.js';
export * from './daily.js';
export * from './comprehensive-index.js';
export * from './evaluate.js';
export * from './combine.js';
