import { createContext } from 'react';

/** What a drawn chart is called for screen readers (ChartFrame reads it; the panel around it provides it). */
export const ChartLabelContext = createContext<string | undefined>(undefined);
