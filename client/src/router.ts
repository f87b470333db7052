import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';

// Pages are split per route; the run page carries echarts, which the others never load.
const routes: RouteRecordRaw[] = [
  {
    path: '/',
    name: 'dashboard',
    component: () => import('./pages/DashboardPage.vue'),
    meta: { title: 'Dashboard' },
  },
  {
    path: '/benchmarks',
    name: 'benchmarks',
    component: () => import('./pages/BenchmarksPage.vue'),
    meta: { title: 'Benchmarks' },
  },
  {
    path: '/runs/new',
    name: 'new-run',
    component: () => import('./pages/NewRunPage.vue'),
    meta: { title: 'New run' },
  },
  {
    path: '/runs/:id',
    name: 'run',
    component: () => import('./pages/RunDetailPage.vue'),
    props: true,
    meta: { title: 'Run' },
  },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./pages/NotFoundPage.vue') },
];

export const router = createRouter({
  history: createWebHistory(),
  routes,
  // A query-only change (a filter, an opened sample) keeps the reader where they are.
  scrollBehavior: (to, from, saved) => saved ?? (to.path === from.path ? false : { top: 0 }),
});

router.afterEach((to) => {
  const title = typeof to.meta.title === 'string' ? to.meta.title : 'Not found';
  document.title = `${title} · OpenBench Web`;
});
