import { Box } from '@mui/material';
import { useContext, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { ChartLabelContext } from './chartLabel';

/**
 * Measures its width before the first paint and hands it to the chart: the chart
 * draws in the same frame as its card (ResponsiveContainer would draw a frame later,
 * after its own observer), and redraws when the card is resized.
 */
export function ChartFrame({ height, children }: { height: number; children: (width: number) => ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const label = useContext(ChartLabelContext);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(Math.floor(el.clientWidth));
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry.contentRect.width)));
    observer.observe(el);
    // recharts draws its layers into <g> elements through React portals, and React listens
    // for focus events on every portal container: Chromium then makes those <g>s Tab
    // stops (six empty stops per chart). tabindex="-1" takes them out of the Tab order.
    const untab = () => el.querySelectorAll('g[class*="recharts-zIndex-layer"]:not([tabindex])').forEach((g) => g.setAttribute('tabindex', '-1'));
    const layers = new MutationObserver(untab);
    layers.observe(el, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      layers.disconnect();
    };
  }, []);
  return (
    // One image to a screen reader, named after its panel: the drawing's parts mean
    // nothing read out one by one, and its numbers are in the panel's table.
    <Box
      ref={ref}
      role="img"
      aria-label={label}
      // Reference lines and their labels lie over the bars: clicks go through to the bar.
      sx={{ width: '100%', height, '& .recharts-bar-rectangle, & .recharts-dot, & .clickable': { cursor: 'pointer' }, '& .recharts-reference-line': { pointerEvents: 'none' } }}
    >
      {width > 0 ? children(width) : null}
    </Box>
  );
}
