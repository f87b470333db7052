import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder.js';
import './scalars.js';
import './errors.js';
import './benchmark.js';
import './summary.js';
import './run.js';
import './queue.js';
import './runEvent.js';
import './sample.js';
import './comparison.js';
import './export.js';
import './user.js';
import './providerKey.js';

/** The whole schema, fields sorted so the printed SDL is stable. */
export const schema = lexicographicSortSchema(builder.toSchema());
