import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { pinia } from './plugins/pinia';
import { useSessionStore } from './stores/session';

declare module 'vue-router' {
  interface RouteMeta {
    title?: string;
    /** Reachable without a session (the login page); drawn without the app shell. */
    public?: boolean;
  }
}

// Pages are split per route; the run and compare pages carry echarts, which the others never load.
const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('./pages/LoginPage.vue'),
    meta: { title: 'Log in', public: true },
  },
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
  {
    path: '/compare',
    name: 'compare',
    component: () => import('./pages/ComparePage.vue'),
    meta: { title: 'Compare' },
  },
  {
    path: '/leaderboard',
    name: 'leaderboard',
    component: () => import('./pages/LeaderboardPage.vue'),
    meta: { title: 'Leaderboard' },
  },
  {
    path: '/settings',
    name: 'settings',
    component: () => import('./pages/SettingsPage.vue'),
    meta: { title: 'Settings' },
  },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./pages/NotFoundPage.vue') },
];

export const router = createRouter({
  history: createWebHistory(),
  routes,
  // A query-only change (a filter, an opened sample) keeps the reader where they are.
  scrollBehavior: (to, from, saved) => saved ?? (to.path === from.path ? false : { top: 0 }),
});

/** A `next` that stays on this site: a path, never `//host` or a full URL. */
export function safeNext(value: unknown): string {
  const next = Array.isArray(value) ? value[0] : value;
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

// Every page but the login page needs a session; the login page is pointless with one.
router.beforeEach(async (to) => {
  const session = useSessionStore(pinia);
  await session.ensureLoaded();
  if (to.meta.public) {
    if (session.me && to.name === 'login') return safeNext(to.query.next);
    return true;
  }
  if (!session.me) {
    return { name: 'login', query: to.fullPath === '/' ? {} : { next: to.fullPath } };
  }
  return true;
});

router.afterEach((to) => {
  const title = typeof to.meta.title === 'string' ? to.meta.title : 'Not found';
  document.title = `${title} · OpenBench Web`;
});
