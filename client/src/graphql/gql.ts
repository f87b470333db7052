/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query AppInfo {\n  openbench {\n    __typename\n    ... on QueryOpenbenchSuccess {\n      data {\n        openbenchVersion\n        benchmarkCount\n      }\n    }\n    ... on CatalogUnavailableError {\n      message\n    }\n  }\n}": typeof types.AppInfoDocument,
    "fragment BenchmarkDetails on Benchmark {\n  name\n  displayName\n  category\n  description\n  tags\n  isAlpha\n  isGroup\n  isLocal\n  isSubtask\n  members\n}": typeof types.BenchmarkDetailsFragmentDoc,
    "fragment RunResults on Summary {\n  schemaVersion\n  logStatus\n  completedSamples\n  totalSamples\n  notes\n  primaryMetric {\n    name\n    scorer\n    value\n    stderr\n    unit\n  }\n  metrics {\n    name\n    scorer\n    value\n    stderr\n    unit\n  }\n  breakdowns {\n    name\n    scorer\n    items {\n      key\n      value\n      stderr\n      unit\n    }\n  }\n  tokenUsage {\n    model\n    inputTokens\n    outputTokens\n    totalTokens\n  }\n}": typeof types.RunResultsFragmentDoc,
    "mutation CancelRun($id: ID!) {\n  cancelRun(id: $id) {\n    __typename\n    ... on MutationCancelRunSuccess {\n      data {\n        id\n        status\n      }\n    }\n    ... on NotFoundError {\n      message\n    }\n    ... on RunStateError {\n      message\n    }\n  }\n}": typeof types.CancelRunDocument,
    "mutation StartRun($input: StartRunInput!) {\n  startRun(input: $input) {\n    __typename\n    ... on MutationStartRunSuccess {\n      data {\n        id\n        status\n      }\n    }\n    ... on ValidationError {\n      field\n      message\n    }\n    ... on CatalogUnavailableError {\n      message\n      fix\n    }\n  }\n}": typeof types.StartRunDocument,
    "mutation Rerun($id: ID!) {\n  rerun(id: $id) {\n    __typename\n    ... on MutationRerunSuccess {\n      data {\n        id\n      }\n    }\n    ... on NotFoundError {\n      message\n    }\n    ... on RunStateError {\n      message\n    }\n    ... on CatalogUnavailableError {\n      message\n      fix\n    }\n  }\n}": typeof types.RerunDocument,
    "fragment RunsTableRun on Run {\n  id\n  benchmark\n  model\n  status\n  createdAt\n  durationSeconds\n  progress {\n    fraction\n  }\n  primaryMetric {\n    name\n    value\n    stderr\n    unit\n  }\n}": typeof types.RunsTableRunFragmentDoc,
    "query SampleDetail($runId: ID!, $id: String!, $epoch: Int!) {\n  sample(runId: $runId, id: $id, epoch: $epoch) {\n    sample {\n      ...SampleRow\n      scores {\n        scorer\n        value\n        answer\n      }\n    }\n    input\n    target\n    completion\n    messages {\n      role\n      text\n    }\n    scores {\n      scorer\n      value\n      answer\n      explanation\n    }\n    metadata\n    modelUsage\n    error\n  }\n}": typeof types.SampleDetailDocument,
    "fragment SampleRow on Sample {\n  id\n  epoch\n  position\n  correct\n  scoreValue\n  input\n  target\n  answer\n  metadata\n  totalTokens\n  totalTime\n  error\n}": typeof types.SampleRowFragmentDoc,
    "subscription RunEvents($runId: ID!, $fromOffset: LogOffsetInput) {\n  runEvents(runId: $runId, fromOffset: $fromOffset) {\n    kind\n    run {\n      ...RunLive\n    }\n    progress {\n      completed\n      total\n      fraction\n      metricName\n      metricValue\n    }\n    batches {\n      stream\n      firstLine\n      lineCount\n      text\n    }\n  }\n}": typeof types.RunEventsDocument,
    "fragment RunLive on Run {\n  id\n  status\n  queuePosition\n  startedAt\n  finishedAt\n  durationSeconds\n  exitCode\n  error\n  progress {\n    completed\n    total\n    fraction\n  }\n}": typeof types.RunLiveFragmentDoc,
    "query RunSamples($runId: ID!, $first: Int!, $after: String, $filter: SampleFilterInput, $sort: SampleSort) {\n  run(id: $runId) {\n    id\n    samples(first: $first, after: $after, filter: $filter, sort: $sort) {\n      totalCount\n      hasNextPage\n      endCursor\n      nodes {\n        ...SampleRow\n      }\n    }\n  }\n}": typeof types.RunSamplesDocument,
    "subscription RunsChanged {\n  runsChanged {\n    ...RunsTableRun\n  }\n}": typeof types.RunsChangedDocument,
    "query SamplesCursor($runId: ID!, $first: Int!, $after: String, $filter: SampleFilterInput, $sort: SampleSort) {\n  run(id: $runId) {\n    id\n    samples(first: $first, after: $after, filter: $filter, sort: $sort) {\n      endCursor\n    }\n  }\n}": typeof types.SamplesCursorDocument,
    "query BenchmarksPage($search: String, $category: String, $includeSubtasks: Boolean) {\n  benchmarks(\n    search: $search\n    category: $category\n    includeSubtasks: $includeSubtasks\n  ) {\n    __typename\n    ... on QueryBenchmarksSuccess {\n      data {\n        ...BenchmarkDetails\n      }\n    }\n    ... on CatalogUnavailableError {\n      message\n      fix\n    }\n  }\n  benchmarkCategories {\n    __typename\n    ... on QueryBenchmarkCategoriesSuccess {\n      data {\n        name\n        count\n      }\n    }\n  }\n}": typeof types.BenchmarksPageDocument,
    "query DashboardRuns($first: Int!, $after: String) {\n  runs(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        ...RunsTableRun\n      }\n    }\n  }\n}": typeof types.DashboardRunsDocument,
    "query NewRunCatalog {\n  benchmarks(includeSubtasks: true) {\n    __typename\n    ... on QueryBenchmarksSuccess {\n      data {\n        ...BenchmarkDetails\n      }\n    }\n    ... on CatalogUnavailableError {\n      message\n      fix\n    }\n  }\n}": typeof types.NewRunCatalogDocument,
    "query RunDetail($id: ID!) {\n  run(id: $id) {\n    ...RunLive\n    benchmark\n    model\n    config\n    command\n    createdAt\n    sampleCount\n    primaryMetric {\n      name\n      value\n      stderr\n      unit\n    }\n    artifacts {\n      name\n      size\n      url\n    }\n    summary {\n      ...RunResults\n    }\n  }\n}": typeof types.RunDetailDocument,
};
const documents: Documents = {
    "query AppInfo {\n  openbench {\n    __typename\n    ... on QueryOpenbenchSuccess {\n      data {\n        openbenchVersion\n        benchmarkCount\n      }\n    }\n    ... on CatalogUnavailableError {\n      message\n    }\n  }\n}": types.AppInfoDocument,
    "fragment BenchmarkDetails on Benchmark {\n  name\n  displayName\n  category\n  description\n  tags\n  isAlpha\n  isGroup\n  isLocal\n  isSubtask\n  members\n}": types.BenchmarkDetailsFragmentDoc,
    "fragment RunResults on Summary {\n  schemaVersion\n  logStatus\n  completedSamples\n  totalSamples\n  notes\n  primaryMetric {\n    name\n    scorer\n    value\n    stderr\n    unit\n  }\n  metrics {\n    name\n    scorer\n    value\n    stderr\n    unit\n  }\n  breakdowns {\n    name\n    scorer\n    items {\n      key\n      value\n      stderr\n      unit\n    }\n  }\n  tokenUsage {\n    model\n    inputTokens\n    outputTokens\n    totalTokens\n  }\n}": types.RunResultsFragmentDoc,
    "mutation CancelRun($id: ID!) {\n  cancelRun(id: $id) {\n    __typename\n    ... on MutationCancelRunSuccess {\n      data {\n        id\n        status\n      }\n    }\n    ... on NotFoundError {\n      message\n    }\n    ... on RunStateError {\n      message\n    }\n  }\n}": types.CancelRunDocument,
    "mutation StartRun($input: StartRunInput!) {\n  startRun(input: $input) {\n    __typename\n    ... on MutationStartRunSuccess {\n      data {\n        id\n        status\n      }\n    }\n    ... on ValidationError {\n      field\n      message\n    }\n    ... on CatalogUnavailableError {\n      message\n      fix\n    }\n  }\n}": types.StartRunDocument,
    "mutation Rerun($id: ID!) {\n  rerun(id: $id) {\n    __typename\n    ... on MutationRerunSuccess {\n      data {\n        id\n      }\n    }\n    ... on NotFoundError {\n      message\n    }\n    ... on RunStateError {\n      message\n    }\n    ... on CatalogUnavailableError {\n      message\n      fix\n    }\n  }\n}": types.RerunDocument,
    "fragment RunsTableRun on Run {\n  id\n  benchmark\n  model\n  status\n  createdAt\n  durationSeconds\n  progress {\n    fraction\n  }\n  primaryMetric {\n    name\n    value\n    stderr\n    unit\n  }\n}": types.RunsTableRunFragmentDoc,
    "query SampleDetail($runId: ID!, $id: String!, $epoch: Int!) {\n  sample(runId: $runId, id: $id, epoch: $epoch) {\n    sample {\n      ...SampleRow\n      scores {\n        scorer\n        value\n        answer\n      }\n    }\n    input\n    target\n    completion\n    messages {\n      role\n      text\n    }\n    scores {\n      scorer\n      value\n      answer\n      explanation\n    }\n    metadata\n    modelUsage\n    error\n  }\n}": types.SampleDetailDocument,
    "fragment SampleRow on Sample {\n  id\n  epoch\n  position\n  correct\n  scoreValue\n  input\n  target\n  answer\n  metadata\n  totalTokens\n  totalTime\n  error\n}": types.SampleRowFragmentDoc,
    "subscription RunEvents($runId: ID!, $fromOffset: LogOffsetInput) {\n  runEvents(runId: $runId, fromOffset: $fromOffset) {\n    kind\n    run {\n      ...RunLive\n    }\n    progress {\n      completed\n      total\n      fraction\n      metricName\n      metricValue\n    }\n    batches {\n      stream\n      firstLine\n      lineCount\n      text\n    }\n  }\n}": types.RunEventsDocument,
    "fragment RunLive on Run {\n  id\n  status\n  queuePosition\n  startedAt\n  finishedAt\n  durationSeconds\n  exitCode\n  error\n  progress {\n    completed\n    total\n    fraction\n  }\n}": types.RunLiveFragmentDoc,
    "query RunSamples($runId: ID!, $first: Int!, $after: String, $filter: SampleFilterInput, $sort: SampleSort) {\n  run(id: $runId) {\n    id\n    samples(first: $first, after: $after, filter: $filter, sort: $sort) {\n      totalCount\n      hasNextPage\n      endCursor\n      nodes {\n        ...SampleRow\n      }\n    }\n  }\n}": types.RunSamplesDocument,
    "subscription RunsChanged {\n  runsChanged {\n    ...RunsTableRun\n  }\n}": types.RunsChangedDocument,
    "query SamplesCursor($runId: ID!, $first: Int!, $after: String, $filter: SampleFilterInput, $sort: SampleSort) {\n  run(id: $runId) {\n    id\n    samples(first: $first, after: $after, filter: $filter, sort: $sort) {\n      endCursor\n    }\n  }\n}": types.SamplesCursorDocument,
    "query BenchmarksPage($search: String, $category: String, $includeSubtasks: Boolean) {\n  benchmarks(\n    search: $search\n    category: $category\n    includeSubtasks: $includeSubtasks\n  ) {\n    __typename\n    ... on QueryBenchmarksSuccess {\n      data {\n        ...BenchmarkDetails\n      }\n    }\n    ... on CatalogUnavailableError {\n      message\n      fix\n    }\n  }\n  benchmarkCategories {\n    __typename\n    ... on QueryBenchmarkCategoriesSuccess {\n      data {\n        name\n        count\n      }\n    }\n  }\n}": types.BenchmarksPageDocument,
    "query DashboardRuns($first: Int!, $after: String) {\n  runs(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        ...RunsTableRun\n      }\n    }\n  }\n}": types.DashboardRunsDocument,
    "query NewRunCatalog {\n  benchmarks(includeSubtasks: true) {\n    __typename\n    ... on QueryBenchmarksSuccess {\n      data {\n        ...BenchmarkDetails\n      }\n    }\n    ... on CatalogUnavailableError {\n      message\n      fix\n    }\n  }\n}": types.NewRunCatalogDocument,
    "query RunDetail($id: ID!) {\n  run(id: $id) {\n    ...RunLive\n    benchmark\n    model\n    config\n    command\n    createdAt\n    sampleCount\n    primaryMetric {\n      name\n      value\n      stderr\n      unit\n    }\n    artifacts {\n      name\n      size\n      url\n    }\n    summary {\n      ...RunResults\n    }\n  }\n}": types.RunDetailDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AppInfo {\n  openbench {\n    __typename\n    ... on QueryOpenbenchSuccess {\n      data {\n        openbenchVersion\n        benchmarkCount\n      }\n    }\n    ... on CatalogUnavailableError {\n      message\n    }\n  }\n}"): (typeof documents)["query AppInfo {\n  openbench {\n    __typename\n    ... on QueryOpenbenchSuccess {\n      data {\n        openbenchVersion\n        benchmarkCount\n      }\n    }\n    ... on CatalogUnavailableError {\n      message\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment BenchmarkDetails on Benchmark {\n  name\n  displayName\n  category\n  description\n  tags\n  isAlpha\n  isGroup\n  isLocal\n  isSubtask\n  members\n}"): (typeof documents)["fragment BenchmarkDetails on Benchmark {\n  name\n  displayName\n  category\n  description\n  tags\n  isAlpha\n  isGroup\n  isLocal\n  isSubtask\n  members\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment RunResults on Summary {\n  schemaVersion\n  logStatus\n  completedSamples\n  totalSamples\n  notes\n  primaryMetric {\n    name\n    scorer\n    value\n    stderr\n    unit\n  }\n  metrics {\n    name\n    scorer\n    value\n    stderr\n    unit\n  }\n  breakdowns {\n    name\n    scorer\n    items {\n      key\n      value\n      stderr\n      unit\n    }\n  }\n  tokenUsage {\n    model\n    inputTokens\n    outputTokens\n    totalTokens\n  }\n}"): (typeof documents)["fragment RunResults on Summary {\n  schemaVersion\n  logStatus\n  completedSamples\n  totalSamples\n  notes\n  primaryMetric {\n    name\n    scorer\n    value\n    stderr\n    unit\n  }\n  metrics {\n    name\n    scorer\n    value\n    stderr\n    unit\n  }\n  breakdowns {\n    name\n    scorer\n    items {\n      key\n      value\n      stderr\n      unit\n    }\n  }\n  tokenUsage {\n    model\n    inputTokens\n    outputTokens\n    totalTokens\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CancelRun($id: ID!) {\n  cancelRun(id: $id) {\n    __typename\n    ... on MutationCancelRunSuccess {\n      data {\n        id\n        status\n      }\n    }\n    ... on NotFoundError {\n      message\n    }\n    ... on RunStateError {\n      message\n    }\n  }\n}"): (typeof documents)["mutation CancelRun($id: ID!) {\n  cancelRun(id: $id) {\n    __typename\n    ... on MutationCancelRunSuccess {\n      data {\n        id\n        status\n      }\n    }\n    ... on NotFoundError {\n      message\n    }\n    ... on RunStateError {\n      message\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StartRun($input: StartRunInput!) {\n  startRun(input: $input) {\n    __typename\n    ... on MutationStartRunSuccess {\n      data {\n        id\n        status\n      }\n    }\n    ... on ValidationError {\n      field\n      message\n    }\n    ... on CatalogUnavailableError {\n      message\n      fix\n    }\n  }\n}"): (typeof documents)["mutation StartRun($input: StartRunInput!) {\n  startRun(input: $input) {\n    __typename\n    ... on MutationStartRunSuccess {\n      data {\n        id\n        status\n      }\n    }\n    ... on ValidationError {\n      field\n      message\n    }\n    ... on CatalogUnavailableError {\n      message\n      fix\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Rerun($id: ID!) {\n  rerun(id: $id) {\n    __typename\n    ... on MutationRerunSuccess {\n      data {\n        id\n      }\n    }\n    ... on NotFoundError {\n      message\n    }\n    ... on RunStateError {\n      message\n    }\n    ... on CatalogUnavailableError {\n      message\n      fix\n    }\n  }\n}"): (typeof documents)["mutation Rerun($id: ID!) {\n  rerun(id: $id) {\n    __typename\n    ... on MutationRerunSuccess {\n      data {\n        id\n      }\n    }\n    ... on NotFoundError {\n      message\n    }\n    ... on RunStateError {\n      message\n    }\n    ... on CatalogUnavailableError {\n      message\n      fix\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment RunsTableRun on Run {\n  id\n  benchmark\n  model\n  status\n  createdAt\n  durationSeconds\n  progress {\n    fraction\n  }\n  primaryMetric {\n    name\n    value\n    stderr\n    unit\n  }\n}"): (typeof documents)["fragment RunsTableRun on Run {\n  id\n  benchmark\n  model\n  status\n  createdAt\n  durationSeconds\n  progress {\n    fraction\n  }\n  primaryMetric {\n    name\n    value\n    stderr\n    unit\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SampleDetail($runId: ID!, $id: String!, $epoch: Int!) {\n  sample(runId: $runId, id: $id, epoch: $epoch) {\n    sample {\n      ...SampleRow\n      scores {\n        scorer\n        value\n        answer\n      }\n    }\n    input\n    target\n    completion\n    messages {\n      role\n      text\n    }\n    scores {\n      scorer\n      value\n      answer\n      explanation\n    }\n    metadata\n    modelUsage\n    error\n  }\n}"): (typeof documents)["query SampleDetail($runId: ID!, $id: String!, $epoch: Int!) {\n  sample(runId: $runId, id: $id, epoch: $epoch) {\n    sample {\n      ...SampleRow\n      scores {\n        scorer\n        value\n        answer\n      }\n    }\n    input\n    target\n    completion\n    messages {\n      role\n      text\n    }\n    scores {\n      scorer\n      value\n      answer\n      explanation\n    }\n    metadata\n    modelUsage\n    error\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment SampleRow on Sample {\n  id\n  epoch\n  position\n  correct\n  scoreValue\n  input\n  target\n  answer\n  metadata\n  totalTokens\n  totalTime\n  error\n}"): (typeof documents)["fragment SampleRow on Sample {\n  id\n  epoch\n  position\n  correct\n  scoreValue\n  input\n  target\n  answer\n  metadata\n  totalTokens\n  totalTime\n  error\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription RunEvents($runId: ID!, $fromOffset: LogOffsetInput) {\n  runEvents(runId: $runId, fromOffset: $fromOffset) {\n    kind\n    run {\n      ...RunLive\n    }\n    progress {\n      completed\n      total\n      fraction\n      metricName\n      metricValue\n    }\n    batches {\n      stream\n      firstLine\n      lineCount\n      text\n    }\n  }\n}"): (typeof documents)["subscription RunEvents($runId: ID!, $fromOffset: LogOffsetInput) {\n  runEvents(runId: $runId, fromOffset: $fromOffset) {\n    kind\n    run {\n      ...RunLive\n    }\n    progress {\n      completed\n      total\n      fraction\n      metricName\n      metricValue\n    }\n    batches {\n      stream\n      firstLine\n      lineCount\n      text\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment RunLive on Run {\n  id\n  status\n  queuePosition\n  startedAt\n  finishedAt\n  durationSeconds\n  exitCode\n  error\n  progress {\n    completed\n    total\n    fraction\n  }\n}"): (typeof documents)["fragment RunLive on Run {\n  id\n  status\n  queuePosition\n  startedAt\n  finishedAt\n  durationSeconds\n  exitCode\n  error\n  progress {\n    completed\n    total\n    fraction\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RunSamples($runId: ID!, $first: Int!, $after: String, $filter: SampleFilterInput, $sort: SampleSort) {\n  run(id: $runId) {\n    id\n    samples(first: $first, after: $after, filter: $filter, sort: $sort) {\n      totalCount\n      hasNextPage\n      endCursor\n      nodes {\n        ...SampleRow\n      }\n    }\n  }\n}"): (typeof documents)["query RunSamples($runId: ID!, $first: Int!, $after: String, $filter: SampleFilterInput, $sort: SampleSort) {\n  run(id: $runId) {\n    id\n    samples(first: $first, after: $after, filter: $filter, sort: $sort) {\n      totalCount\n      hasNextPage\n      endCursor\n      nodes {\n        ...SampleRow\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription RunsChanged {\n  runsChanged {\n    ...RunsTableRun\n  }\n}"): (typeof documents)["subscription RunsChanged {\n  runsChanged {\n    ...RunsTableRun\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SamplesCursor($runId: ID!, $first: Int!, $after: String, $filter: SampleFilterInput, $sort: SampleSort) {\n  run(id: $runId) {\n    id\n    samples(first: $first, after: $after, filter: $filter, sort: $sort) {\n      endCursor\n    }\n  }\n}"): (typeof documents)["query SamplesCursor($runId: ID!, $first: Int!, $after: String, $filter: SampleFilterInput, $sort: SampleSort) {\n  run(id: $runId) {\n    id\n    samples(first: $first, after: $after, filter: $filter, sort: $sort) {\n      endCursor\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query BenchmarksPage($search: String, $category: String, $includeSubtasks: Boolean) {\n  benchmarks(\n    search: $search\n    category: $category\n    includeSubtasks: $includeSubtasks\n  ) {\n    __typename\n    ... on QueryBenchmarksSuccess {\n      data {\n        ...BenchmarkDetails\n      }\n    }\n    ... on CatalogUnavailableError {\n      message\n      fix\n    }\n  }\n  benchmarkCategories {\n    __typename\n    ... on QueryBenchmarkCategoriesSuccess {\n      data {\n        name\n        count\n      }\n    }\n  }\n}"): (typeof documents)["query BenchmarksPage($search: String, $category: String, $includeSubtasks: Boolean) {\n  benchmarks(\n    search: $search\n    category: $category\n    includeSubtasks: $includeSubtasks\n  ) {\n    __typename\n    ... on QueryBenchmarksSuccess {\n      data {\n        ...BenchmarkDetails\n      }\n    }\n    ... on CatalogUnavailableError {\n      message\n      fix\n    }\n  }\n  benchmarkCategories {\n    __typename\n    ... on QueryBenchmarkCategoriesSuccess {\n      data {\n        name\n        count\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DashboardRuns($first: Int!, $after: String) {\n  runs(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        ...RunsTableRun\n      }\n    }\n  }\n}"): (typeof documents)["query DashboardRuns($first: Int!, $after: String) {\n  runs(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        ...RunsTableRun\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NewRunCatalog {\n  benchmarks(includeSubtasks: true) {\n    __typename\n    ... on QueryBenchmarksSuccess {\n      data {\n        ...BenchmarkDetails\n      }\n    }\n    ... on CatalogUnavailableError {\n      message\n      fix\n    }\n  }\n}"): (typeof documents)["query NewRunCatalog {\n  benchmarks(includeSubtasks: true) {\n    __typename\n    ... on QueryBenchmarksSuccess {\n      data {\n        ...BenchmarkDetails\n      }\n    }\n    ... on CatalogUnavailableError {\n      message\n      fix\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RunDetail($id: ID!) {\n  run(id: $id) {\n    ...RunLive\n    benchmark\n    model\n    config\n    command\n    createdAt\n    sampleCount\n    primaryMetric {\n      name\n      value\n      stderr\n      unit\n    }\n    artifacts {\n      name\n      size\n      url\n    }\n    summary {\n      ...RunResults\n    }\n  }\n}"): (typeof documents)["query RunDetail($id: ID!) {\n  run(id: $id) {\n    ...RunLive\n    benchmark\n    model\n    config\n    command\n    createdAt\n    sampleCount\n    primaryMetric {\n      name\n      value\n      stderr\n      unit\n    }\n    artifacts {\n      name\n      size\n      url\n    }\n    summary {\n      ...RunResults\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;