import { useId } from 'react';

// Okabe–Ito: eight colours told apart with the common colour-vision deficiencies.
// Every series also gets a fill pattern (and lines a dash), so a chart still reads
// when printed in grey or seen without colour.
export const OKABE_ITO = {
  blue: '#0072B2',
  orange: '#E69F00',
  green: '#009E73',
  vermillion: '#D55E00',
  skyBlue: '#56B4E9',
  purple: '#CC79A7',
  yellow: '#F0E442',
  black: '#000000',
} as const;

// Yellow (1.3:1), orange (2.3:1) and sky blue (2.3:1) are too light to stand on white by
// themselves (JIS X 8341-3 / WCAG 1.4.11 asks 3:1 of a chart's marks): every bar and
// swatch is drawn with an edge of 3:1 or more (`edge`), and a line in such a colour is
// drawn in its edge colour. Text in a series colour uses `ink` (4.5:1).
const EDGES: Record<string, string> = {
  [OKABE_ITO.orange]: '#A36200',
  [OKABE_ITO.skyBlue]: '#2A7AB0',
  [OKABE_ITO.yellow]: '#7D7400',
  [OKABE_ITO.purple]: '#A8527F',
};
const INKS: Record<string, string> = { [OKABE_ITO.vermillion]: '#A84A00', [OKABE_ITO.green]: '#00694D' };

/** The colour to draw a mark's edge (or a line) in: the colour itself when it has 3:1 on white. */
export function edge(color: string): string {
  return EDGES[color] ?? color;
}

/** The colour for text in a series' colour: 4.5:1 on white. */
export function ink(color: string): string {
  return INKS[color] ?? EDGES[color] ?? color;
}

export const SERIES_COLORS = [OKABE_ITO.blue, OKABE_ITO.orange, OKABE_ITO.green, OKABE_ITO.vermillion, OKABE_ITO.skyBlue, OKABE_ITO.purple, OKABE_ITO.yellow, OKABE_ITO.black];
export const LINE_DASHES = ['', '8 4', '2 3', '10 3 2 3'];

// Light colours get dark hatching, dark ones white: the pattern shows on both.
const LIGHT = new Set<string>([OKABE_ITO.yellow, OKABE_ITO.skyBlue, OKABE_ITO.orange]);

type PatternKind = 'solid' | 'diagonal' | 'dots' | 'cross' | 'horizontal' | 'back' | 'vertical' | 'grid';
const KINDS: PatternKind[] = ['solid', 'diagonal', 'dots', 'cross', 'horizontal', 'back', 'vertical', 'grid'];

function marks(kind: PatternKind, ink: string) {
  const line = { stroke: ink, strokeWidth: 1.6 };
  switch (kind) {
    case 'diagonal':
      return <path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" {...line} />;
    case 'back':
      return <path d="M-2,6 l4,4 M0,0 l8,8 M6,-2 l4,4" {...line} />;
    case 'dots':
      return <circle cx="4" cy="4" r="1.6" fill={ink} />;
    case 'cross':
      return <path d="M0,0 l8,8 M8,0 l-8,8" {...line} strokeWidth={1.2} />;
    case 'horizontal':
      return <path d="M0,4 h8" {...line} />;
    case 'vertical':
      return <path d="M4,0 v8" {...line} />;
    case 'grid':
      return <path d="M0,4 h8 M4,0 v8" {...line} strokeWidth={1.1} />;
    default:
      return null;
  }
}

/** The same patterns as CSS backgrounds, for bars drawn in HTML (BarList). */
export function cssPattern(i: number, colors: readonly string[] = SERIES_COLORS): string {
  const color = colors[i % colors.length];
  const ink = LIGHT.has(color) ? 'rgba(0,0,0,0.55)' : 'rgba(255,255,255,0.85)';
  const lines = (deg: number) => `repeating-linear-gradient(${deg}deg, ${ink} 0 1.6px, transparent 1.6px 6px)`;
  switch (KINDS[i % KINDS.length]) {
    // CSS angles run the stripes across the gradient: -45deg draws "/" like the SVG 'diagonal'.
    case 'diagonal':
      return `${lines(-45)}, ${color}`;
    case 'back':
      return `${lines(45)}, ${color}`;
    case 'dots':
      return `radial-gradient(circle, ${ink} 1.6px, transparent 1.8px) 0 0 / 8px 8px, ${color}`;
    case 'cross':
      return `${lines(45)}, ${lines(-45)}, ${color}`;
    case 'horizontal':
      return `${lines(0)}, ${color}`;
    case 'vertical':
      return `${lines(90)}, ${color}`;
    case 'grid':
      return `${lines(0)}, ${lines(90)}, ${color}`;
    default:
      return color;
  }
}

/** Fill patterns for `count` series: use `fill(i)` on the bars. */
export function usePatterns(count: number, colors: readonly string[] = SERIES_COLORS) {
  const base = useId().replace(/:/g, '');
  const fill = (i: number) => (i % KINDS.length === 0 ? colors[i % colors.length] : `url(#${base}-p${i})`);
  const defs = (
    <defs>
      {Array.from({ length: count }, (_, i) => {
        const color = colors[i % colors.length];
        const kind = KINDS[i % KINDS.length];
        if (kind === 'solid') return null;
        const ink = LIGHT.has(color) ? 'rgba(0,0,0,0.55)' : 'rgba(255,255,255,0.85)';
        return (
          <pattern key={i} id={`${base}-p${i}`} width="8" height="8" patternUnits="userSpaceOnUse">
            <rect width="8" height="8" fill={color} />
            {marks(kind, ink)}
          </pattern>
        );
      })}
    </defs>
  );
  return { defs, fill, color: (i: number) => colors[i % colors.length], edge: (i: number) => edge(colors[i % colors.length]) };
}
