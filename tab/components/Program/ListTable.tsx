// A list shown as a small table on the program's enrolment view (who is enrolled, the cohort file's
// columns, the problems of a cohort file): column headings, one row per item, scrolling sideways
// when the place is narrow.
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({ wrap: { overflowX: 'auto' } });

export interface ListTableProps<T> {
  /** The table's accessible name. */
  label: string;
  headings: readonly string[];
  items: readonly T[];
  keyOf: (item: T, index: number) => string;
  /** One cell per heading, in the headings' order. */
  cellsOf: (item: T) => readonly ReactNode[];
}

export function ListTable<T>({ label, headings, items, keyOf, cellsOf }: ListTableProps<T>) {
  const styles = useStyles();
  return (
    <div className={styles.wrap}>
      <Table size="small" aria-label={label}>
        <TableHeader>
          <TableRow>
            {headings.map((h) => (
              <TableHeaderCell key={h}>{h}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((item, i) => (
            <TableRow key={keyOf(item, i)}>
              {cellsOf(item).map((cell, c) => (
                <TableCell key={c}>{cell}</TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
