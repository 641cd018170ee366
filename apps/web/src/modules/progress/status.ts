import type { FigureStatus } from '../../app/types';

/** Status colours: đạt green, đang thực hiện blue, có nguy cơ orange, không đạt red, không áp dụng grey. */
export const STATUS_COLORS: Record<FigureStatus, string> = {
  met: 'green',
  on_track: 'blue',
  at_risk: 'orange',
  missed: 'red',
  not_applicable: 'gray',
};

/** Worst first: the order a chair should look at targets in. */
export const STATUS_RANK: Record<FigureStatus, number> = {
  missed: 0,
  at_risk: 1,
  on_track: 2,
  met: 3,
  not_applicable: 4,
};
