import { defineDomainException } from '../common/errors/domain.exception';

export enum PopulationFigureError {
  NotFound = 'population_figure_not_found',
  /** A count below 0, or applications or cards above the population. */
  Counts = 'population_figure_counts',
  AsOfInFuture = 'population_figure_as_of_in_future',
  /** That snapshot already has figures for the district and age band. */
  CellTaken = 'population_figure_cell_taken',
}

export class PopulationFigureException extends defineDomainException<PopulationFigureError>({
  [PopulationFigureError.NotFound]: 404,
  [PopulationFigureError.Counts]: 400,
  [PopulationFigureError.AsOfInFuture]: 400,
  [PopulationFigureError.CellTaken]: 409,
}) {}
