import { lazy, Suspense } from 'react';
import { LibraryPage } from './pages/Library.js';
import { ReportPage } from './pages/Report.js';
import { Link, useLocation } from './router.js';

// ECharts is large: the comparison page and its charts load only when opened.
const ComparePage = lazy(() => import('./pages/Compare.js').then((m) => ({ default: m.ComparePage })));

export function App() {
  const loc = useLocation();
  const report = /^\/reports\/(\d+)\/?$/.exec(loc.path);
  let page;
  if (loc.path === '/' || loc.path === '') page = <LibraryPage loc={loc} />;
  else if (report) page = <ReportPage id={Number(report[1])} loc={loc} />;
  else if (loc.path === '/compare' || loc.path === '/compare/')
    page = (
      <Suspense fallback={<p className="muted pad">正在加载对比页……</p>}>
        <ComparePage loc={loc} />
      </Suspense>
    );
  else
    page = (
      <div className="pad">
        <h2>页面不存在</h2>
        <p>
          <Link href="/">返回报告库</Link>
        </p>
      </div>
    );
  const section = report ? 'report' : loc.path.startsWith('/compare') ? 'compare' : 'library';
  return (
    <>
      <header className="topbar">
        <Link href="/" className="brand">
          决算通
        </Link>
        <nav>
          <Link href="/" className={section === 'library' ? 'active' : ''}>
            报告库
          </Link>
          <Link href="/compare" className={section === 'compare' ? 'active' : ''}>
            对比分析
          </Link>
        </nav>
      </header>
      <main>{page}</main>
    </>
  );
}
