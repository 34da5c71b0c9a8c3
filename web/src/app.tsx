/**
 * The app shell: language and Ant Design locale, the session (sign-in, the forced first password change,
 * sign-out), the menu by role, the region switch and the screens. The public page needs no session.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { App as AntApp, Button, ConfigProvider, Dropdown, Grid, Layout, Menu, Result, Segmented, Select, Spin, Typography } from 'antd';
import {
  AppstoreOutlined,
  AuditOutlined,
  CalendarOutlined,
  BarChartOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  ExportOutlined,
  MenuOutlined,
  ProjectOutlined,
  ScheduleOutlined,
  TableOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { api, apiHooks, ApiError, type PlanSummary, type User } from './api.js';
import { initialLang, makeI18n, roleName, storeLang, type Lang, type MessageKey } from './i18n.js';
import { I18nContext, useI18n } from './use-i18n.js';
import { navigate, parseRoute, routePath, routeRegion, useRoute, type Route } from './router.js';
import { allowed, worksOnPlans } from './permissions.js';
import { ApiErrorAlert } from './components/api-error.js';

const LoginPage = lazy(() => import('./pages/login.js').then((m) => ({ default: m.LoginPage })));
const ChangePasswordPage = lazy(() => import('./pages/change-password.js').then((m) => ({ default: m.ChangePasswordPage })));
const OverviewPage = lazy(() => import('./pages/overview.js').then((m) => ({ default: m.OverviewPage })));
const CityPage = lazy(() => import('./pages/city.js').then((m) => ({ default: m.CityPage })));
const IndicatorsPage = lazy(() => import('./pages/indicators.js').then((m) => ({ default: m.IndicatorsPage })));
const IndicatorPage = lazy(() => import('./pages/indicator.js').then((m) => ({ default: m.IndicatorPage })));
const ProjectsPage = lazy(() => import('./pages/projects.js').then((m) => ({ default: m.ProjectsPage })));
const CommitmentsPage = lazy(() => import('./pages/commitments.js').then((m) => ({ default: m.CommitmentsPage })));
const MonitoringPage = lazy(() => import('./pages/monitoring.js').then((m) => ({ default: m.MonitoringPage })));
const ImportPage = lazy(() => import('./pages/import.js').then((m) => ({ default: m.ImportPage })));
const AssessmentPage = lazy(() => import('./pages/assessment.js').then((m) => ({ default: m.AssessmentPage })));
const PublicPage = lazy(() => import('./pages/public.js').then((m) => ({ default: m.PublicPage })));
const UsersPage = lazy(() => import('./pages/users.js').then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import('./pages/audit.js').then((m) => ({ default: m.AuditPage })));

const LAST_REGION_KEY = 'ecoplan.region';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The whole app. */
export function App() {
  const [lang, setLangState] = useState<Lang>(() => initialLang(storage()));
  const setLang = useCallback((l: Lang) => {
    storeLang(storage(), l);
    setLangState(l);
  }, []);
  const i18n = useMemo(() => makeI18n(lang, setLang), [lang, setLang]);
  useEffect(() => {
    dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
    document.title = i18n.t('appName');
  }, [lang, i18n]);
  return (
    <I18nContext.Provider value={i18n}>
      <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={{ token: { colorPrimary: '#1677ff', borderRadius: 4 } }}>
        <AntApp>
          <Root />
        </AntApp>
      </ConfigProvider>
    </I18nContext.Provider>
  );
}

function Loading() {
  const { t } = useI18n();
  return (
    <div style={{ padding: 48, textAlign: 'center' }}>
      <Spin /> <span className="eco-muted">{t('loading')}</span>
    </div>
  );
}

function Root() {
  const route = useRoute();
  if (route.name === 'public') {
    return (
      <Suspense fallback={<Loading />}>
        <PublicPage region={route.region} />
      </Suspense>
    );
  }
  return <Session route={route} />;
}

type SessionState =
  | { kind: 'loading' }
  | { kind: 'anonymous'; notice?: MessageKey }
  | { kind: 'mustChange'; user: User }
  | { kind: 'signedIn'; user: User; plans: PlanSummary[] }
  | { kind: 'failed'; error: unknown };

async function enter(user: User): Promise<SessionState> {
  if (user.mustChangePassword) return { kind: 'mustChange', user };
  const plans = worksOnPlans(user.role) ? await api.plans() : [];
  return { kind: 'signedIn', user, plans };
}

function Session({ route }: { route: Route }) {
  const [state, setState] = useState<SessionState>({ kind: 'loading' });
  const { t } = useI18n();

  const start = useCallback(() => {
    setState({ kind: 'loading' });
    api
      .me()
      .then(enter)
      .then(setState, (e: unknown) => {
        if (e instanceof ApiError && e.status === 401) setState({ kind: 'anonymous' });
        else setState({ kind: 'failed', error: e });
      });
  }, []);

  useEffect(() => {
    apiHooks.onUnauthenticated = () => setState({ kind: 'anonymous', notice: 'sessionEnded' });
    apiHooks.onMustChangePassword = () => setState((s) => (s.kind === 'signedIn' ? { kind: 'mustChange', user: s.user } : s));
    start();
    return () => {
      apiHooks.onUnauthenticated = undefined;
      apiHooks.onMustChangePassword = undefined;
    };
  }, [start]);

  const signedIn = useCallback((user: User) => {
    enter(user).then(setState, (e: unknown) => setState({ kind: 'failed', error: e }));
    if (parseRoute(window.location.pathname).name === 'login') navigate({ name: 'home' }, { replace: true });
  }, []);

  const signOut = useCallback(() => {
    api.logout().finally(() => {
      setState({ kind: 'anonymous' });
      navigate({ name: 'home' }, { replace: true });
    });
  }, []);

  switch (state.kind) {
    case 'loading':
      return <Loading />;
    case 'failed':
      return (
        <div style={{ padding: 24 }}>
          <ApiErrorAlert error={state.error} />
          <Button onClick={start}>{t('retry')}</Button>
        </div>
      );
    case 'anonymous':
      return (
        <Suspense fallback={<Loading />}>
          <LoginPage notice={state.notice} onSignedIn={signedIn} />
        </Suspense>
      );
    case 'mustChange':
      return (
        <Suspense fallback={<Loading />}>
          <ChangePasswordPage user={state.user} forced onDone={() => setState({ kind: 'anonymous', notice: 'passwordChanged' })} onSignOut={signOut} />
        </Suspense>
      );
    case 'signedIn':
      return <Shell user={state.user} plans={state.plans} route={route} onSignOut={signOut} onPasswordChanged={() => setState({ kind: 'anonymous', notice: 'passwordChanged' })} />;
  }
}

/** The home of a role: the administrator's users, the auditor's log, else the overview of a region. */
export function homeRoute(user: Pick<User, 'role'>, plans: readonly PlanSummary[], lastRegion: string | null): Route {
  if (user.role === 'admin') return { name: 'users' };
  if (user.role === 'auditor') return { name: 'audit' };
  const region = plans.find((p) => p.region.code === lastRegion)?.region.code ?? plans[0]?.region.code;
  return region ? { name: 'overview', region } : { name: 'notFound', path: '/' };
}

interface ShellProps {
  user: User;
  plans: PlanSummary[];
  route: Route;
  onSignOut: () => void;
  onPasswordChanged: () => void;
}

function Shell({ user, plans, route, onSignOut, onPasswordChanged }: ShellProps) {
  const { t, lang, setLang } = useI18n();
  const screens = Grid.useBreakpoint();
  const [changingPassword, setChangingPassword] = useState(false);
  // Below the lg breakpoint (tablets in portrait) the menu folds away behind a button in the header.
  const narrow = screens.lg === false;
  const [menuOpen, setMenuOpen] = useState(false);
  const routeRegionCode = routeRegion(route);
  const lastRegion = storage()?.getItem(LAST_REGION_KEY) ?? null;
  const regionCode =
    routeRegionCode ?? (route.name === 'city' ? plans.find((p) => p.region.city.code === route.city)?.region.code : undefined) ?? plans.find((p) => p.region.code === lastRegion)?.region.code ?? plans[0]?.region.code ?? null;
  const plan = plans.find((p) => p.region.code === regionCode) ?? null;

  useEffect(() => {
    if (route.name === 'home' || route.name === 'login') navigate(homeRoute(user, plans, lastRegion), { replace: true });
  }, [route, user, plans, lastRegion]);
  useEffect(() => {
    if (routeRegionCode && plans.some((p) => p.region.code === routeRegionCode)) storage()?.setItem(LAST_REGION_KEY, routeRegionCode);
  }, [routeRegionCode, plans]);

  const region = plan ? { code: plan.region.code, cityCode: plan.region.city.code } : undefined;
  const menuItems = useMemo(() => {
    const items: { key: string; icon: ReactNode; label: string; route: Route }[] = [];
    if (plan) {
      const r = plan.region.code;
      items.push(
        { key: 'overview', icon: <DashboardOutlined />, label: t('navOverview'), route: { name: 'overview', region: r } },
        { key: 'indicators', icon: <TableOutlined />, label: t('navIndicators'), route: { name: 'indicators', region: r } },
        { key: 'projects', icon: <ProjectOutlined />, label: t('navProjects'), route: { name: 'projects', region: r } },
        { key: 'commitments', icon: <ScheduleOutlined />, label: t('navCommitments'), route: { name: 'commitments', region: r } },
        { key: 'monitoring', icon: <CalendarOutlined />, label: t('navMonitoring'), route: { name: 'monitoring', region: r } },
      );
      if (allowed(user, 'data.import', region) || (user.role === 'clerk' && !!user.unit)) {
        items.push({ key: 'import', icon: <CloudUploadOutlined />, label: t('navImport'), route: { name: 'import', region: r } });
      }
      items.push(
        { key: 'assessment', icon: <BarChartOutlined />, label: t('navAssessment'), route: { name: 'assessment', region: r } },
        { key: 'city', icon: <AppstoreOutlined />, label: t('navCity'), route: { name: 'city', city: plan.region.city.code } },
      );
    }
    if (user.role === 'admin') items.push({ key: 'users', icon: <TeamOutlined />, label: t('navUsers'), route: { name: 'users' } });
    if (user.role === 'auditor') items.push({ key: 'audit', icon: <AuditOutlined />, label: t('navAudit'), route: { name: 'audit' } });
    return items;
  }, [plan, user, t, region]);

  const selectedKey = route.name === 'indicator' ? 'indicators' : route.name;
  const userMenu = {
    items: [
      { key: 'role', label: `${roleName(user.role, lang)}${user.unit ? ` · ${user.unit}` : ''}`, disabled: true },
      { key: 'password', label: t('changePassword') },
      { key: 'signout', label: t('signOut'), danger: true },
    ],
    onClick: ({ key }: { key: string }) => {
      if (key === 'password') setChangingPassword(true);
      if (key === 'signout') onSignOut();
    },
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider collapsible collapsed={narrow && !menuOpen} trigger={null} collapsedWidth={0} width={224} theme="dark" className="eco-no-print">
        <div className="eco-brand" title={t('appName')}>
          <img src="/favicon.svg" alt="" width={24} height={24} />
          <span>{lang === 'en' ? 'ecoplan' : t('appName')}</span>
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selectedKey]}
          items={menuItems.map(({ key, icon, label }) => ({ key, icon, label: <a href={routePath(menuItems.find((m) => m.key === key)!.route)} onClick={(e) => e.preventDefault()}>{label}</a> }))}
          onClick={({ key }) => {
            const it = menuItems.find((m) => m.key === key);
            if (it) navigate(it.route);
            setMenuOpen(false);
          }}
        />
      </Layout.Sider>
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header className="eco-header eco-no-print">
          {narrow && <Button type="text" icon={<MenuOutlined />} aria-label="menu" onClick={() => setMenuOpen((o) => !o)} data-testid="menu-toggle" />}
          {plans.length > 0 && (
            <Select
              aria-label={t('region')}
              value={regionCode ?? undefined}
              style={{ minWidth: screens.md ? 220 : 140 }}
              options={plans.map((p) => ({ value: p.region.code, label: p.region.fullName }))}
              onChange={(code: string) => {
                const keep: Route['name'][] = ['overview', 'indicators', 'projects', 'commitments', 'import', 'assessment', 'monitoring'];
                const name = keep.includes(route.name) ? route.name : 'overview';
                navigate({ name, region: code } as Route);
              }}
            />
          )}
          {plan && screens.lg && (
            <Typography.Text className="eco-muted" ellipsis style={{ maxWidth: 360 }}>
              {plan.title}
            </Typography.Text>
          )}
          <span className="eco-spacer" />
          {plan && (
            <Button type="link" icon={<ExportOutlined />} href={`/public/${plan.region.code}`} target="_blank" rel="noopener">
              {screens.md ? t('navPublic') : null}
            </Button>
          )}
          <Segmented
            aria-label={t('language')}
            size="small"
            value={lang}
            options={[
              { value: 'zh', label: '中文' },
              { value: 'en', label: 'English' },
            ]}
            onChange={(v) => setLang(v as Lang)}
            data-testid="lang-switch"
          />
          <Dropdown menu={userMenu} trigger={['click']}>
            <Button icon={<UserOutlined />} data-testid="user-menu">
              {screens.sm ? user.username : null}
            </Button>
          </Dropdown>
        </Layout.Header>
        <Layout.Content className="eco-content">
          <Suspense fallback={<Loading />}>
            <Screen route={route} user={user} plans={plans} plan={plan} />
          </Suspense>
          {changingPassword && (
            <ChangePasswordPage user={user} forced={false} onDone={onPasswordChanged} onCancel={() => setChangingPassword(false)} />
          )}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

function Forbidden() {
  const { t } = useI18n();
  return <Result status="403" title={t('forbidden')} extra={<Button onClick={() => navigate({ name: 'home' })}>{t('backHome')}</Button>} />;
}

function NotFound() {
  const { t } = useI18n();
  return <Result status="404" title={t('notFound')} extra={<Button onClick={() => navigate({ name: 'home' })}>{t('backHome')}</Button>} />;
}

function Screen({ route, user, plans, plan }: { route: Route; user: User; plans: PlanSummary[]; plan: PlanSummary | null }) {
  const { t } = useI18n();
  switch (route.name) {
    case 'home':
    case 'login':
      return <Loading />;
    case 'users':
      return user.role === 'admin' ? <UsersPage user={user} /> : <Forbidden />;
    case 'audit':
      return user.role === 'auditor' ? <AuditPage user={user} /> : <Forbidden />;
    case 'city': {
      if (!worksOnPlans(user.role)) return <Forbidden />;
      const inCity = plans.filter((p) => p.region.city.code === route.city);
      return inCity.length ? <CityPage user={user} plans={inCity} city={route.city} /> : <NotFound />;
    }
    case 'notFound':
      if (worksOnPlans(user.role) && plans.length === 0) return <Result status="info" title={t('noPlans')} />;
      return <NotFound />;
    case 'public':
      return null;
    default: {
      if (!worksOnPlans(user.role)) return <Forbidden />;
      if (!plan || plan.region.code !== route.region) return <Result status="404" title={t('notFound')} subTitle={route.region} />;
      const props = { user, plan };
      switch (route.name) {
        case 'overview':
          return <OverviewPage {...props} />;
        case 'indicators':
          return <IndicatorsPage {...props} />;
        case 'indicator':
          return <IndicatorPage user={user} plan={plan} seq={route.seq} key={`${route.region}/${route.seq}`} />;
        case 'projects':
          return <ProjectsPage {...props} />;
        case 'commitments':
          return <CommitmentsPage {...props} />;
        case 'import':
          return <ImportPage {...props} />;
        case 'assessment':
          return <AssessmentPage {...props} />;
        case 'monitoring':
          return <MonitoringPage {...props} initialYear={route.year} key={`${route.region}/${route.year ?? ''}`} />;
      }
    }
  }
}
