/**
 * An ECharts chart (canvas) with PNG and SVG export: PNG from the chart's own `getDataURL`, SVG
 * from the same option rendered once by ECharts' SVG renderer in SSR mode.
 */
import { useEffect, useRef } from 'react';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer, SVGRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

const FONT = '"Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", sans-serif';

function save(href: string, name: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

export function Chart({ id, title, option, height = 320 }: { id: string; title: string; option: ChartOption; height?: number }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const el = box.current!;
    const c = echarts.init(el, null, { renderer: 'canvas' });
    chart.current = c;
    c.on('finished', () => el.setAttribute('data-rendered', '1'));
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ textStyle: { fontFamily: FONT }, ...option }, true);
  }, [option]);

  const png = () => {
    const url = chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    if (url) save(url, `${title}.png`);
  };
  const svg = () => {
    const el = box.current!;
    const c = echarts.init(null, null, { renderer: 'svg', ssr: true, width: el.clientWidth || 800, height });
    c.setOption({ textStyle: { fontFamily: FONT }, backgroundColor: '#fff', ...option, animation: false });
    const text = c.renderToSVGString();
    c.dispose();
    const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
    save(url, `${title}.svg`);
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <figure className="chart-card" data-chart={id}>
      <figcaption>
        <span>{title}</span>
        <span className="chart-actions">
          <button className="small link" onClick={png} data-export="png">
            PNG
          </button>
          <button className="small link" onClick={svg} data-export="svg">
            SVG
          </button>
        </span>
      </figcaption>
      <div ref={box} className="chart" style={{ height }} />
    </figure>
  );
}
