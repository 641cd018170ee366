export * from './enums.js';
export * from './errors.js';
export * from './names.js';
export * from './schemas.js';
export * from './progress.js';
