import { builder } from './builder.js';

builder.scalarType('JSON', {
  description: 'Any JSON value (run configuration, raw summary fields).',
  serialize: (value) => value,
  parseValue: (value) => value,
});

builder.scalarType('DateTime', {
  description: 'An ISO-8601 timestamp in UTC, e.g. 2026-11-28T11:02:54.000Z.',
  serialize: (value) => value,
  parseValue: (value) => {
    if (typeof value !== 'string' || Number.isNaN(Date.parse(value)))
      throw new TypeError('DateTime must be an ISO-8601 string');
    return new Date(value).toISOString();
  },
});
